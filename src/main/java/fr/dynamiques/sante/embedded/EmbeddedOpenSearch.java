package fr.dynamiques.sante.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * A real OpenSearch node (the minimal distribution unpacked from Maven Central at build time),
 * run as a child process on loopback. OpenSearch refuses to run as root: as root it is started in a
 * fresh user namespace ({@code unshare -U}), where it is not root and needs no system user.
 */
public final class EmbeddedOpenSearch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedOpenSearch.class);

    private final Process process;
    private final int port;

    private EmbeddedOpenSearch(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static EmbeddedOpenSearch start(EmbeddedSettings settings, Path dataDir) throws IOException {
        Path home = settings.openSearchHome().toAbsolutePath();
        Path launcher = home.resolve("bin/opensearch");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("No OpenSearch distribution at " + home
                    + ": build the project first (./mvnw package) or set directory.embedded.opensearch-home");
        }
        Path data = Files.createDirectories(dataDir.resolve("data"));
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        Path config = copyConfig(home.resolve("config"), dataDir.resolve("config"));
        Path pidFile = dataDir.resolve("opensearch.pid");
        ProcessTree.stopStale(pidFile, "org.opensearch.bootstrap.OpenSearch");

        int port = FreePort.find();
        List<String> command = new ArrayList<>();
        if (Root.isRoot()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(launcher.toString(),
                "-p", pidFile.toAbsolutePath().toString(),
                "-E", "cluster.name=directory-embedded",
                "-E", "node.name=directory",
                "-E", "discovery.type=single-node",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + port,
                "-E", "transport.port=" + FreePort.find(),
                "-E", "path.data=" + data.toAbsolutePath(),
                "-E", "path.logs=" + logs.toAbsolutePath(),
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                "-E", "action.auto_create_index=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.log").toFile()));
        builder.environment().put("OPENSEARCH_PATH_CONF", config.toAbsolutePath().toString());
        builder.environment().put("OPENSEARCH_JAVA_HOME", settings.openSearchJavaHome().toString());
        builder.environment().put("OPENSEARCH_JAVA_OPTS",
                "-Xms" + settings.openSearchHeap() + " -Xmx" + settings.openSearchHeap());

        Instant started = Instant.now();
        EmbeddedOpenSearch node = new EmbeddedOpenSearch(builder.start(), port);
        try {
            node.awaitHealthy(settings.startTimeout(), logs.resolve("console.log"));
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        LOG.infof("Embedded OpenSearch ready on 127.0.0.1:%d in %d ms (data: %s)", port,
                Duration.between(started, Instant.now()).toMillis(), data.toAbsolutePath());
        return node;
    }

    /**
     * Each data directory gets its own copy of the distribution's configuration, owned by whoever runs
     * it: the unpacked distribution may belong to another user (its files are owner-only) and stays untouched.
     */
    private static Path copyConfig(Path source, Path target) throws IOException {
        try (var files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    public String hosts() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitHealthy(Duration timeout, Path consoleLog) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create("http://" + hosts() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("OpenSearch exited with code " + process.exitValue()
                        + "; see " + consoleLog.toAbsolutePath());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for OpenSearch", e);
            }
            sleep(250);
        }
        throw new IllegalStateException("OpenSearch not healthy after " + timeout.toSeconds() + " s; see "
                + consoleLog.toAbsolutePath());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        ProcessTree.stop(process.toHandle(), 30);
    }
}
