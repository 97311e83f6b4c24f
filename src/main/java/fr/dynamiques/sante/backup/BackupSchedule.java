package fr.dynamiques.sante.backup;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import fr.dynamiques.sante.problem.ProblemException;

/** Takes a base backup when one is due ({@link Backups#due}): looked at every minute, the first a minute after start. */
@ApplicationScoped
class BackupSchedule {

    private final Backups backups;

    BackupSchedule(Backups backups) {
        this.backups = backups;
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeWhenDue() {
        if (backups.due()) {
            try {
                backups.start();
            } catch (ProblemException e) {
                // One started through the API meanwhile.
            }
        }
    }
}
