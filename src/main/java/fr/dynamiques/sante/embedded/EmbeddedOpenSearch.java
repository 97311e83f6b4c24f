package fr.dynamiques.sante.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jboss.logging.Logger;

/**
 * A real OpenSearch engine (the minimal distribution unpacked from Maven Central at build time) of one or more nodes,
 * each a child process on loopback. One node runs alone ({@code discovery.type=single-node}); several form a cluster
 * that elects its manager among themselves, so that one node may stop while search and indexing go on. OpenSearch
 * refuses to run as root: as root it is started in a fresh user namespace ({@code unshare -U}), where it is not root
 * and needs no system user.
 */
public final class EmbeddedOpenSearch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedOpenSearch.class);
    private static final String CLUSTER = "directory-embedded";

    /** One node: what starts it again after a stop (same ports, same data). */
    private static final class Node {
        final String name;
        final int httpPort;
        final ProcessBuilder builder;
        final Path consoleLog;
        volatile Process process;

        Node(String name, int httpPort, ProcessBuilder builder, Path consoleLog) {
            this.name = name;
            this.httpPort = httpPort;
            this.builder = builder;
            this.consoleLog = consoleLog;
        }
    }

    private final List<Node> nodes;
    private final Duration startTimeout;

    private EmbeddedOpenSearch(List<Node> nodes, Duration startTimeout) {
        this.nodes = nodes;
        this.startTimeout = startTimeout;
    }

    public static EmbeddedOpenSearch start(EmbeddedSettings settings, Path dataDir) throws IOException {
        Path home = settings.openSearchHome().toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/opensearch"))) {
            throw new IllegalStateException("No OpenSearch distribution at " + home
                    + ": build the project first (./mvnw package) or set directory.embedded.opensearch-home");
        }
        int count = settings.openSearchNodes();
        Layout layout = Layout.of(count);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // One node keeps the layout of the single-node engine (data, logs, config under dataDir): existing data stays.
            Path nodeDir = count == 1 ? dataDir : dataDir.resolve(layout.names().get(i));
            nodes.add(node(settings, home, layout, i, nodeDir));
        }

        Instant started = Instant.now();
        EmbeddedOpenSearch engine = new EmbeddedOpenSearch(nodes, settings.startTimeout());
        try {
            for (Node node : nodes) {
                node.process = node.builder.start();
            }
            engine.awaitHealthy(count, "yellow");
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        LOG.infof("Embedded OpenSearch ready on %s (%d node%s) in %d ms (data: %s)", engine.hosts(), count,
                count == 1 ? "" : "s",
                Duration.between(started, Instant.now()).toMillis(), dataDir.toAbsolutePath());
        return engine;
    }

    /** The cluster's node names and loopback ports, all chosen first: each node's discovery names every other. */
    private record Layout(List<String> names, List<Integer> httpPorts, List<Integer> transportPorts) {

        static Layout of(int count) {
            List<Integer> transportPorts = new ArrayList<>();
            List<Integer> httpPorts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                httpPorts.add(FreePort.find());
                transportPorts.add(FreePort.find());
            }
            List<String> names = IntStream.rangeClosed(1, count)
                    .mapToObj(i -> count == 1 ? "directory" : "directory-" + i).toList();
            return new Layout(names, httpPorts, transportPorts);
        }

        /** Node i's name and addresses within the cluster. */
        List<String> identity(int i) {
            return List.of("-E", "cluster.name=" + CLUSTER,
                    "-E", "node.name=" + names.get(i),
                    "-E", "network.host=127.0.0.1",
                    "-E", "http.port=" + httpPorts.get(i),
                    "-E", "transport.port=" + transportPorts.get(i));
        }

        /** Alone, a single node; several, each finds the others and they elect their manager among themselves. */
        List<String> discovery() {
            if (names.size() == 1) {
                return List.of("-E", "discovery.type=single-node");
            }
            return List.of(
                    "-E",
                    "discovery.seed_hosts="
                            + transportPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(",")),
                    "-E", "cluster.initial_cluster_manager_nodes=" + String.join(",", names));
        }
    }

    /** Node i, ready to start: its directories, configuration and command; a stale process of a former run stopped. */
    private static Node node(EmbeddedSettings settings, Path home, Layout layout, int i, Path nodeDir) throws IOException {
        Path data = Files.createDirectories(nodeDir.resolve("data"));
        Path logs = Files.createDirectories(nodeDir.resolve("logs"));
        Path config = copyConfig(home.resolve("config"), nodeDir.resolve("config"));
        Path pidFile = nodeDir.resolve("opensearch.pid");
        ProcessTree.stopStale(pidFile, "org.opensearch.bootstrap.OpenSearch");

        List<String> command = new ArrayList<>();
        if (Root.isRoot()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(home.resolve("bin/opensearch").toString(), "-p", pidFile.toAbsolutePath().toString()));
        command.addAll(layout.identity(i));
        command.addAll(List.of(
                "-E", "path.data=" + data.toAbsolutePath(),
                "-E", "path.logs=" + logs.toAbsolutePath(),
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                "-E", "action.auto_create_index=false"));
        command.addAll(layout.discovery());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.log").toFile()));
        builder.environment().put("OPENSEARCH_PATH_CONF", config.toAbsolutePath().toString());
        builder.environment().put("OPENSEARCH_JAVA_HOME", settings.openSearchJavaHome().toString());
        builder.environment().put("OPENSEARCH_JAVA_OPTS",
                "-Xms" + settings.openSearchHeap() + " -Xmx" + settings.openSearchHeap());
        return new Node(layout.names().get(i), layout.httpPorts().get(i), builder, logs.resolve("console.log"));
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

    /** Every node's HTTP address, comma-separated: what Hibernate Search is given (it fails over between them). */
    public String hosts() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.httpPort).collect(Collectors.joining(","));
    }

    /** The first node's process. */
    public long pid() {
        return nodes.get(0).process.pid();
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** Stops one node (0-based), as an operator would: the others go on. */
    public void stopNode(int index) {
        Node node = nodes.get(index);
        ProcessTree.stop(node.process.toHandle(), 30);
        LOG.infof("Embedded OpenSearch node %s stopped", node.name);
    }

    /** Starts a stopped node again, on its ports and data, and waits until it is back in the cluster. */
    public void restartNode(int index) {
        Node node = nodes.get(index);
        try {
            node.process = node.builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch node " + node.name + " could not start again", e);
        }
        awaitHealthy(nodes.size(), "yellow");
        LOG.infof("Embedded OpenSearch node %s back in the cluster", node.name);
    }

    /** Waits until the cluster has all its nodes and every index at this status (yellow, green). */
    private void awaitHealthy(int expectedNodes, String status) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(startTimeout);
        while (Instant.now().isBefore(deadline)) {
            for (Node node : nodes) {
                if (node.process != null && !node.process.isAlive() && node.process.exitValue() != 143) {
                    throw new IllegalStateException(
                            "OpenSearch node " + node.name + " exited with code " + node.process.exitValue()
                                    + "; see " + node.consoleLog.toAbsolutePath());
                }
            }
            for (Node node : nodes) {
                HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort
                        + "/_cluster/health?wait_for_status=" + status + "&wait_for_nodes=" + expectedNodes + "&timeout=2s"))
                        .timeout(Duration.ofSeconds(5)).build();
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
            }
            sleep(250);
        }
        throw new IllegalStateException("OpenSearch not " + status + " with " + expectedNodes + " node(s) after "
                + startTimeout.toSeconds() + " s; see " + nodes.get(0).consoleLog.toAbsolutePath());
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
        nodes.parallelStream().filter(n -> n.process != null).forEach(n -> ProcessTree.stop(n.process.toHandle(), 30));
    }
}
