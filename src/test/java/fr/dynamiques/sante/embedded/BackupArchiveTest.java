package fr.dynamiques.sante.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.dynamiques.sante.embedded.BackupArchive.StoredBackup;

/** Retention on a real directory: backups past it go with the WAL only they needed; the newest always stays. */
@Tag("unit")
class BackupArchiveTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Duration KEEP = Duration.ofDays(14);

    @TempDir
    Path dir;

    @Test
    void pruneKeepsTheBackupsWithinRetentionAndTheWalTheyNeed() throws IOException {
        BackupArchive archive = new BackupArchive(dir, Duration.ofMinutes(5));
        archive.create();
        backup(archive, "old", 20, "000000010000000000000003");
        backup(archive, "recent", 10, "000000010000000000000008");
        backup(archive, "newest", 1, "00000002000000000000000C");
        Files.createDirectories(archive.data("unfinished"));
        Files.createDirectories(archive.data("running"));
        for (String segment : new String[] { "000000010000000000000002", "000000010000000000000007", "000000010000000000000008",
                "000000010000000000000008.00000028.backup", "000000010000000000000009.partial", "00000002.history",
                "00000002000000000000000C" }) {
            Files.writeString(archive.wal().resolve(segment), segment);
        }

        assertThat(archive.prune(KEEP, NOW, Optional.of("running"))).containsExactlyInAnyOrder("old", "unfinished");

        assertThat(archive.backups()).extracting(StoredBackup::id).containsExactly("newest", "recent");
        assertThat(archive.data("running")).isDirectory();
        assertThat(names(archive.wal())).containsExactlyInAnyOrder("000000010000000000000008",
                "000000010000000000000008.00000028.backup", "000000010000000000000009.partial", "00000002.history",
                "00000002000000000000000C");
    }

    @Test
    void theNewestBackupStaysHoweverOld() throws IOException {
        BackupArchive archive = new BackupArchive(dir, Duration.ofMinutes(5));
        archive.create();
        backup(archive, "ancient", 100, "000000010000000000000003");
        Files.writeString(archive.wal().resolve("000000010000000000000003"), "x");

        assertThat(archive.prune(KEEP, NOW, Optional.empty())).isEmpty();
        assertThat(archive.find("ancient")).isPresent();
        assertThat(archive.lastArchived("00000001")).isPresent();
        assertThat(archive.lastArchived("00000002")).isEmpty();
    }

    private static void backup(BackupArchive archive, String id, int daysAgo, String startSegment) throws IOException {
        Files.createDirectories(archive.data(id));
        Instant completed = NOW.minus(Duration.ofDays(daysAgo));
        archive.save(new StoredBackup(id, completed.minusSeconds(60), completed, 1_000, startSegment, "0/3000100"));
    }

    private static Stream<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        }
    }
}
