package fr.dynamiques.sante.workflow;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.access.SchemeAccess;
import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeService;
import fr.dynamiques.sante.scheme.SchemeTags;

/**
 * Publishing a change of a scheme, for the API and the pages alike: a coordinator's change waits as a proposal, an ARS
 * officer's or an admin's is published at once; each publication is audited.
 */
@ApplicationScoped
public class Proposals {

    private final SchemeAccess access;
    private final SchemeService service;
    private final Audit audit;
    private final SchemeTags tags;
    private final ObjectMapper json;

    Proposals(SchemeAccess access, SchemeService service, Audit audit, SchemeTags tags, ObjectMapper json) {
        this.access = access;
        this.service = service;
        this.audit = audit;
        this.tags = tags;
        this.json = json;
    }

    /**
     * Publishes the change, or (a coordinator) proposes it: answers the pending proposal, or null when published. Either
     * way only if the scheme is still as the caller read it ({@code unchanged}: else 412).
     */
    @Transactional
    public SchemeChange change(Caller caller, Scheme scheme, SchemeDocument doc, Predicate<Scheme> unchanged) {
        if (access.proposes(caller, scheme)) {
            SchemeService.requireUnchanged(scheme, unchanged);
            service.checkUpdate(scheme.id, doc);
            return SchemeChange.propose(scheme, caller.accountId(), write(doc), tags.of(scheme, true).tag().getValue());
        }
        access.mayUpdate(caller, scheme, doc);
        publish(caller, scheme, doc, "UPDATE", unchanged);
        return null;
    }

    @Transactional
    public void approve(Caller caller, SchemeChange change) {
        SchemeDocument proposed = pending(change);
        access.mayDecide(caller, change.scheme, proposed);
        if (change.baseTag != null && !tags.of(change.scheme, true).tag().getValue().equals(change.baseTag)) {
            throw new ProblemException(409, "The scheme changed since this proposal was made: approving it would undo what was "
                    + "published meanwhile. Reject it, and the coordinator proposes again on the current version.", List.of());
        }
        publish(caller, change.scheme, proposed, "APPROVE", scheme -> true);
        decide(change, caller, SchemeChange.Status.APPROVED, null);
    }

    @Transactional
    public void reject(Caller caller, SchemeChange change, String reason) {
        access.mayDecide(caller, change.scheme, pending(change));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw ProblemException.badRequest("A rejection says why.", new FieldError("reason", "1 to 2000 characters"));
        }
        decide(change, caller, SchemeChange.Status.REJECTED, why);
    }

    /** The proposals with this status the caller may see (its own, those it may decide on, or all for an admin). */
    @Transactional
    public List<SchemeChange> visibleTo(Caller caller, SchemeChange.Status status) {
        return SchemeChange.withStatus(status).stream().filter(c -> access.maySee(caller, c.scheme, read(c), c.proposedBy)).toList();
    }

    public SchemeDocument read(SchemeChange change) {
        try {
            return json.readValue(change.document, SchemeDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable proposal " + change.id, e);
        }
    }

    private void publish(Caller caller, Scheme scheme, SchemeDocument doc, String action, Predicate<Scheme> unchanged) {
        ObjectNode before = audit.snapshot(scheme);
        service.update(scheme.id, doc, caller, unchanged);
        audit.record(scheme.id, action, caller, before, audit.snapshot(scheme));
    }

    private SchemeDocument pending(SchemeChange change) {
        if (change.status != SchemeChange.Status.PENDING) {
            throw new ProblemException(409, "This change was already " + change.status.name().toLowerCase() + ".", List.of());
        }
        return read(change);
    }

    private static void decide(SchemeChange change, Caller caller, SchemeChange.Status status, String reason) {
        change.status = status;
        change.reason = reason;
        change.decidedBy = caller.accountId();
        change.decidedAt = Instant.now();
    }

    private String write(SchemeDocument doc) {
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
