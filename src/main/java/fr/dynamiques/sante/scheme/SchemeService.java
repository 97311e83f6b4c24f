package fr.dynamiques.sante.scheme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.dynamiques.sante.access.SchemeAccess;
import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.coordinator.PersonalData;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Writes to the registry. Every write, one scheme or an import of thousands, is validated whole before
 * anything is written, then written in one transaction: a client mistake leaves the registry untouched.
 * A write never changes what another scheme shows unless its caller may edit that scheme too: a coordinator is one
 * person across schemes (by email), whose name a write changes only if the caller is that person or may edit every
 * other scheme they coordinate (else 409); see {@link SharedRecords} for organisations and the other schemes' trails.
 */
@ApplicationScoped
public class SchemeService {

    /** What an import did, or would do on a dry run. */
    @Schema(description = "What an import did (or would do, on a dry run)", requiredProperties = {"created", "updated", "dryRun", "errors"})
    public record ImportReport(@Schema(examples = "2950") int created, @Schema(examples = "50") int updated,
                               @Schema(examples = "false") boolean dryRun,
                               @Schema(description = "Empty when the import was accepted", examples = "[]") List<FieldError> errors) {
    }

    /** Imports of at least this many schemes refresh the planner's statistics. */
    private static final int ANALYZE_FROM = 500;

    private final SchemeValidator validator;
    private final CogSnapshot cog;
    private final SchemeAccess access;
    private final Audit audit;

    SchemeService(SchemeValidator validator, CogSnapshot cog, SchemeAccess access, Audit audit) {
        this.validator = validator;
        this.cog = cog;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public Scheme create(SchemeDocument doc, Caller caller) {
        Scheme.takeWriteTurn();
        if (doc.ref() != null) {
            Scheme.findByRef(doc.ref().strip()).ifPresent(existing -> {
                throw conflict(existing);
            });
        }
        return write(List.of(doc), Map.of(), false, caller).get(0);
    }

    /** Checks a change without making it (a proposal must be valid when made): 400 with every mistake, 409 on a taken ref. */
    @Transactional
    public void checkUpdate(long id, SchemeDocument doc) {
        Scheme scheme = Scheme.<Scheme>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No scheme with id " + id + "."));
        if (doc.ref() != null) {
            Scheme.findByRef(doc.ref().strip()).filter(other -> !other.id.equals(id)).ifPresent(other -> {
                throw conflict(other);
            });
        }
        List<FieldError> errors = check(List.of(doc), Map.of(0, scheme));
        if (!errors.isEmpty()) {
            throw new ProblemException(400, errors.size() + " invalid field(s); nothing was proposed.",
                    errors.stream().map(e -> new FieldError(e.field(), e.message())).toList());
        }
    }

    /**
     * Replaces the scheme, if it still is as the caller read it ({@code unchanged}, checked in turn with other writes:
     * else 412 and nothing written).
     */
    @Transactional
    public Scheme update(long id, SchemeDocument doc, Caller caller, Predicate<Scheme> unchanged) {
        Scheme.takeWriteTurn();
        Scheme scheme = Scheme.<Scheme>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No scheme with id " + id + "."));
        requireUnchanged(scheme, unchanged);
        if (doc.ref() != null) {
            Scheme.findByRef(doc.ref().strip()).filter(other -> !other.id.equals(id)).ifPresent(other -> {
                throw conflict(other);
            });
        }
        return write(List.of(doc), Map.of(0, scheme), false, caller).get(0);
    }

    @Transactional
    public void delete(long id, Predicate<Scheme> unchanged) {
        Scheme.takeWriteTurn();
        Scheme scheme = Scheme.<Scheme>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No scheme with id " + id + "."));
        requireUnchanged(scheme, unchanged);
        List<Scheme> successors = scheme.successors();
        if (!successors.isEmpty()) {
            throw new ProblemException(409, "Contract " + successors.get(0).ref + " follows this one: change its "
                    + "previousRef first, or mark this one ENDED rather than deleting it.", List.of());
        }
        scheme.delete();
        Person.deleteUnreferenced();
    }

    /**
     * Upserts on ref, all or nothing: with one invalid document, nothing is written and every mistake of
     * every document is reported, by row (from 1). The directory's own loads (demo data) write as the admin.
     */
    @Transactional
    public ImportReport importAll(List<SchemeDocument> docs, boolean dryRun) {
        return importAll(docs, List.of(), dryRun, Caller.CONFIGURED_ADMIN);
    }

    /** The same, with mistakes already found while reading the file (rows that could not become documents). */
    @Transactional
    public ImportReport importAll(List<SchemeDocument> docs, List<FieldError> readErrors, boolean dryRun, Caller caller) {
        if (!dryRun) {
            Scheme.takeWriteTurn();
        }
        List<String> refs = docs.stream().filter(d -> d != null && d.ref() != null).map(d -> d.ref().strip()).toList();
        Map<String, Scheme> existing = refs.isEmpty() ? Map.of()
                : Scheme.<Scheme>list("ref in ?1", refs).stream().collect(Collectors.toMap(s -> s.ref, s -> s));
        Map<Integer, Scheme> targets = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            SchemeDocument doc = docs.get(i);
            if (doc != null && doc.ref() != null && existing.containsKey(doc.ref().strip())) {
                targets.put(i, existing.get(doc.ref().strip()));
            }
        }
        List<FieldError> errors = new ArrayList<>(readErrors);
        if (docs.isEmpty() && readErrors.isEmpty()) {
            errors.add(new FieldError(0, "", "no scheme to import"));
        }
        errors.addAll(check(docs, targets));
        errors.addAll(renamesOutOfReach(docs, targets, caller));
        int updated = targets.size();
        int created = docs.size() - updated;
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(a.row() == null ? 0 : a.row(), b.row() == null ? 0 : b.row()));
            return new ImportReport(0, 0, dryRun, errors);
        }
        if (!dryRun) {
            write(docs, targets, true, caller);
            if (docs.size() >= ANALYZE_FROM) {
                // A large import remakes the tables at once: refresh the planner's statistics now, not when autovacuum
                // gets to it, or the next questions (overlaps, coverage) run for a while on plans made for other tables.
                Scheme.getEntityManager().flush();
                Scheme.getEntityManager().createNativeQuery("analyze scheme, scheme_commune, commune_coverage, area_schemes").executeUpdate();
            }
        }
        return new ImportReport(created, updated, dryRun, List.of());
    }

    /**
     * Validates, then writes. {@code targets} maps a document's position to the scheme it replaces.
     * Errors of a single document are thrown as a 400; an import's come back by row.
     */
    private List<Scheme> write(List<SchemeDocument> docs, Map<Integer, Scheme> targets, boolean checked, Caller caller) {
        if (!checked) {
            List<FieldError> errors = check(docs, targets);
            if (!errors.isEmpty()) {
                throw new ProblemException(400, errors.size() + " invalid field(s); nothing was written.",
                        errors.stream().map(e -> new FieldError(e.field(), e.message())).toList());
            }
            List<FieldError> renames = renamesOutOfReach(docs, targets, caller);
            if (!renames.isEmpty()) {
                throw new ProblemException(409, "A coordinator named here is recorded under another name on schemes you may not "
                        + "edit; nothing was written.", renames.stream().map(e -> new FieldError(e.field(), e.message())).toList());
            }
        }
        Map<String, SchemeKind> kinds = SchemeKind.byCode();
        SharedRecords shared = new SharedRecords(caller, targets.values().stream().map(s -> s.id).collect(Collectors.toSet()), access, audit);
        SchemeWriter writer = new SchemeWriter(cog, shared::beforeRename, shared::mayEnrich);
        List<Scheme> written = new ArrayList<>(docs.size());
        // Previous contracts outside this write, read before it: a query amid the writes would flush them each time.
        List<String> outside = docs.stream().map(SchemeDocument::previousRef).filter(r -> r != null && !r.isBlank())
                .map(String::strip).distinct().toList();
        Map<String, Scheme> byRef = outside.isEmpty() ? new HashMap<>()
                : Scheme.<Scheme>list("ref in ?1", outside).stream().collect(Collectors.toMap(s -> s.ref, s -> s));
        for (int i = 0; i < docs.size(); i++) {
            SchemeDocument doc = docs.get(i);
            Scheme scheme = targets.getOrDefault(i, new Scheme());
            writer.apply(doc, scheme, kinds.get(doc.kind()));
            if (scheme.id == null) {
                scheme.persist();
            }
            written.add(scheme);
        }
        // The schemes of this write replace whatever the registry held under their refs.
        byRef.values().removeIf(written::contains);
        for (Scheme scheme : written) {
            byRef.put(scheme.ref, scheme);
        }
        for (int i = 0; i < docs.size(); i++) {
            String previousRef = docs.get(i).previousRef();
            Scheme previous = previousRef == null || previousRef.isBlank() ? null : byRef.get(previousRef.strip());
            if (previousRef != null && !previousRef.isBlank() && previous == null) {
                throw new IllegalStateException("Validated previousRef " + previousRef + " not found");
            }
            written.get(i).previous = previous;
        }
        Person.deleteUnreferenced();
        shared.recordChanges();
        return written;
    }

    /**
     * The coordinator entries that would rename a person (same email, another name) who also coordinates schemes the
     * caller may not edit, unless the caller is that person: each an error at its row and entry. The name stays theirs to
     * change (PUT /api/v1/coordinators/{id}), or an admin's.
     */
    private List<FieldError> renamesOutOfReach(List<SchemeDocument> docs, Map<Integer, Scheme> targets, Caller caller) {
        if (caller.isAdmin()) {
            return List.of();
        }
        Set<String> emails = new HashSet<>();
        docs.stream().filter(d -> d != null).flatMap(d -> d.coordinatorsOrEmpty().stream())
                .filter(c -> c != null && c.email() != null && !c.email().isBlank())
                .forEach(c -> emails.add(c.email().strip().toLowerCase(Locale.ROOT)));
        if (emails.isEmpty()) {
            return List.of();
        }
        Map<String, Person> people = Person.<Person>list("email in ?1", emails).stream()
                .collect(Collectors.toMap(p -> p.email, Function.identity()));
        Set<Long> written = targets.values().stream().map(s -> s.id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            List<SchemeDocument.CoordinatorEntry> entries = docs.get(i) == null ? List.of() : docs.get(i).coordinatorsOrEmpty();
            for (int j = 0; j < entries.size(); j++) {
                SchemeDocument.CoordinatorEntry entry = entries.get(j);
                Person person = entry == null || entry.email() == null ? null : people.get(entry.email().strip().toLowerCase(Locale.ROOT));
                if (person == null || entry.firstName() == null || entry.lastName() == null
                        || !person.renamedBy(entry.firstName(), entry.lastName()) || caller.isPerson(person.email)) {
                    continue;
                }
                boolean reachable = PersonalData.schemesOf(person).stream().filter(s -> !written.contains(s.id))
                        .allMatch(s -> access.mayEdit(caller, s));
                if (!reachable) {
                    errors.add(new FieldError(i + 1, "coordinators[" + j + "]", "this email is a coordinator's who is recorded under "
                            + "another name on schemes outside your scope: give the name as recorded, or ask the person (or an admin) "
                            + "to correct it"));
                }
            }
        }
        return errors;
    }

    /** A write sent with If-Match, on a scheme changed since the caller read it: 412, nothing written. */
    public static void requireUnchanged(Scheme scheme, Predicate<Scheme> unchanged) {
        if (!unchanged.test(scheme)) {
            throw new ProblemException(412, "The scheme changed since you read it: read it again (GET gives its new ETag), "
                    + "apply your change to it and send it with that ETag in If-Match. Nothing was written.", List.of());
        }
    }

    private List<FieldError> check(List<SchemeDocument> docs, Map<Integer, Scheme> targets) {
        Map<String, SchemeKind> kinds = SchemeKind.byCode();
        Map<String, SchemeDocument> inBatch = new HashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            SchemeDocument doc = docs.get(i);
            if (doc == null) {
                errors.add(new FieldError(i + 1, "", "must be a scheme, not null"));
                continue;
            }
            if (doc.ref() != null) {
                Integer first = firstRow.putIfAbsent(doc.ref().strip(), i + 1);
                if (first != null) {
                    errors.add(new FieldError(i + 1, "ref", "'" + doc.ref() + "' is already used at row " + first));
                }
                inBatch.putIfAbsent(doc.ref().strip(), doc);
            }
        }
        // A scheme being rewritten is known by its new document only: its old ref no longer names it.
        Set<Long> rewritten = targets.values().stream().map(s -> s.id).collect(Collectors.toSet());
        SchemeValidator.Predecessors predecessors = ref -> Optional.ofNullable(inBatch.get(ref))
                .map(d -> new SchemeValidator.Predecessor(ref, d.kind(), d.generation(), d.previousRef()))
                .or(() -> Scheme.findByRef(ref).filter(s -> !rewritten.contains(s.id))
                        .map(s -> new SchemeValidator.Predecessor(s.ref, s.kind.code, s.generation,
                                s.previous == null ? null : s.previous.ref)));
        // The contracts following the rewritten ones, in one query: one per target would flush the session each time
        // (a re-import of 3,000 schemes took 49 s that way).
        Map<Long, List<Scheme>> successors = targets.isEmpty() ? Map.of()
                : Scheme.<Scheme>list("previous in ?1 order by generation, id", List.copyOf(targets.values())).stream()
                        .collect(Collectors.groupingBy(next -> next.previous.id));
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i) != null) {
                int row = i + 1;
                validator.check(docs.get(i), kinds, predecessors).forEach(e -> errors.add(e.atRow(row)));
                Scheme target = targets.get(i);
                if (target != null) {
                    checkSuccessors(docs.get(i), successors.getOrDefault(target.id, List.of()), rewritten)
                            .forEach(e -> errors.add(e.atRow(row)));
                }
            }
        }
        return errors;
    }

    /** A contract being rewritten stays before the contracts that follow it (those not rewritten too). */
    private static List<FieldError> checkSuccessors(SchemeDocument doc, List<Scheme> successors, Set<Long> rewritten) {
        List<FieldError> errors = new ArrayList<>();
        for (Scheme next : successors) {
            if (rewritten.contains(next.id)) {
                continue;
            }
            if (doc.kind() != null && !doc.kind().equals(next.kind.code)) {
                errors.add(new FieldError("kind", "'" + next.ref + "' follows this contract and is a " + next.kind.code));
            }
            if (doc.generation() != null && next.generation != null && doc.generation() >= next.generation) {
                errors.add(new FieldError("generation", "must be less than that of '" + next.ref + "', which follows ("
                        + next.generation + ")"));
            }
        }
        return errors;
    }


    private static ProblemException conflict(Scheme existing) {
        return new ProblemException(409, "Another scheme already has this ref (id " + existing.id + ").",
                List.of(new FieldError("ref", "'" + existing.ref + "' is already used by scheme " + existing.id)));
    }
}
