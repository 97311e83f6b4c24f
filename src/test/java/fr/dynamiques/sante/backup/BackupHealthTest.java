package fr.dynamiques.sante.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The backups check's rule: down once the last good backup is more than twice the schedule old. */
@Tag("unit")
class BackupHealthTest {

    private static final Duration DAILY = Duration.ofDays(1);
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void upWithinTwiceTheScheduleDownAfter() {
        Instant started = NOW.minus(Duration.ofDays(30));
        assertThat(BackupHealth.fresh(Optional.of(NOW.minus(Duration.ofHours(47))), started, DAILY, NOW)).isTrue();
        assertThat(BackupHealth.fresh(Optional.of(NOW.minus(Duration.ofHours(48))), started, DAILY, NOW)).isTrue();
        assertThat(BackupHealth.fresh(Optional.of(NOW.minus(Duration.ofHours(49))), started, DAILY, NOW)).isFalse();
    }

    @Test
    void withoutAnyBackupTheStartCountsAsTheLast() {
        assertThat(BackupHealth.fresh(Optional.empty(), NOW.minus(Duration.ofMinutes(5)), DAILY, NOW)).isTrue();
        assertThat(BackupHealth.fresh(Optional.empty(), NOW.minus(Duration.ofDays(3)), DAILY, NOW)).isFalse();
    }
}
