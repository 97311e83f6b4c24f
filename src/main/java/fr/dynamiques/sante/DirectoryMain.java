package fr.dynamiques.sante;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import fr.dynamiques.sante.embedded.EmbeddedServices;
import fr.dynamiques.sante.embedded.EmbeddedSettings;
import fr.dynamiques.sante.embedded.Restore;

/**
 * Entry point of the directory. Before Quarkus boots, starts the embedded PostgreSQL and OpenSearch
 * that the configuration does not replace by external services, and hands their addresses to Quarkus
 * as system properties. They stop after the application, on any exit. {@code restore <backup-id> [--until <instant>]}
 * restores the embedded database instead, and exits.
 */
@QuarkusMain
public class DirectoryMain {

    private static final String DEMO_DATA = "directory.demo-data.enabled";

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("restore")) {
            // The directory stopped, its database is rebuilt from a backup; the application itself does not start.
            System.exit(Restore.run(EmbeddedSettings.fromEnvironment(), List.of(args).subList(1, args.length), System.out,
                    System.err));
        }
        EmbeddedServices services = EmbeddedServices.startMissing(EmbeddedSettings.fromEnvironment());
        services.configuration().forEach(System::setProperty);
        // The local run on its own database shows the demo registry unless told otherwise.
        if (services.database() != null && EmbeddedSettings.read(DEMO_DATA).isEmpty()) {
            System.setProperty(DEMO_DATA, "true");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitApplicationStopped(Duration.ofSeconds(30));
            services.close();
        }, "embedded-services-shutdown"));
        Quarkus.run(args);
    }

    /** Quarkus stops in its own shutdown hook; the database must outlive its connection pool. */
    private static void awaitApplicationStopped(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Arc.container() != null && Arc.container().isRunning() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
