package fr.dynamiques.sante.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(expectedCommandPart)).orElse(false))
                    .ifPresent(p -> stop(p, 20));
        } catch (IOException | NumberFormatException e) {
            // Unreadable pid file: nothing we can stop; the server's own start-up will report a real conflict.
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
