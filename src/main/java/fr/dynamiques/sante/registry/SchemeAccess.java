package fr.dynamiques.sante.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.Role;
import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryViews;

/**
 * Who may write which scheme. ADMIN: any. ARS: the schemes touching one of its régions, before and after the change.
 * PARTNER: imports of schemes touching its régions. COORDINATOR: proposals on its schemes, which an ARS officer of a
 * concerned région (or an admin) approves or rejects.
 * Anything else is a 403 that says why.
 */
@ApplicationScoped
public class SchemeAccess {

    private final CogSnapshot cog;
    private final ObjectMapper json;

    SchemeAccess(CogSnapshot cog, ObjectMapper json) {
        this.cog = cog;
        this.json = json;
    }

    public void mayCreate(Caller caller, SchemeDocument doc) {
        if (!creates(caller, doc)) {
            throw forbidden(caller, "create this scheme");
        }
    }

    /** An admin, or an ARS officer of a région the new scheme touches. */
    private boolean creates(Caller caller, SchemeDocument doc) {
        return caller.isAdmin() || caller.role() == Role.ARS && touches(caller, regions(doc));
    }

    /** A coordinator's new scheme is a proposal, created once an ARS officer of its région (or an admin) approves it. */
    public boolean proposesCreation(Caller caller) {
        return caller.role() == Role.COORDINATOR;
    }

    public void mayUpdate(Caller caller, Scheme existing, SchemeDocument doc) {
        if (!mayChange(caller, regions(existing), regions(doc))) {
            throw forbidden(caller, "change this scheme" + reachNote(caller, existing, doc));
        }
    }

    /**
     * An admin; or an ARS officer who may edit the scheme as it is, and, when the new version reaches régions the scheme
     * did not touch, holds those régions too: nobody takes a scheme from a région they do not answer for, nor puts one into it.
     */
    private boolean mayChange(Caller caller, Set<String> before, Set<String> after) {
        if (caller.isAdmin()) {
            return true;
        }
        Set<String> added = after.stream().filter(r -> !before.contains(r)).collect(Collectors.toSet());
        return caller.role() == Role.ARS && touches(caller, before) && touches(caller, after)
                && caller.regions().containsAll(added);
    }

    private String reachNote(Caller caller, Scheme existing, SchemeDocument doc) {
        Set<String> before = regions(existing);
        List<String> missing = regions(doc).stream().filter(r -> !before.contains(r) && !caller.regions().contains(r)).sorted()
                .toList();
        return missing.isEmpty() ? "" : " into région(s) " + missing + " (an officer of every région it reaches, or an admin)";
    }

    /** Whether the caller may change this scheme as it stands (an admin, or an ARS officer of a région it touches). */
    public boolean mayEdit(Caller caller, Scheme existing) {
        return caller.isAdmin() || caller.role() == Role.ARS && touches(caller, regions(existing));
    }

    /** A coordinator's change to a scheme they coordinate is a proposal, published once approved. */
    public boolean proposes(Caller caller, Scheme existing) {
        return caller.role() == Role.COORDINATOR && caller.schemeIds().contains(existing.id);
    }

    /** The proposals with this status the caller may see: its own, those it may decide on, or all for an admin. */
    public List<SchemeChange> proposalsVisibleTo(Caller caller, SchemeChange.Status status) {
        return SchemeChange.withStatus(status).stream().filter(c -> maySee(caller, c.scheme, c.document(json), c.proposedBy))
                .toList();
    }

    /**
     * A coordinator's personal data (name, consent, the record itself) is the person's to act on (the account with their
     * email), or an admin's (GDPR). Nobody else learns whether a person exists ({@code null}): the same 403.
     */
    public void mayActOnPerson(Caller caller, Person person) {
        if (!caller.isAdmin() && (person == null || !caller.isPerson(person.email))) {
            throw new ProblemException(403, "Only the person or an admin may act on a coordinator's data.", List.of());
        }
    }

    /** Whether the caller may approve or reject this change ({@link #mayDecide}). */
    public boolean decides(Caller caller, SchemeChange change) {
        SchemeDocument proposed = change.document(json);
        return change.isCreation() ? creates(caller, proposed) : mayChange(caller, regions(change.scheme), regions(proposed));
    }

    /** Approving or rejecting: who could have made the change ({@link #mayUpdate}, or {@link #mayCreate} for a new scheme). */
    public void mayDecide(Caller caller, Scheme existing, SchemeDocument proposed) {
        if (existing == null ? !creates(caller, proposed) : !mayChange(caller, regions(existing), regions(proposed))) {
            throw forbidden(caller, "decide on this change" + reachNote(caller, existing, proposed));
        }
    }

    /** Whether the caller answers for the scheme: an admin, an ARS officer of its régions, one of its coordinators. */
    public boolean answersFor(Caller caller, Scheme existing) {
        return caller.isAdmin() || caller.role() == Role.ARS && touches(caller, regions(existing))
                || caller.role() == Role.COORDINATOR && caller.schemeIds().contains(existing.id);
    }

    /** The audit trail of a scheme: admins, ARS officers of its régions, its coordinators. */
    public void mayReadHistory(Caller caller, Scheme existing) {
        if (answersFor(caller, existing)) {
            return;
        }
        throw forbidden(caller, "read this scheme's history");
    }

    /** Seeing a proposal: who may decide on it, and who made it. */
    boolean maySee(Caller caller, Scheme existing, SchemeDocument proposed, Long proposedBy) {
        return caller.isAdmin() || caller.accountId() != null && caller.accountId().equals(proposedBy)
                || caller.role() == Role.ARS && (touches(caller, regions(existing)) || touches(caller, regions(proposed)));
    }

    public void mayDelete(Caller caller, Scheme existing) {
        if (caller.isAdmin() || caller.role() == Role.ARS && touches(caller, regions(existing))) {
            return;
        }
        throw forbidden(caller, "delete this scheme");
    }

    /** Every scheme of the file, and the one it would replace, must touch the caller's régions (ARS, PARTNER). */
    public void mayImport(Caller caller, List<SchemeDocument> docs) {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.role() != Role.ARS && caller.role() != Role.PARTNER) {
            throw forbidden(caller, "import schemes");
        }
        List<FieldError> outside = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            SchemeDocument doc = docs.get(i);
            if (doc == null) {
                continue; // unreadable: the import reports it
            }
            Set<String> regions = regions(doc);
            boolean replacesOutside = doc.ref() != null
                    && Scheme.findByRef(doc.ref()).map(s -> !touches(caller, regions(s))).orElse(false);
            // A perimeter that resolves to nothing is the import's 400, not a matter of scope.
            if (!regions.isEmpty() && !touches(caller, regions) || replacesOutside) {
                outside.add(new FieldError(i + 1, "perimeter", "outside your régions " + caller.regions()));
            }
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(403, outside.size() + " scheme(s) outside your régions; nothing was written.", outside);
        }
    }

    private static boolean touches(Caller caller, Collection<String> regions) {
        return regions.stream().anyMatch(caller.regions()::contains);
    }

    private Set<String> regions(SchemeDocument doc) {
        SchemeDocument.Perimeter p = doc.perimeter();
        if (p == null) {
            return Set.of();
        }
        return cog.regionsOf(p.places(cog)).stream()
                .map(TerritoryViews.Ref::code).collect(Collectors.toSet());
    }

    /** The régions of a scheme; none for a proposal's scheme not yet created. */
    private Set<String> regions(Scheme scheme) {
        return scheme == null ? Set.of() : scheme.regions(cog);
    }

    private static ProblemException forbidden(Caller caller, String action) {
        return new ProblemException(403,
                "Your role (" + caller.role() + (caller.regions().isEmpty() ? "" : " in " + caller.regions())
                        + ") may not " + action + ".",
                List.of());
    }
}
