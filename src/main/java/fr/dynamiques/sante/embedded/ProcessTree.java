package fr.dynamiques.sante.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started, politely first. */
final class ProcessTree {

    private ProcessTree() {
    }

    static void stop(ProcessHandle root, long graceSeconds) {
        List<ProcessHandle> tree = root.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        root.destroy();
        waitFor(root, graceSeconds);
        tree.forEach(p -> waitFor(p, 2));
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (root.isAlive()) {
            root.destroyForcibly();
        }
    }

    /** A previous run killed with SIGKILL may have left its server running on our data directory. */
    static void stopStale(Path pidFile, String expectedCommandPart) {
        running(pidFile, expectedCommandPart).ifPresent(p -> stop(p, 20));
    }

    /** The live process a pid file names, when its command is the one expected (a pid is reused after a crash). */
    static Optional<ProcessHandle> running(Path pidFile, String expectedCommandPart) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(expectedCommandPart)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            // Unreadable or vanished pid file: nothing running that we can name.
            return Optional.empty();
        }
    }

    private static void waitFor(ProcessHandle process, long seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Still alive after the grace period: the caller escalates.
        }
    }
}
