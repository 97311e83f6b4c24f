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

    private EmbeddedPostgres postgres;
    private final Path dataDir;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.port = postgres.getPort();
    }

    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        ProcessTree.stopStale(dataDir.resolve("postmaster.pid"), "postgres");
        return new EmbeddedDatabase(launch(dataDir, FreePort.find()), dataDir);
    }

    /** Starts the server again on the same port and data after {@link #close()}: the outage tests' way back. */
    public void restart() throws IOException {
        postgres = launch(dataDir, port);
    }

    private static EmbeddedPostgres launch(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // We stop the server ourselves, after the application has released its connections.
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .start();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return port;
    }

    /** pg_ctl returns once the pid file is gone, a moment before the postmaster has exited: wait for it. */
    @Override
    public void close() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Long postmaster = Files.isRegularFile(pidFile)
                ? Long.valueOf(Files.readAllLines(pidFile).get(0).trim()) : null;
        postgres.close();
        if (postmaster != null) {
            ProcessHandle.of(postmaster).ifPresent(p -> ProcessTree.stop(p, 10));
        }
    }
}
