package fr.dynamiques.sante.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.account.Account;
import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.Role;
import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.coordinator.PersonErased;
import fr.dynamiques.sante.organisation.Organisation;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.PerimeterNames;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeTags;
import fr.dynamiques.sante.scheme.SchemeValidator;
import fr.dynamiques.sante.scheme.SchemeWriter;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.Densities;
import fr.dynamiques.sante.text.FoldedText;
import fr.dynamiques.sante.text.Stripped;

/**
 * Every write to the registry, whoever asks (the API, the pages, the directory's own loads): each one authorizes the
 * caller (role and scope, {@link SchemeAccess}), validates the whole write, writes it and audits it, in that order, in
 * one transaction taken in turn with the other writes. A client mistake leaves the registry untouched.
 * <p>
 * People and organisations are shared between schemes: a write never changes what another scheme shows unless its
 * caller may edit that scheme too (a coordinator's name: the person, an admin, or an editor of all their schemes, else
 * 409), and each scheme so changed records it in its own trail ({@link SharedRecords}).
 */
@ApplicationScoped
public class SchemeWrites {

    /** What an import did, or would do on a dry run. */
    @Schema(description = "What an import did (or would do, on a dry run)", requiredProperties = { "created", "updated",
            "proposed", "dryRun", "errors", "resolved" })
    public record ImportReport(@Schema(examples = "2950") int created, @Schema(examples = "50") int updated,
            @Schema(description = "A partner's changes to records already in the registry: proposals for "
                    + "the région's ARS to approve (GET /changes), not written", examples = "0") int proposed,
            @Schema(examples = "false") boolean dryRun,
            @Schema(description = "Empty when the import was accepted", examples = "[]") List<FieldError> errors,
            @Schema(description = "Perimeter entries given by name, or by a code no longer current, and what they "
                    + "were read as") List<PerimeterNames.Resolved> resolved) {
    }

    /** What became of an edit made on the page. */
    public enum EditOutcome {
        PUBLISHED,
        PROPOSED,
        CHANGED_SINCE_READ
    }

    /** Imports of at least this many schemes refresh the planner's statistics. */
    private static final int ANALYZE_FROM = 500;

    private final SchemeAccess access;
    private final SchemeValidator validator;
    private final PerimeterNames perimeterNames;
    private final CogSnapshot cog;
    private final Densities densities;
    private final Audit audit;
    private final SchemeTags tags;
    private final ObjectMapper json;

    private final Event<PersonErased> erased;

    SchemeWrites(SchemeAccess access, SchemeValidator validator, PerimeterNames perimeterNames, CogSnapshot cog,
            Densities densities,
            Audit audit, SchemeTags tags, ObjectMapper json, Event<PersonErased> erased) {
        this.erased = erased;
        this.densities = densities;
        this.access = access;
        this.validator = validator;
        this.perimeterNames = perimeterNames;
        this.cog = cog;
        this.audit = audit;
        this.tags = tags;
        this.json = json;
    }

    // Schemes

    @Transactional
    public Scheme create(Caller caller, SchemeDocument doc) {
        access.mayCreate(caller, doc);
        Scheme.takeWriteTurn();
        Scheme scheme = writeOne(caller, doc, null);
        audit.record(scheme.id, "CREATE", caller, null, audit.snapshot(scheme));
        return scheme;
    }

    /**
     * A coordinator's new scheme: checked as a creation would be (400 with every mistake, 409 on a ref taken), then kept
     * as a proposal for the ARS of its région (or an admin) to approve, which creates it ({@link #approve}).
     */
    @Transactional
    public SchemeChange proposeCreation(Caller caller, SchemeDocument doc) {
        if (!access.proposesCreation(caller)) {
            throw new ProblemException(403, "Only a coordinator proposes a new scheme; an admin or an ARS officer creates it.",
                    List.of());
        }
        Scheme.takeWriteTurn();
        checkOne(null, doc, "nothing was proposed");
        return SchemeChange.proposeCreation(caller.accountId(), SchemeChange.text(json, doc));
    }

    /**
     * Publishes the new version of the scheme, or, from a coordinator of it, proposes it (answered, to be approved or
     * rejected); either way only if the scheme is still as the caller read it ({@code unchanged}, else 412).
     */
    @Transactional
    public Optional<SchemeChange> update(Caller caller, Scheme scheme, SchemeDocument doc, Predicate<Scheme> unchanged) {
        Scheme.takeWriteTurn();
        if (access.proposes(caller, scheme)) {
            requireUnchanged(scheme, unchanged);
            checkOne(scheme, doc, "nothing was proposed");
            return Optional.of(SchemeChange.propose(scheme, caller.accountId(), SchemeChange.text(json, doc),
                    tags.of(scheme, true).tag().getValue()));
        }
        access.mayUpdate(caller, scheme, doc);
        requireUnchanged(scheme, unchanged);
        publish(caller, scheme, doc, "UPDATE");
        return Optional.empty();
    }

    /**
     * A version of the scheme from its edit page, made on the revision the form was opened on ({@code version}): published
     * or proposed as {@link #update}, or nothing written when the scheme changed since.
     */
    @Transactional
    public EditOutcome edit(Caller caller, long schemeId, String version, SchemeDocument doc) {
        Scheme scheme = Scheme.findExisting(String.valueOf(schemeId));
        if (!access.answersFor(caller, scheme)) {
            throw new ProblemException(403, "You do not answer for this scheme.", List.of());
        }
        Scheme.takeWriteTurn(); // compared and written in turn with other writes: none can slip in between
        if (version == null || !version.equals(String.valueOf(Scheme.revisionOf(scheme.id)))) {
            return EditOutcome.CHANGED_SINCE_READ;
        }
        return update(caller, scheme, doc, s -> true).isPresent() ? EditOutcome.PROPOSED : EditOutcome.PUBLISHED;
    }

    @Transactional
    public void delete(Caller caller, Scheme scheme, Predicate<Scheme> unchanged) {
        access.mayDelete(caller, scheme);
        Scheme.takeWriteTurn();
        requireUnchanged(scheme, unchanged);
        List<Scheme> successors = scheme.successors();
        if (!successors.isEmpty()) {
            throw new ProblemException(409, "Contract " + successors.get(0).ref + " follows this one: change its "
                    + "previousRef first, or mark this one ENDED rather than deleting it.", List.of());
        }
        ObjectNode before = audit.snapshot(scheme);
        scheme.delete();
        Person.deleteUnreferenced();
        Organisation.deleteUnreferenced();
        audit.record(scheme.id, "DELETE", caller, before, null);
    }

    /**
     * Deletes these schemes together, as {@link #delete} deletes one: each must be the caller's to delete and unchanged
     * since it was read ({@code unchanged}), and none may be followed by a contract left in place. What they leave
     * unreferenced (people, organisations) goes once, at the end: an import of thousands undone in one pass.
     */
    @Transactional
    public void deleteAll(Caller caller, List<Scheme> schemes, Predicate<Scheme> unchanged) {
        Scheme.takeWriteTurn();
        Set<Long> leaving = schemes.stream().map(s -> s.id).collect(Collectors.toSet());
        for (Scheme scheme : schemes) {
            access.mayDelete(caller, scheme);
            requireUnchanged(scheme, unchanged);
        }
        if (!schemes.isEmpty()) {
            Scheme.<Scheme> list("previous in ?1", schemes).stream().filter(next -> !leaving.contains(next.id)).findFirst()
                    .ifPresent(next -> {
                        throw new ProblemException(409,
                                "Contract " + next.ref + " follows " + next.previous.ref + ": change its "
                                        + "previousRef first, or mark that one ENDED rather than deleting it.",
                                List.of());
                    });
        }
        Map<Long, ObjectNode> before = new LinkedHashMap<>();
        schemes.forEach(scheme -> before.put(scheme.id, audit.snapshot(scheme)));
        schemes.forEach(Scheme::delete);
        Person.deleteUnreferenced();
        Organisation.deleteUnreferenced();
        before.forEach((id, snapshot) -> audit.record(id, "DELETE", caller, snapshot, null));
    }

    /**
     * Upserts on ref, all or nothing: with one invalid document, nothing is written and every mistake of every document
     * is reported, by row (from 1), with those found while reading the file ({@code readErrors}).
     */
    @Transactional
    public ImportReport importAll(Caller caller, List<SchemeDocument> given, List<FieldError> readErrors, boolean dryRun) {
        return importAll(caller, given, readErrors, dryRun, null);
    }

    /** The same, for a spreadsheet import: each trail entry names the import ({@code batch}). */
    @Transactional
    public ImportReport importAll(Caller caller, List<SchemeDocument> given, List<FieldError> readErrors, boolean dryRun,
            UUID batch) {
        // Territories named, or coded the way people still do, read as current codes first: what is checked and written.
        PerimeterNames.Outcome named = perimeterNames.resolve(given);
        List<SchemeDocument> docs = named.documents();
        access.mayImport(caller, docs);
        if (!dryRun) {
            Scheme.takeWriteTurn();
        }
        List<String> refs = docs.stream().filter(d -> d != null && d.ref() != null).map(d -> d.ref().strip()).distinct()
                .toList();
        Map<String, Scheme> existing = refs.isEmpty() ? Map.of()
                : Scheme.<Scheme> list("ref in ?1", refs).stream().collect(Collectors.toMap(s -> s.ref, s -> s));
        Map<Integer, Scheme> targets = targets(docs, existing);
        mayLinkPredecessors(caller, docs, targets);
        List<FieldError> errors = mistakes(docs, targets, readErrors, named);
        if (!errors.isEmpty()) {
            return new ImportReport(0, 0, 0, dryRun, errors, named.resolved());
        }
        List<Runnable> proposals = List.of();
        if (caller.role() == Role.PARTNER && !targets.isEmpty()) {
            PartnerImport share = partnerImport(caller, docs, targets);
            docs = share.creations();
            proposals = share.proposals();
            targets = new HashMap<>();
        }
        int updated = targets.size();
        if (!dryRun && !docs.isEmpty()) {
            writeImport(caller, docs, targets, existing.values(), batch);
        }
        if (!dryRun) {
            proposals.forEach(Runnable::run); // after the writes: their session is cleared on the way
        }
        return new ImportReport(docs.size() - updated, updated, proposals.size(), dryRun, List.of(), named.resolved());
    }

    /** The record each document updates, by the document's index: the existing record of its ref. */
    private static Map<Integer, Scheme> targets(List<SchemeDocument> docs, Map<String, Scheme> existing) {
        Map<Integer, Scheme> targets = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            SchemeDocument doc = docs.get(i);
            if (doc != null && doc.ref() != null && existing.containsKey(doc.ref().strip())) {
                targets.put(i, existing.get(doc.ref().strip()));
            }
        }
        return targets;
    }

    /** Every mistake of an import, by row: those found reading the file, naming territories, and checking documents. */
    private List<FieldError> mistakes(List<SchemeDocument> docs, Map<Integer, Scheme> targets, List<FieldError> readErrors,
            PerimeterNames.Outcome named) {
        List<FieldError> errors = new ArrayList<>(readErrors);
        errors.addAll(named.errors());
        if (docs.isEmpty() && readErrors.isEmpty()) {
            errors.add(new FieldError(0, "", "no scheme to import"));
        }
        errors.addAll(validator.checkAll(docs, targets));
        errors.sort((a, b) -> Integer.compare(a.row() == null ? 0 : a.row(), b.row() == null ? 0 : b.row()));
        return errors;
    }

    /** What a partner's import writes (its creations) and proposes (its changes to records already there). */
    private record PartnerImport(List<SchemeDocument> creations, List<Runnable> proposals) {
    }

    /**
     * A partner creates; its changes to records already there are proposals that an ARS officer of their région (or an
     * admin) approves, as a coordinator's are. A record the file leaves as it is gets no proposal.
     */
    private PartnerImport partnerImport(Caller caller, List<SchemeDocument> docs, Map<Integer, Scheme> targets) {
        List<SchemeDocument> creations = new ArrayList<>();
        List<Runnable> proposals = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Scheme target = targets.get(i);
            if (target == null) {
                creations.add(docs.get(i));
            } else if (!audit.compare(SchemeDocument.of(target, cog, true, null), docs.get(i)).isEmpty()) {
                String document = SchemeChange.text(json, docs.get(i));
                String tag = tags.of(target, true).tag().getValue();
                proposals.add(() -> SchemeChange.propose(target, caller.accountId(), document, tag));
            }
        }
        return new PartnerImport(creations, proposals);
    }

    /** Writes an import's documents and audits each record written, naming the import ({@code batch}) if any. */
    private void writeImport(Caller caller, List<SchemeDocument> docs, Map<Integer, Scheme> targets,
            Collection<Scheme> existing, UUID batch) {
        // Photographed before, in one pass; then the import starts from an empty session, kept small between flushes.
        Map<String, ObjectNode> before = new HashMap<>();
        existing.forEach(s -> before.put(s.ref, audit.snapshot(s)));
        Scheme.getEntityManager().clear();
        Map<Long, Scheme> reloaded = targets.isEmpty() ? Map.of()
                : Scheme.<Scheme> list("id in ?1",
                        targets.values().stream().map(s -> s.id).toList()).stream()
                        .collect(Collectors.toMap(s -> s.id, s -> s));
        targets.replaceAll((i, s) -> reloaded.get(s.id));
        List<Scheme> written = write(caller, docs, targets);
        if (docs.size() >= ANALYZE_FROM) {
            // A large import remakes the tables at once: refresh the planner's statistics now, not when autovacuum
            // gets to it, or the next questions (overlaps, coverage) run for a while on plans made for other tables.
            Scheme.getEntityManager().flush();
            Scheme.getEntityManager().createNativeQuery("analyze scheme, scheme_commune, commune_coverage, area_schemes")
                    .executeUpdate();
        }
        written.forEach(s -> audit.record(s.id, "IMPORT", caller, before.get(s.ref), audit.snapshot(s), batch));
    }

    /**
     * A perimeter moved to the COG now loaded (see {@link PerimeterMigration}): its declaration in current codes, its
     * places, population and départements resolved again. Audited as COG_UPDATE with what the COG changed (the
     * places and population too, which the trace otherwise leaves out as derived). False when nothing changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean migratePerimeter(Scheme scheme, List<String> communes, List<String> arrondissements, List<String> epcis) {
        ObjectNode before = withPlaces(audit.snapshot(scheme), scheme);
        scheme.perimeterCommunes = new ArrayList<>(communes);
        scheme.perimeterArrondissements = new ArrayList<>(arrondissements);
        scheme.perimeterEpcis = new ArrayList<>(epcis);
        SchemeWriter.resolvePerimeter(scheme, cog, densities);
        ObjectNode after = withPlaces(audit.snapshot(scheme), scheme);
        if (before.equals(after)) {
            return false;
        }
        scheme.touch();
        audit.record(scheme.id, "COG_UPDATE", Caller.CONFIGURED_ADMIN, before, after);
        return true;
    }

    private ObjectNode withPlaces(ObjectNode snapshot, Scheme scheme) {
        snapshot.put("population", scheme.population);
        snapshot.put("communeCount", scheme.communeCount);
        snapshot.set("places", json.valueToTree(new TreeSet<>(scheme.communeCodes)));
        return snapshot;
    }

    /** The person answering for the scheme confirms it is still accurate as published. */
    @Transactional
    public void confirm(Caller caller, Scheme scheme) {
        if (!access.answersFor(caller, scheme)) {
            throw new ProblemException(403, "You do not answer for this scheme.", List.of());
        }
        Scheme.takeWriteTurn();
        ObjectNode before = audit.snapshot(scheme);
        scheme.lastVerified = LocalDate.now();
        scheme.touch();
        audit.record(scheme.id, "UPDATE", caller, before, audit.snapshot(scheme));
    }

    // Proposals

    /**
     * Publishes the proposal: the new version of its scheme (refused when the scheme changed since it was proposed), or
     * the new scheme it proposes, which the proposing coordinator then answers for.
     */
    @Transactional
    public void approve(Caller caller, SchemeChange change) {
        SchemeDocument proposed = pending(change);
        access.mayDecide(caller, change.scheme, proposed);
        Scheme.takeWriteTurn();
        if (change.isCreation()) {
            Scheme created = writeOne(caller, proposed, null);
            audit.record(created.id, "APPROVE", caller, null, audit.snapshot(created));
            change.scheme = created;
            if (change.proposedBy != null) {
                Account.<Account> findByIdOptional(change.proposedBy).filter(a -> a.role == Role.COORDINATOR)
                        .ifPresent(a -> a.schemeIds.add(created.id));
            }
        } else {
            if (change.baseTag != null && !tags.of(change.scheme, true).tag().getValue().equals(change.baseTag)) {
                throw new ProblemException(409,
                        "The scheme changed since this proposal was made: approving it would undo what was "
                                + "published meanwhile. Reject it, and the coordinator proposes again on the current version.",
                        List.of());
            }
            publish(caller, change.scheme, proposed, "APPROVE");
        }
        change.decide(caller.accountId(), SchemeChange.Status.APPROVED, null, json);
    }

    @Transactional
    public void reject(Caller caller, SchemeChange change, String reason) {
        access.mayDecide(caller, change.scheme, pending(change));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw ProblemException.badRequest("A rejection says why.", new FieldError("reason", "1 to 2000 characters"));
        }
        change.decide(caller.accountId(), SchemeChange.Status.REJECTED, why, json);
    }

    // People (GDPR: the person, or an admin)

    /** The person's name corrected, on every scheme they coordinate. */
    @Transactional
    public void rename(Caller caller, Person person, String firstName, String lastName) {
        access.mayActOnPerson(caller, person);
        List<FieldError> errors = new ArrayList<>();
        if (firstName == null || firstName.isBlank() || firstName.length() > 100) {
            errors.add(new FieldError("firstName", "1 to 100 characters"));
        }
        if (lastName == null || lastName.isBlank() || lastName.length() > 100) {
            errors.add(new FieldError("lastName", "1 to 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid name.", errors);
        }
        if (person.renamedBy(firstName, lastName)) {
            changeSchemesOf(caller, person, schemes -> {
                person.firstName = firstName.strip();
                person.lastName = lastName.strip();
                person.revision++;
            });
        }
    }

    /** Consent withdrawn on every scheme: name and contact leave public answers, pages and search at once. */
    @Transactional
    public void withdrawConsent(Caller caller, Person person) {
        access.mayActOnPerson(caller, person);
        changeSchemesOf(caller, person, schemes -> schemes.forEach(scheme -> scheme.coordinators.stream()
                .filter(c -> c.person.id.equals(person.id)).forEach(c -> {
                    c.publicContact = false;
                    c.publicContactSince = null;
                })));
    }

    /** The person leaves every scheme and is deleted; the audit trail keeps an id that names no one. */
    @Transactional
    public void erase(Caller caller, Person person) {
        access.mayActOnPerson(caller, person);
        changeSchemesOf(caller, person,
                schemes -> schemes.forEach(scheme -> scheme.coordinators.removeIf(c -> c.person.id.equals(person.id))));
        SchemeChange.forget(person, json);
        erased.fire(new PersonErased(person.id));
        person.delete();
    }

    // The steps

    /** Validates one document (400 with every mistake, 409 on a ref taken by another scheme), without writing it. */
    private void checkOne(Scheme target, SchemeDocument doc, String consequence) {
        if (doc.ref() != null) {
            Scheme.findByRef(doc.ref().strip()).filter(other -> target == null || !other.id.equals(target.id))
                    .ifPresent(other -> {
                        throw refTaken(other);
                    });
        }
        List<FieldError> errors = validator.checkAll(List.of(doc), target == null ? Map.of() : Map.of(0, target));
        if (!errors.isEmpty()) {
            throw new ProblemException(400, errors.size() + " invalid field(s); " + consequence + ".",
                    errors.stream().map(e -> new FieldError(e.field(), e.message())).toList());
        }
    }

    /** Validates one document and writes it. */
    private Scheme writeOne(Caller caller, SchemeDocument doc, Scheme target) {
        checkOne(target, doc, "nothing was written");
        Map<Integer, Scheme> targets = target == null ? Map.of() : Map.of(0, target);
        mayLinkPredecessors(caller, List.of(doc), targets);
        return write(caller, List.of(doc), targets).get(0);
    }

    /**
     * Naming a previous contract changes that contract too (its page shows its successor, its deletion is refused): the
     * caller must be one who may edit it, unless it is written in the same batch or already the one named (403).
     */
    private void mayLinkPredecessors(Caller caller, List<SchemeDocument> docs, Map<Integer, Scheme> targets) {
        if (caller.isAdmin()) {
            return;
        }
        Set<String> inBatch = docs.stream().filter(d -> d != null && d.ref() != null).map(d -> d.ref().strip())
                .collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            String ref = docs.get(i) == null ? null : Stripped.orNull(docs.get(i).previousRef());
            Scheme target = targets.get(i);
            if (ref == null || inBatch.contains(ref)
                    || target != null && target.previous != null && ref.equals(target.previous.ref)) {
                continue;
            }
            int row = i + 1;
            Scheme.findByRef(ref).filter(previous -> !access.mayEdit(caller, previous))
                    .ifPresent(previous -> errors.add(new FieldError(
                            row, "previousRef", "contract '" + ref
                                    + "' is outside your scope: following it changes it too; its ARS or an admin may link them")));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(403, "A previous contract named here is outside your scope; nothing was written.",
                    docs.size() == 1 ? errors.stream().map(e -> new FieldError(e.field(), e.message())).toList() : errors);
        }
    }

    /** Publishes a new version of an existing scheme, audited under {@code action}. */
    private void publish(Caller caller, Scheme scheme, SchemeDocument doc, String action) {
        ObjectNode before = audit.snapshot(scheme);
        writeOne(caller, doc, scheme);
        audit.record(scheme.id, action, caller, before, audit.snapshot(scheme));
    }

    /**
     * Writes validated documents, and records what the write changed on other schemes through shared people and organisations.
     */
    private List<Scheme> write(Caller caller, List<SchemeDocument> docs, Map<Integer, Scheme> targets) {
        SharedRecords shared = new SharedRecords(caller, targets.values().stream().map(s -> s.id).collect(Collectors.toSet()),
                access, audit);
        Map<Integer, Scheme> previousBefore = new HashMap<>();
        targets.forEach((i, target) -> previousBefore.put(i, target.previous));
        List<Scheme> written = new SchemeWriter(cog, densities, shared::mayRename, shared::mayEnrich).writeAll(docs, targets);
        shared.recordChanges();
        recordSuccessions(caller, written, previousBefore);
        return written;
    }

    /** A contract that gained or lost a successor in this write, and is not itself written, says so in its trail. */
    private void recordSuccessions(Caller caller, List<Scheme> written, Map<Integer, Scheme> previousBefore) {
        Set<Long> writtenNow = written.stream().map(s -> s.id).collect(Collectors.toSet());
        for (int i = 0; i < written.size(); i++) {
            Scheme successor = written.get(i);
            Scheme before = previousBefore.get(i);
            Scheme after = successor.previous;
            if (Objects.equals(before == null ? null : before.id, after == null ? null : after.id)) {
                continue;
            }
            ObjectNode linked = json.createObjectNode().put("successor", successor.ref);
            if (before != null && !writtenNow.contains(before.id)) {
                before.touch();
                audit.record(before.id, "UPDATE", caller, linked, json.createObjectNode());
            }
            if (after != null && !writtenNow.contains(after.id)) {
                after.touch();
                audit.record(after.id, "UPDATE", caller, json.createObjectNode(), linked);
            }
        }
    }

    /** What an admin gives for the ARS of a région: its name and its public contacts (a contact left out is removed). */
    @Schema(name = "AgencyChange", requiredProperties = { "name" })
    public record AgencyChange(@Schema(examples = "ARS Auvergne-Rhône-Alpes") String name,
            @Schema(nullable = true, examples = "https://www.auvergne-rhone-alpes.ars.sante.fr") String website,
            @Schema(nullable = true, description = "A generic public address, never a person's", examples = "accueil@example.org") String email,
            @Schema(nullable = true, examples = "04 00 00 00 00") String phone,
            @Schema(nullable = true, description = "Postal address", examples = "1 rue Exemple, 69000 Lyon") String address) {
    }

    /**
     * The ARS of a région, renamed or given other public contacts by an admin: the pages naming it where nothing covers a
     * commune follow, and every scheme naming it shows the change and records it in its trail. 404 for a région without one.
     */
    @Transactional
    public Organisation changeAgency(Caller caller, String region, AgencyChange change) {
        if (!caller.isAdmin()) {
            throw new ProblemException(403, "Only an admin changes the record of an ARS.", List.of());
        }
        Organisation agency = Organisation.agencyOf(region)
                .orElseThrow(() -> ProblemException.notFound("No ARS is recorded for région " + region + "."));
        if (change == null) {
            throw ProblemException.badRequest("Give the ARS's name and public contacts.",
                    new FieldError("name", "must not be blank"));
        }
        List<FieldError> errors = validator.checkOrganisation(new SchemeDocument.OrganisationRef(null, change.name(), "ARS",
                null, null,
                null, Stripped.orNull(change.website()), Stripped.orNull(change.email()), Stripped.orNull(change.phone()),
                Stripped.orNull(change.address())));
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid ARS record; nothing was written.", errors);
        }
        Organisation namesake = Organisation
                .<Organisation> find("nameKey = ?1 and id <> ?2", FoldedText.of(change.name()), agency.id)
                .firstResult();
        if (namesake != null) {
            throw new ProblemException(409, "Another organisation already has this name (id " + namesake.id + ").",
                    List.of(new FieldError("name", "'" + change.name().strip() + "' is another organisation's name")));
        }
        Scheme.takeWriteTurn();
        changeSchemes(caller, Scheme.naming(agency), () -> {
            agency.name = change.name().strip();
            agency.nameKey = FoldedText.of(change.name());
            agency.website = Stripped.orNull(change.website());
            agency.email = Stripped.orNull(change.email());
            agency.phone = Stripped.orNull(change.phone());
            agency.address = Stripped.orNull(change.address());
        });
        return agency;
    }

    /** Photographs the schemes, makes the change, then records what each scheme now shows otherwise (the write turn taken). */
    private void changeSchemes(Caller caller, List<Scheme> schemes, Runnable change) {
        Map<Scheme, ObjectNode> before = new LinkedHashMap<>();
        schemes.forEach(scheme -> before.put(scheme, audit.snapshot(scheme)));
        change.run();
        before.forEach((scheme, photograph) -> {
            scheme.touch();
            audit.record(scheme.id, "UPDATE", caller, photograph, audit.snapshot(scheme));
        });
    }

    /** Photographs every scheme of the person, makes the change, then records what each scheme now shows otherwise. */
    private void changeSchemesOf(Caller caller, Person person, Consumer<List<Scheme>> change) {
        Scheme.takeWriteTurn();
        List<Scheme> schemes = Scheme.coordinatedBy(person);
        changeSchemes(caller, schemes, () -> change.accept(schemes));
    }

    /** A write sent with If-Match, on a scheme changed since the caller read it: 412, nothing written. */
    private static void requireUnchanged(Scheme scheme, Predicate<Scheme> unchanged) {
        if (!unchanged.test(scheme)) {
            throw new ProblemException(412, "The scheme changed since you read it: read it again (GET gives its new ETag), "
                    + "apply your change to it and send it with that ETag in If-Match. Nothing was written.", List.of());
        }
    }

    private SchemeDocument pending(SchemeChange change) {
        if (change.status != SchemeChange.Status.PENDING) {
            throw new ProblemException(409, "This change was already " + change.status.name().toLowerCase(Locale.ROOT) + ".",
                    List.of());
        }
        return change.document(json);
    }

    private static ProblemException refTaken(Scheme existing) {
        return new ProblemException(409, "Another scheme already has this ref (id " + existing.id + ").",
                List.of(new FieldError("ref", "'" + existing.ref + "' is already used by scheme " + existing.id)));
    }
}
