package fr.dynamiques.sante.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The backup directory of the embedded PostgreSQL: {@code wal/}, where the server archives each finished WAL segment
 * (PostgreSQL's own {@code basic_archive} module: copied, fsynced, renamed into place), and {@code base/<id>/}, one base
 * backup each (the data directory as copied between {@code pg_backup_start} and {@code pg_backup_stop}, in {@code data/},
 * and its {@code backup.json}, written last: a folder without it is a backup that did not finish).
 */
public record BackupArchive(Path dir, Duration archiveTimeout) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** A WAL segment: timeline, then log and segment numbers, 8 hex digits each. */
    private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}(\\.partial|\\.[0-9A-F]{8}\\.backup)?");
    private static final String MANIFEST = "backup.json";

    /** A finished base backup, as {@code backup.json} records it. */
    public record StoredBackup(String id, Instant startedAt, Instant completedAt, long bytes, String startSegment,
            String stopLsn) {

        /** The timeline the backup was taken on: a restore follows it. */
        public String timeline() {
            return startSegment.substring(0, 8);
        }
    }

    public static Optional<BackupArchive> of(EmbeddedSettings settings) {
        return Optional.ofNullable(settings.backupDir()).map(dir -> new BackupArchive(dir, settings.archiveTimeout()));
    }

    public Path wal() {
        return dir.resolve("wal");
    }

    public Path base() {
        return dir.resolve("base");
    }

    /** Where a backup's copy of the data directory goes. */
    public Path data(String id) {
        return base().resolve(id).resolve("data");
    }

    /** How the server archives: set on every start of the embedded PostgreSQL while backups are on. */
    Map<String, String> serverConfig() {
        String wal = wal().toString();
        if (wal.contains("'")) {
            // pg_ctl hands the options to a shell: a quote in the path would end the value.
            throw new IllegalArgumentException("directory.backup.dir must not contain a quote: " + dir);
        }
        return Map.of("archive_mode", "on", "archive_library", "basic_archive",
                "basic_archive.archive_directory", "'" + wal + "'",
                "archive_timeout", String.valueOf(archiveTimeout.toSeconds()));
    }

    void create() throws IOException {
        Files.createDirectories(wal());
        Files.createDirectories(base());
    }

    /** The finished backups, newest first. */
    public List<StoredBackup> backups() {
        if (!Files.isDirectory(base())) {
            return List.of();
        }
        List<StoredBackup> backups = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(base())) {
            for (Path manifest : dirs.map(d -> d.resolve(MANIFEST)).filter(Files::isRegularFile).toList()) {
                backups.add(JSON.readValue(manifest.toFile(), StoredBackup.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        backups.sort(Comparator.comparing(StoredBackup::completedAt).reversed());
        return backups;
    }

    public Optional<StoredBackup> find(String id) {
        return backups().stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /**
     * Takes a base backup of the server behind this connection, whose data directory is {@code databaseDir}, with
     * PostgreSQL's low-level API: writes go on meanwhile; the WAL written during the copy makes it consistent.
     * The connection must be the server's own session for the backup's length (not a pooled one): closing it
     * abandons a backup left unfinished.
     */
    public StoredBackup take(Connection connection, Path databaseDir, String id, Instant started)
            throws IOException, SQLException {
        Path folder = base().resolve(id);
        try {
            Files.createDirectories(folder.resolve("data"));
            String startSegment;
            try (PreparedStatement start = connection
                    .prepareStatement("select pg_walfile_name(lsn) from pg_backup_start(?, true) lsn")) {
                start.setString(1, "directory " + id);
                try (ResultSet rs = start.executeQuery()) {
                    rs.next();
                    startSegment = rs.getString(1);
                }
            }
            long bytes = ClusterFiles.copyLive(databaseDir, data(id));
            String stopLsn;
            try (Statement stop = connection.createStatement();
                    ResultSet rs = stop.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(true)")) {
                rs.next();
                stopLsn = rs.getString(1);
                Files.writeString(data(id).resolve("backup_label"), rs.getString(2));
                ClusterFiles.sync(data(id).resolve("backup_label"));
                String tablespaces = rs.getString(3);
                if (tablespaces != null && !tablespaces.isBlank()) {
                    Files.writeString(data(id).resolve("tablespace_map"), tablespaces);
                    ClusterFiles.sync(data(id).resolve("tablespace_map"));
                }
            }
            StoredBackup backup = new StoredBackup(id, started, Instant.now(), bytes, startSegment, stopLsn);
            save(backup);
            return backup;
        } catch (IOException | SQLException | RuntimeException e) {
            ClusterFiles.delete(folder);
            throw e;
        }
    }

    /** Records a backup as finished: written beside, synced, then renamed into place. */
    public void save(StoredBackup backup) throws IOException {
        Path folder = base().resolve(backup.id());
        Path written = folder.resolve(MANIFEST + ".tmp");
        Files.write(written, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(backup));
        ClusterFiles.sync(written);
        Files.move(written, folder.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * When the newest segment of this timeline was archived: the latest instant a backup on it can be restored to.
     * Empty before the first segment is archived.
     */
    public Optional<Instant> lastArchived(String timeline) {
        if (!Files.isDirectory(wal())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(wal())) {
            return files.filter(f -> SEGMENT.matcher(f.getFileName().toString()).matches())
                    .filter(f -> f.getFileName().toString().startsWith(timeline))
                    .map(BackupArchive::modified).max(Comparator.naturalOrder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the backups finished within {@code keep} and always the newest one; removes the others, the folders of
     * backups that never finished (not the one being taken, {@code running}), and the WAL segments older than the oldest
     * backup kept, which no restore can use. Timeline history files are small and kept.
     *
     * @return the backups removed
     */
    public List<String> prune(Duration keep, Instant now, Optional<String> running) throws IOException {
        List<StoredBackup> backups = backups();
        if (backups.isEmpty()) {
            return List.of();
        }
        List<StoredBackup> kept = backups.stream()
                .filter(b -> b == backups.get(0) || b.completedAt().isAfter(now.minus(keep))).toList();
        List<String> keptIds = kept.stream().map(StoredBackup::id).toList();
        List<String> removed = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(base())) {
            for (Path folder : dirs.toList()) {
                String id = folder.getFileName().toString();
                if (!keptIds.contains(id) && !running.filter(id::equals).isPresent()) {
                    ClusterFiles.delete(folder);
                    removed.add(id);
                }
            }
        }
        // Segment names order by log and segment number after the 8 digits of the timeline.
        String oldestNeeded = kept.get(kept.size() - 1).startSegment().substring(8);
        try (Stream<Path> files = Files.list(wal())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (SEGMENT.matcher(name).matches() && name.substring(8, 24).compareTo(oldestNeeded) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        }
        return removed;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (NoSuchFileException e) {
            return FileTime.fromMillis(0).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
