package fr.dynamiques.sante.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from the zonky binaries on Maven Central. Zonky runs initdb only when the
 * data directory holds no cluster yet, so a persistent data directory keeps its data across restarts.
 * With a backup archive, the server archives every finished WAL segment into it, and a clean stop archives the
 * last one written.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private EmbeddedPostgres postgres;
    private final Path dataDir;
    private final int port;
    private final Optional<BackupArchive> archive;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, Optional<BackupArchive> archive) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.port = postgres.getPort();
        this.archive = archive;
    }

    public static EmbeddedDatabase start(Path dataDir, Optional<BackupArchive> archive) throws IOException {
        Files.createDirectories(dataDir);
        ProcessTree.stopStale(dataDir.resolve("postmaster.pid"), "postgres");
        if (archive.isPresent()) {
            archive.get().create();
        }
        return new EmbeddedDatabase(launch(dataDir, FreePort.find(), archive), dataDir, archive);
    }

    /**
     * Starts a server in recovery on a restored data directory ({@link Restore}): its output goes to {@code log}, where
     * the reason it stopped can be read, and it may take {@code wait} to accept connections.
     */
    static EmbeddedDatabase recover(Path dataDir, BackupArchive archive, Path log, Duration wait) throws IOException {
        EmbeddedPostgres postgres = builder(dataDir, FreePort.find(), Optional.of(archive))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setPGStartupWait(wait).start();
        return new EmbeddedDatabase(postgres, dataDir, Optional.of(archive));
    }

    /** Starts the server again on the same port and data after {@link #close()}: the outage tests' way back. */
    public void restart() throws IOException {
        postgres = launch(dataDir, port, archive);
    }

    private static EmbeddedPostgres launch(Path dataDir, int port, Optional<BackupArchive> archive)
            throws IOException {
        return builder(dataDir, port, archive).start();
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, int port, Optional<BackupArchive> archive) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // We stop the server ourselves, after the application has released its connections.
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100");
        archive.ifPresent(a -> a.serverConfig().forEach(builder::setServerConfig));
        return builder;
    }

    public Optional<BackupArchive> archive() {
        return archive;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A session of the server's own, outside any pool. */
    Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
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
        if (archive.isPresent()) {
            archiveLastSegment(Duration.ofSeconds(30));
        }
        Path pidFile = dataDir.resolve("postmaster.pid");
        Long postmaster = Files.isRegularFile(pidFile)
                ? Long.valueOf(Files.readAllLines(pidFile).get(0).trim())
                : null;
        postgres.close();
        if (postmaster != null) {
            ProcessHandle.of(postmaster).ifPresent(p -> ProcessTree.stop(p, 10));
        }
    }

    /**
     * A clean stop leaves the segment being written unarchived until the next start: switch to a new one and wait for
     * the archiver, so that losing the data directory while stopped loses nothing.
     */
    private void archiveLastSegment(Duration timeout) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            String last;
            try (ResultSet rs = statement.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
                rs.next();
                last = rs.getString(1);
            }
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = statement.executeQuery("select last_archived_wal from pg_stat_archiver")) {
                    rs.next();
                    String archived = rs.getString(1);
                    if (archived != null && archived.substring(0, Math.min(24, archived.length())).compareTo(last) >= 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
            LOG.warnf("WAL segment %s not archived within %d s of the stop: it is archived at the next start", last,
                    timeout.toSeconds());
        } catch (SQLException e) {
            LOG.warnf("Could not archive the last WAL segment at the stop (%s): it is archived at the next start",
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
