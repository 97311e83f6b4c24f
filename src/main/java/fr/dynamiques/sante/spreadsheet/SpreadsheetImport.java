package fr.dynamiques.sante.spreadsheet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.problem.ProblemException;

/**
 * A listing brought in from a spreadsheet: the file as sent and the person's choices, kept in PostgreSQL so that any
 * node shows the same draft and a restart loses nothing. A draft lives {@link #DRAFT_LIFE}; a committed import keeps its
 * report and its undo for {@link #UNDO_LIFE}.
 */
@Entity
@jakarta.persistence.Table(name = "spreadsheet_import") // not this package's Table, a sheet of cells
public class SpreadsheetImport extends PanacheEntityBase {

    public static final Duration DRAFT_LIFE = Duration.ofDays(7);
    public static final Duration UNDO_LIFE = Duration.ofDays(30);

    public enum Status {
        DRAFT,
        COMMITTED,
        UNDONE
    }

    @Id
    public UUID id;
    public Long accountId;
    public String actorRole;
    public String fileName;
    public byte[] content;
    /** The person's {@link Settings}, as JSON. */
    public String settings;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant committedAt;
    /** The preview as committed ({@link Preview}, JSON): the row-by-row report. */
    public String outcome;
    public Instant undoneAt;

    /** The import if the caller may see it: its author, or an admin. Expired ones are gone. */
    public static SpreadsheetImport findFor(String id, Caller caller) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No import " + id + ".");
        }
        return Optional.ofNullable(SpreadsheetImport.<SpreadsheetImport> findById(uuid))
                .filter(i -> i.expiresAt.isAfter(Instant.now()))
                .filter(i -> caller.isAdmin() || i.accountId != null && i.accountId.equals(caller.accountId()))
                .orElseThrow(() -> ProblemException.notFound("No import " + id + "."));
    }

    /** The caller's imports, newest first (an admin's own; the configuration's token sees those made with it). */
    public static List<SpreadsheetImport> of(Caller caller) {
        return caller.accountId() == null
                ? list("accountId is null and expiresAt > ?1 order by createdAt desc", Instant.now())
                : list("accountId = ?1 and expiresAt > ?2 order by createdAt desc", caller.accountId(), Instant.now());
    }

    /** Drafts and imports past their time go, with their files. */
    public static long deleteExpired() {
        return delete("expiresAt <= ?1", Instant.now());
    }
}
