package fr.dynamiques.sante.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import fr.dynamiques.sante.embedded.BackupArchive.StoredBackup;

/**
 * {@code restore <backup-id> [--until <instant>]}, run with the directory stopped and its configuration: rebuilds the
 * embedded PostgreSQL's data directory from a base backup and replays the archived WAL to the instant, or to the end,
 * then exits. The data directory found there is kept aside, renamed, never deleted. A restore follows the history the
 * backup was taken on (its timeline), so restoring to an instant and then again to the end brings back what came after
 * the instant. The next start rebuilds the search indexes from the database (the row left in {@code restore_mark}).
 */
public final class Restore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** The instant as PostgreSQL's recovery_target_time takes it (it refuses ISO's T and Z). */
    private static final DateTimeFormatter TARGET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);
    /** What PostgreSQL says when the archive ends before the instant asked: then the instant's state is the archive's end. */
    private static final String TARGET_NOT_REACHED = "recovery ended before configured recovery target was reached";

    private final EmbeddedSettings settings;
    private final PrintStream out;
    private final PrintStream err;

    private Restore(EmbeddedSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** @return the exit status: 0 restored, 1 failed, 2 a mistake in the command or the configuration */
    public static int run(EmbeddedSettings settings, List<String> args, PrintStream out, PrintStream err) {
        return new Restore(settings, out, err).run(args);
    }

    private enum Outcome {
        PROMOTED,
        TARGET_NOT_REACHED,
        STOPPED
    }

    private int run(List<String> args) {
        if (args.size() != 1 && !(args.size() == 3 && args.get(1).equals("--until"))) {
            err.println("Usage: java -jar quarkus-run.jar restore <backup-id> [--until <instant, e.g. 2026-12-04T09:30:00Z>]");
            return 2;
        }
        Optional<Instant> until;
        try {
            until = args.size() == 3 ? Optional.of(instant(args.get(2))) : Optional.empty();
        } catch (DateTimeParseException e) {
            err.printf(
                    "--until wants an ISO-8601 instant with its offset, e.g. 2026-12-04T09:30:00Z or 2026-12-04T10:30:00+01:00, not \"%s\".%n",
                    args.get(2));
            return 2;
        }
        if (EmbeddedSettings.externalDatabase() || !settings.enabled()) {
            err.println(
                    "The directory is configured with an external PostgreSQL: restore it with its own tools (README, \"Backups\").");
            return 2;
        }
        Optional<BackupArchive> configured = BackupArchive.of(settings);
        if (configured.isEmpty()) {
            err.println("Backups are off (directory.backup.enabled=false): there is nothing to restore from.");
            return 2;
        }
        BackupArchive archive = configured.get();
        String id = args.get(0);
        Optional<StoredBackup> found = archive.find(id);
        if (found.isEmpty()) {
            List<StoredBackup> backups = archive.backups();
            err.printf("No backup %s in %s. %s%n", id, archive.dir(), backups.isEmpty() ? "It holds none."
                    : "It holds: " + backups.stream().map(StoredBackup::id).collect(Collectors.joining(", ")) + ".");
            return 2;
        }
        StoredBackup backup = found.get();
        if (until.isPresent() && until.get().isBefore(backup.completedAt())) {
            err.printf(
                    "Backup %s can be restored to %s or later, when it finished: choose an earlier backup or a later instant.%n",
                    id, backup.completedAt());
            return 2;
        }
        Path database = settings.databaseDir();
        Optional<ProcessHandle> running = ProcessTree.running(database.resolve("postmaster.pid"), "postgres");
        if (running.isPresent()) {
            err.printf("The directory is running on %s (PostgreSQL, process %d): stop it first.%n", database,
                    running.get().pid());
            return 1;
        }
        try {
            return restore(archive, backup, until, database);
        } catch (IOException | SQLException | RuntimeException e) {
            err.printf("Restore failed: %s%n", e);
            return 1;
        }
    }

    private int restore(BackupArchive archive, StoredBackup backup, Optional<Instant> until, Path database)
            throws IOException, SQLException {
        Instant began = Instant.now();
        String stamp = STAMP.format(began);
        if (Files.exists(database)) {
            Path aside = database.resolveSibling(database.getFileName() + ".before-restore-" + stamp);
            Files.move(database, aside);
            out.printf("The data directory found is kept as %s: delete it once the restore suits you.%n", aside);
        }
        ClusterFiles.copyBack(archive.data(backup.id()), database);
        Path settingsFile = database.resolve("postgresql.auto.conf");
        String original = Files.exists(settingsFile) ? Files.readString(settingsFile) : "";
        Files.writeString(settingsFile, original + recoverySettings(archive, backup, until));
        Files.createFile(database.resolve("recovery.signal"));
        Path log = database.resolveSibling("restore-" + stamp + ".log");
        out.printf("Replaying the archived WAL from backup %s to %s (server log: %s)%n", backup.id(),
                until.map(Instant::toString).orElse("its end"), log);

        Outcome outcome = recover(archive, database, log, backup, until);
        if (outcome == Outcome.TARGET_NOT_REACHED) {
            // Nothing archived was written after the instant: its state is the archive's end.
            out.printf("The archive ends before %s: replaying all of it.%n", until.orElseThrow());
            Files.writeString(settingsFile, original + recoverySettings(archive, backup, Optional.empty()));
            outcome = recover(archive, database, log, backup, until);
        }
        if (outcome != Outcome.PROMOTED) {
            err.printf("PostgreSQL stopped before it had recovered: see %s.%n", log);
            return 1;
        }
        Files.writeString(settingsFile, original);
        out.printf("Restored in %d s. The next start rebuilds the search indexes from the database.%n",
                Duration.between(began, Instant.now()).toSeconds());
        return 0;
    }

    private static String recoverySettings(BackupArchive archive, StoredBackup backup, Optional<Instant> until) {
        StringBuilder settings = new StringBuilder("\n# Set by the directory's restore, removed once recovered\n")
                .append("restore_command = 'cp ''").append(archive.wal()).append("/%f'' %p'\n")
                // The history the backup was taken on, not a later one started by an earlier restore.
                .append("recovery_target_timeline = '").append(Long.parseLong(backup.timeline(), 16)).append("'\n")
                .append("recovery_target_action = 'promote'\n");
        until.ifPresent(instant -> settings.append("recovery_target_time = '").append(TARGET.format(instant)).append("'\n"));
        return settings.toString();
    }

    /** Starts the server in recovery and waits for it to end: promoted, or stopped and why. */
    private Outcome recover(BackupArchive archive, Path database, Path log, StoredBackup backup, Optional<Instant> until)
            throws IOException, SQLException {
        // Zonky waits for the first connection however long it takes; the server may stop before: watch both.
        CompletableFuture<EmbeddedDatabase> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return EmbeddedDatabase.recover(database, archive, log, Duration.ofHours(6));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
        Instant started = Instant.now();
        while (!starting.isDone()) {
            if (stopped(database, started)) {
                return stoppedBecause(log);
            }
            pause();
        }
        EmbeddedDatabase db = starting.join();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rs = statement.executeQuery("select pg_is_in_recovery(), pg_last_xact_replay_timestamp()")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        Timestamp last = rs.getTimestamp(2);
                        out.printf("Recovered: the last transaction replayed was committed at %s.%n",
                                last == null ? "(none after the backup)" : last.toInstant());
                        break;
                    }
                }
                pause();
            }
            try (PreparedStatement mark = connection
                    .prepareStatement("insert into restore_mark (backup_id, until) values (?, ?)")) {
                mark.setString(1, backup.id());
                mark.setObject(2, until.map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null));
                mark.executeUpdate();
            }
        } catch (SQLException e) {
            if (stopped(database, started)) {
                return stoppedBecause(log);
            }
            throw e;
        }
        db.close();
        return Outcome.PROMOTED;
    }

    /** The postmaster removes its pid file as it exits. */
    private static boolean stopped(Path database, Instant started) {
        return Duration.between(started, Instant.now()).toSeconds() > 5
                && ProcessTree.running(database.resolve("postmaster.pid"), "postgres").isEmpty();
    }

    private static Outcome stoppedBecause(Path log) throws IOException {
        return Files.readString(log).contains(TARGET_NOT_REACHED) ? Outcome.TARGET_NOT_REACHED : Outcome.STOPPED;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while PostgreSQL recovered", e);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
