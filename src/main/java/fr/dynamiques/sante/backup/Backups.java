package fr.dynamiques.sante.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.dynamiques.sante.embedded.BackupArchive;
import fr.dynamiques.sante.embedded.BackupArchive.StoredBackup;
import fr.dynamiques.sante.problem.ProblemException;

/**
 * The base backups of the embedded PostgreSQL, one at a time, in the background: taken on demand (the admin API) and on
 * schedule ({@link BackupSchedule}), then the ones past retention pruned with their WAL.
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A backup failed: when, and why (the operator's logs say more). */
    public record Failure(Instant at, String reason) {
    }

    private final BackupConfig config;
    private final Optional<BackupArchive> archive;
    private final String url;
    private final String user;
    private final String password;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "base-backup");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Backup> running = new AtomicReference<>();
    private volatile Failure lastFailure;

    Backups(BackupConfig config, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.archive = config.enabled() && config.databaseDir().isPresent()
                ? config.dir().map(dir -> new BackupArchive(dir, Duration.ofSeconds(config.archiveTimeoutSeconds())))
                : Optional.empty();
        this.url = url;
        this.user = user;
        this.password = password.orElse("");
        this.clock = Clock.systemUTC();
    }

    /** Whether this process takes the backups: it runs the embedded PostgreSQL, and backups are on. */
    public boolean managed() {
        return archive.isPresent();
    }

    /** Starts a base backup in the background; 409 while one runs, or when this directory takes none. */
    public Backup start() {
        BackupArchive target = archive.orElseThrow(() -> new ProblemException(409, config.enabled()
                ? "This directory's PostgreSQL is external: it is backed up with its own tools (README, \"Backups\")."
                : "Backups are off (directory.backup.enabled=false).", List.of()));
        Instant now = clock.instant();
        String id = ID.format(now);
        if (target.find(id).isPresent()) {
            id = id + "-" + now.getNano() / 1_000_000;
        }
        Backup started = Backup.running(id, now);
        if (!running.compareAndSet(null, started)) {
            throw new ProblemException(409, "A backup is being taken (" + running.get().id() + "): wait for it to finish.",
                    List.of());
        }
        worker.execute(() -> take(target, started));
        return started;
    }

    private void take(BackupArchive target, Backup started) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            StoredBackup done = target.take(connection, config.databaseDir().orElseThrow(), started.id(), started.startedAt());
            LOG.infof("Base backup %s taken: %d MB in %d s", done.id(), done.bytes() / 1_000_000,
                    Duration.between(done.startedAt(), done.completedAt()).toSeconds());
            lastFailure = null;
            for (String removed : target.prune(config.keep(), clock.instant(), Optional.empty())) {
                LOG.infof("Base backup %s removed: older than directory.backup.keep (%s)", removed, config.keep());
            }
        } catch (IOException | SQLException | RuntimeException e) {
            lastFailure = new Failure(clock.instant(), e.getClass().getSimpleName());
            LOG.errorf(e, "Base backup %s failed", started.id());
        } finally {
            running.set(null);
        }
    }

    /** The finished backups, newest first, after the one being taken. */
    public List<Backup> list() {
        if (archive.isEmpty()) {
            return List.of();
        }
        List<Backup> all = new ArrayList<>();
        Optional.ofNullable(running.get()).ifPresent(all::add);
        for (StoredBackup backup : archive.get().backups()) {
            all.add(Backup.finished(backup, archive.get().lastArchived(backup.timeline()).orElse(backup.completedAt())));
        }
        return all;
    }

    public Optional<StoredBackup> lastGood() {
        return archive.flatMap(a -> a.backups().stream().findFirst());
    }

    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /**
     * A backup is due when none was taken, the last is older than the schedule, or the server moved to another history
     * since (a restore): the backups then all lead elsewhere.
     */
    boolean due() {
        if (archive.isEmpty() || running.get() != null) {
            return false;
        }
        Optional<StoredBackup> last = lastGood();
        return last.isEmpty() || !last.get().completedAt().plus(config.every()).isAfter(clock.instant())
                || !last.get().timeline().equals(currentTimeline());
    }

    private String currentTimeline() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select timeline_id from pg_control_checkpoint()")) {
            rs.next();
            return "%08X".formatted(rs.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's timeline", e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // An unfinished backup is abandoned with its session; its folder, without manifest, goes at the next prune.
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
