package fr.dynamiques.sante.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from the zonky binaries on Maven Central. Zonky runs initdb only when the
 * data directory holds no cluster yet, so a persistent data directory keeps its data across restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        ProcessTree.stopStale(dataDir.resolve("postmaster.pid"), "postgres");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // We stop the server ourselves, after the application has released its connections.
                .setRegisterShutdownHook(false)
                .setPort(FreePort.find())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .start();
        return new EmbeddedDatabase(postgres);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
