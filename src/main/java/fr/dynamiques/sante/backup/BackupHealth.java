package fr.dynamiques.sante.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

import fr.dynamiques.sante.embedded.BackupArchive.StoredBackup;

/**
 * In {@code /q/health} (not in readiness: a backup running or late does not stop the directory from serving): the age
 * of the last good backup, down when it is older than twice the schedule.
 */
@Wellness
@ApplicationScoped
class BackupHealth implements HealthCheck {

    private final Backups backups;
    private final BackupConfig config;
    private final Instant started = Instant.now();

    BackupHealth(Backups backups, BackupConfig config) {
        this.backups = backups;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("backups");
        if (!backups.managed()) {
            // External PostgreSQL (its operator backs it up), or backups off.
            return response.up().withData("takenByTheDirectory", false).build();
        }
        Instant now = Instant.now();
        Optional<StoredBackup> last = backups.lastGood();
        last.ifPresent(b -> response.withData("lastBackup", b.completedAt().toString())
                .withData("ageSeconds", Duration.between(b.completedAt(), now).toSeconds()));
        backups.lastFailure().ifPresent(f -> response.withData("lastFailure", f.at().toString()));
        return response.withData("everySeconds", config.every().toSeconds())
                .status(fresh(last.map(StoredBackup::completedAt), started, config.every(), now)).build();
    }

    /** Up while the last good backup, or the start when there is none yet, is at most twice the schedule old. */
    static boolean fresh(Optional<Instant> lastGood, Instant started, Duration every, Instant now) {
        return !lastGood.orElse(started).plus(every.multipliedBy(2)).isBefore(now);
    }
}
