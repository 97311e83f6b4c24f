package fr.dynamiques.sante.spreadsheet;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.Role;
import fr.dynamiques.sante.coordinator.PersonErased;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.registry.SchemeWrites;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Imports from people's spreadsheets, from the file sent to its undo: a draft is the file and the person's choices,
 * its preview recomputed from them on every read (so any node shows the same); the commit writes every kept row, all
 * or nothing, through the one write path, each trail entry naming the import; the undo puts back what the import
 * changed, for 30 days, unless someone changed it since.
 */
@ApplicationScoped
public class SpreadsheetImports {

    private static final Logger LOG = Logger.getLogger(SpreadsheetImports.class);

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** A commit or an undo of 10,000 rows is one transaction: longer than the default 60 s is allowed to it. */
    public static final int WRITE_SECONDS = 600;

    /** What a commit or an undo did. */
    public record Committed(int created, int updated, int unchanged, int skipped, int proposed, UUID batch) {
    }

    public record Undone(int removed, int restored, UUID batch) {
    }

    private final Listing listing;
    private final SchemeWrites writes;
    private final CogSnapshot cog;
    private final ObjectMapper json;

    SpreadsheetImports(Listing listing, SchemeWrites writes, CogSnapshot cog, ObjectMapper json) {
        this.listing = listing;
        this.writes = writes;
        this.cog = cog;
        this.json = json;
    }

    /** A file sent from a form, whole, or a 413 past the limit. */
    public static byte[] read(FileUpload file) {
        if (file.size() > MAX_BYTES) {
            throw new ProblemException(413, "The file weighs more than 20 MB: split it.", List.of());
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw ProblemException.badRequest("The file could not be received whole: send it again.");
        }
    }

    /** A new draft from a file: read at once, so that a file that cannot be read is refused and nothing is kept. */
    @Transactional
    public SpreadsheetImport create(Caller caller, String fileName, byte[] content, String sheet, String kind) {
        mayImport(caller);
        if (content.length > MAX_BYTES) {
            throw new ProblemException(413, "The file weighs " + content.length / (1024 * 1024) + " MB; at most "
                    + MAX_BYTES / (1024 * 1024) + " MB are read: split it.", List.of());
        }
        if (content.length == 0) {
            throw ProblemException.badRequest("The file is empty.");
        }
        Settings settings = new Settings(sheet, Map.of(), blank(kind) ? null : kind.strip(), List.of(), Set.of(), Set.of());
        checkKind(settings.kind());
        TableReader.read(fileName, content, sheet);
        SpreadsheetImport.deleteExpired();
        SpreadsheetImport draft = new SpreadsheetImport();
        draft.id = UUID.randomUUID();
        draft.accountId = caller.accountId();
        draft.actorRole = caller.role().name();
        draft.fileName = fileName == null || fileName.isBlank() ? "listing" : fileName.strip();
        draft.content = content;
        draft.settings = write(settings);
        draft.status = SpreadsheetImport.Status.DRAFT;
        draft.createdAt = Instant.now();
        draft.expiresAt = draft.createdAt.plus(SpreadsheetImport.DRAFT_LIFE);
        draft.persist();
        return draft;
    }

    /** The draft with the person's new choices: checked, kept, and the preview recomputed. */
    @Transactional
    public SpreadsheetImport change(SpreadsheetImport draft, Settings change) {
        if (draft.status != SpreadsheetImport.Status.DRAFT) {
            throw new ProblemException(409,
                    "This import is " + draft.status.name().toLowerCase() + ": it can no longer change.", List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        change.columnsOrEmpty().forEach((index, field) -> {
            if (field != null && !field.isBlank() && !Headers.isField(field.strip())) {
                errors.add(new FieldError("columns." + index,
                        "'" + field + "' is not a field; one of " + String.join(", ", Headers.FIELDS)));
            }
        });
        for (int i = 0; i < change.choicesOrEmpty().size(); i++) {
            Settings.Choice choice = change.choicesOrEmpty().get(i);
            if (choice == null || choice.given() == null || choice.given().isBlank()) {
                errors.add(new FieldError("choices[" + i + "].given", "the name of the row the choice is for"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Some choices or mappings are incomplete; nothing was changed.", errors);
        }
        if (change.kind() != null && !change.kind().isBlank()) {
            checkKind(change.kind());
        }
        Settings merged = settings(draft).with(change);
        if (change.sheet() != null) {
            TableReader.read(draft.fileName, draft.content, merged.sheet()); // another sheet: one that exists, with a header
        }
        draft.settings = write(merged);
        return draft;
    }

    /** The draft as its reader sees it: rows outside the régions the reader answers for are errors. */
    public Preview preview(SpreadsheetImport draft, Caller reader) {
        if (draft.status != SpreadsheetImport.Status.DRAFT && draft.outcome != null) {
            Preview kept = read(draft.outcome, Preview.class);
            return new Preview(draft.id, draft.fileName, kept.format(), kept.sheet(), kept.sheets(), draft.status.name(),
                    kept.kind(), kept.columns(), kept.summary(), kept.rows(), draft.createdAt, draft.expiresAt,
                    draft.committedAt, draft.undoneAt);
        }
        Settings settings = settings(draft);
        Table table = TableReader.read(draft.fileName, draft.content, settings.sheet());
        Listing.Computed computed = listing.compute(table, settings, scope(reader));
        return preview(draft, table, settings, computed);
    }

    private static Preview preview(SpreadsheetImport draft, Table table, Settings settings, Listing.Computed computed) {
        return new Preview(draft.id, draft.fileName, table.format(), table.sheet(), table.sheets(), draft.status.name(),
                settings.kind(), computed.columns(), computed.summary(), computed.rows(), draft.createdAt, draft.expiresAt,
                draft.committedAt, draft.undoneAt);
    }

    /**
     * Writes every row kept, all or nothing: refused (409) while a kept row waits for a choice or has a mistake, and when
     * nothing would change. Unchanged rows are not written (no new revision, no trail entry).
     */
    @Transactional
    public Committed commit(Caller caller, SpreadsheetImport draft) {
        if (draft.status != SpreadsheetImport.Status.DRAFT) {
            throw new ProblemException(409, "This import is already " + draft.status.name().toLowerCase() + ".", List.of());
        }
        long started = System.nanoTime();
        Settings settings = settings(draft);
        Table table = TableReader.read(draft.fileName, draft.content, settings.sheet());
        Listing.Computed computed = listing.compute(table, settings, scope(caller));
        long read = System.nanoTime();
        refuseWhileRowsWait(computed);
        Map<Long, SchemeDocument> before = formerVersions(computed);
        List<SchemeDocument> docs = computed.planned().stream().map(Listing.Planned::document).toList();
        long checked = System.nanoTime();
        SchemeWrites.ImportReport report = docs.isEmpty() ? new SchemeWrites.ImportReport(0, 0, 0, false, List.of(), List.of())
                : writes.importAll(caller, docs, List.of(), false, draft.id);
        if (!report.errors().isEmpty()) {
            throw new ProblemException(409,
                    report.errors().size() + " row(s) were refused by the registry; nothing was written.",
                    report.errors());
        }
        long wrote = System.nanoTime();
        int written = recordUndo(caller, draft, docs, before);
        LOG.infof(
                "Import %s committed: %d row(s) written in %d ms (file read and rows resolved again %d ms, former versions %d ms, "
                        + "write path %d ms, undo records %d ms)",
                draft.id, written, (System.nanoTime() - started) / 1_000_000,
                (read - started) / 1_000_000, (checked - read) / 1_000_000, (wrote - checked) / 1_000_000,
                (System.nanoTime() - wrote) / 1_000_000);
        // The write path clears the session on its way: the import is read again to be marked.
        SpreadsheetImport done = SpreadsheetImport.findById(draft.id);
        done.status = SpreadsheetImport.Status.COMMITTED;
        done.committedAt = Instant.now();
        done.expiresAt = done.committedAt.plus(SpreadsheetImport.UNDO_LIFE);
        done.outcome = write(preview(done, table, settings, computed));
        done.content = new byte[0]; // the file is not kept once written: the report is the outcome, people's names go with it
        Preview.Summary summary = computed.summary();
        return new Committed(report.created(), report.updated(), summary.unchanged(), summary.skipped(), report.proposed(),
                draft.id);
    }

    /** Refused (409), every reason at its row, while a kept row waits for a choice or has a mistake. */
    private static void refuseWhileRowsWait(Listing.Computed computed) {
        List<FieldError> waiting = new ArrayList<>();
        for (Preview.Row row : computed.rows()) {
            if (Preview.NEEDS_CHOICE.equals(row.action())) {
                waiting.add(new FieldError(row.row(), "territory", "a territory name waits for your choice (or skip the row)"));
            } else if (Preview.ERROR.equals(row.action())) {
                row.errors().forEach(waiting::add);
                if (row.errors().isEmpty()) {
                    waiting.add(new FieldError(row.row(), "", "a mistake to correct (or skip the row)"));
                }
            }
        }
        if (!waiting.isEmpty()) {
            throw new ProblemException(409, waiting.size() + " row(s) wait for a choice or a correction; nothing was written.",
                    waiting);
        }
    }

    /** The records the import updates, as they were, by id: what its undo puts back. */
    private Map<Long, SchemeDocument> formerVersions(Listing.Computed computed) {
        Map<Long, SchemeDocument> before = new HashMap<>();
        for (Listing.Planned planned : computed.planned()) {
            if (planned.targetId() != null) {
                Scheme target = Scheme.findById(planned.targetId());
                before.put(target.id, SchemeDocument.of(target, cog, true, null));
            }
        }
        return before;
    }

    /**
     * Records what undoes the import: each record written, at the revision it was left at, with its former version if it
     * had one. Returns how many records were written.
     */
    private int recordUndo(Caller caller, SpreadsheetImport draft, List<SchemeDocument> docs,
            Map<Long, SchemeDocument> before) {
        // Read in one query, from an empty session (a native statement flushes the session first, and checks all it holds).
        Scheme.getEntityManager().flush();
        Scheme.getEntityManager().clear();
        @SuppressWarnings("unchecked")
        List<Object[]> written = Scheme.getEntityManager()
                .createNativeQuery("select id, revision from scheme where ref = any(cast(?1 as varchar[]))")
                .setParameter(1, docs.stream().map(SchemeDocument::ref).toArray(String[]::new)).getResultList();
        for (Object[] row : written) {
            long id = ((Number) row[0]).longValue();
            SchemeDocument was = before.get(id);
            if (was != null && caller.role() == Role.PARTNER) {
                continue; // a partner's change to a record is a proposal: nothing was written to undo
            }
            List<Long> people = was == null ? List.of()
                    : was.coordinatorsOrEmpty().stream()
                            .map(SchemeDocument.CoordinatorEntry::id).filter(Objects::nonNull).toList();
            Scheme.getEntityManager().createNativeQuery("insert into spreadsheet_import_write "
                    + "(import_id, scheme_id, created, revision, before_document, person_ids) values (?1, ?2, ?3, ?4, ?5, cast(?6 as bigint[]))")
                    .setParameter(1, draft.id).setParameter(2, id).setParameter(3, was == null)
                    .setParameter(4, ((Number) row[1]).longValue()).setParameter(5, was == null ? null : write(was))
                    .setParameter(6, "{" + String.join(",", people.stream().map(String::valueOf).toList()) + "}")
                    .executeUpdate();
        }
        return written.size();
    }

    /**
     * Puts back what the import wrote: its creations removed, its updates back to the version before. Refused (409),
     * naming them, when any of those records changed since (or lost a person erased since): the person decides.
     */
    @Transactional
    public Undone undo(Caller caller, SpreadsheetImport draft) {
        if (draft.status != SpreadsheetImport.Status.COMMITTED) {
            throw new ProblemException(409,
                    "Only a committed import can be undone; this one is " + draft.status.name().toLowerCase() + ".", List.of());
        }
        Scheme.takeWriteTurn();
        // Each record with the revision the import left it at, and the one it has now (null: deleted since), in one query.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Scheme.getEntityManager()
                .createNativeQuery("select w.scheme_id, w.created, w.revision, w.before_document, "
                        + "s.revision, s.name from spreadsheet_import_write w left join scheme s on s.id = w.scheme_id where w.import_id = ?1 "
                        + "order by w.scheme_id")
                .setParameter(1, draft.id).getResultList();
        List<FieldError> changedSince = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            if (row[4] == null) {
                changedSince.add(new FieldError(null, "schemes." + id, "deleted since the import"));
            } else if (((Number) row[4]).longValue() != ((Number) row[2]).longValue()) {
                changedSince.add(new FieldError(null, "schemes." + id, "'" + row[5] + "' changed since the import"));
            } else if (!(Boolean) row[1] && row[3] == null) {
                changedSince.add(new FieldError(null, "schemes." + id, "'" + row[5] + "': a person it named was erased since"));
            }
        }
        if (!changedSince.isEmpty()) {
            throw new ProblemException(409, changedSince.size() + " record(s) changed since the import: nothing was undone. "
                    + "Correct them one by one.", changedSince);
        }
        List<Long> createdIds = rows.stream().filter(row -> (Boolean) row[1]).map(row -> ((Number) row[0]).longValue())
                .toList();
        List<Scheme> created = createdIds.isEmpty() ? List.of() : Scheme.list("id in ?1", createdIds);
        int restored = 0;
        for (Object[] row : rows) {
            if (!(Boolean) row[1]) {
                writes.update(caller, Scheme.findById(((Number) row[0]).longValue()),
                        read((String) row[3], SchemeDocument.class), s -> true);
                restored++;
            }
        }
        writes.deleteAll(caller, created, s -> true);
        int removed = created.size();
        SpreadsheetImport done = SpreadsheetImport.findById(draft.id);
        done.status = SpreadsheetImport.Status.UNDONE;
        done.undoneAt = Instant.now();
        return new Undone(removed, restored, draft.id);
    }

    /** A person erased: the copies of records naming them, kept for undos, go too (within the erasure's transaction). */
    void forget(@Observes PersonErased erased) {
        long personId = erased.personId();
        Scheme.getEntityManager()
                .createNativeQuery("update spreadsheet_import_write set before_document = null, person_ids = '{}' "
                        + "where ?1 = any(person_ids)")
                .setParameter(1, personId).executeUpdate();
    }

    private static Set<String> scope(Caller caller) {
        return caller.isAdmin() ? null : Set.copyOf(caller.regions());
    }

    /** Admins, ARS officers and partners bring listings in; ARS and partners for schemes of their régions. */
    public static void mayImport(Caller caller) {
        if (!caller.isAdmin() && caller.role() != Role.ARS && caller.role() != Role.PARTNER) {
            throw new ProblemException(403, "Your role (" + caller.role() + ") may not import listings: ask your ARS.",
                    List.of());
        }
    }

    private static void checkKind(String kind) {
        if (kind != null && SchemeKind.findByCode(kind.strip()).isEmpty()) {
            throw new ProblemException(400, "Unknown kind '" + kind + "'.", List.of(new FieldError("kind", "one of "
                    + String.join(", ", SchemeKind.byCode().keySet().stream().sorted().toList()))));
        }
    }

    Settings settings(SpreadsheetImport draft) {
        return read(draft.settings, Settings.class);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable import record", e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
