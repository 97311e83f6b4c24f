package fr.dynamiques.sante.backup;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.dynamiques.sante.embedded.BackupArchive.StoredBackup;

/** A base backup as the API lists it: the instants it can be restored to, and its size. */
@Schema(description = "A base backup of the embedded database; null fields while it is being taken", requiredProperties = {
        "id", "startedAt" })
public record Backup(
        @Schema(description = "What the restore command is given", examples = "20261204T031500Z") String id,
        Instant startedAt,
        @Schema(nullable = true) Instant completedAt,
        @Schema(description = "Size of the copy of the data directory", nullable = true) Long bytes,
        @Schema(description = "The earliest instant it restores to: when it finished", nullable = true) Instant restorableFrom,
        @Schema(description = "The latest: when the last WAL segment of its history was archived", nullable = true) Instant restorableUntil) {

    static Backup running(String id, Instant startedAt) {
        return new Backup(id, startedAt, null, null, null, null);
    }

    static Backup finished(StoredBackup backup, Instant lastArchived) {
        Instant until = lastArchived.isAfter(backup.completedAt()) ? lastArchived : backup.completedAt();
        return new Backup(backup.id(), backup.startedAt(), backup.completedAt(), backup.bytes(), backup.completedAt(), until);
    }
}
