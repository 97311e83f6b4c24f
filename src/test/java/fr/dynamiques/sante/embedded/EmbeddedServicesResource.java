package fr.dynamiques.sante.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The tests' services: the same embedded PostgreSQL and OpenSearch as the local run, on throwaway data.
 * External services configured in the environment are used instead, as in the application.
 */
public class EmbeddedServicesResource implements QuarkusTestResourceLifecycleManager {

    /** The services of the running test application, for tests that take them down (outages). */
    private static volatile EmbeddedServices current;

    private Path dataDir;
    private EmbeddedServices services;
    /** Init args of a test class that wants another engine: {@code opensearch-nodes}. */
    private Map<String, String> args = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        args = initArgs;
    }

    public static EmbeddedServices current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("directory-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        EmbeddedSettings settings = EmbeddedSettings.fromEnvironment().withDataDir(dataDir);
        if (args.containsKey("opensearch-nodes")) {
            settings = settings.withOpenSearch(Integer.parseInt(args.get("opensearch-nodes")), settings.openSearchHeap());
        }
        services = EmbeddedServices.startMissing(settings);
        current = services;
        return services.configuration();
    }

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
        deleteRecursively(dataDir);
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
