package fr.dynamiques.sante.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;

/**
 * A coordinator's proposed version of a scheme, or a proposed new scheme (no scheme yet: approving it creates one),
 * pending until an ARS officer or an admin decides.
 */
@Entity
public class SchemeChange extends PanacheEntityBase {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheme_change_seq")
    @SequenceGenerator(name = "scheme_change_seq", sequenceName = "scheme_change_seq", allocationSize = 50)
    public Long id;

    /** The scheme changed; null for a proposed creation until it is approved. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "scheme_id")
    public Scheme scheme;

    public Long proposedBy;

    public Instant proposedAt;

    /** The proposed scheme, as the API writes it (SchemeDocument), read and written with the application's ObjectMapper. */
    public String document;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String reason;

    public Long decidedBy;

    public Instant decidedAt;

    /** The entity tag of the scheme the proposal was made on (the admin's view). */
    public String baseTag;

    /** A new pending proposal of this version of the scheme (JSON in the API's format), made on the version tagged so. */
    public static SchemeChange propose(Scheme scheme, Long proposedBy, String document, String baseTag) {
        SchemeChange change = new SchemeChange();
        change.baseTag = baseTag;
        change.scheme = scheme;
        change.proposedBy = proposedBy;
        change.proposedAt = Instant.now();
        change.document = document;
        change.status = Status.PENDING;
        change.persist();
        return change;
    }

    /** A new pending proposal of a scheme not in the registry yet. */
    public static SchemeChange proposeCreation(Long proposedBy, String document) {
        return propose(null, proposedBy, document, null);
    }

    public boolean isCreation() {
        return scheme == null;
    }

    /** The name to show for the proposal: the scheme's, or the proposed one's. */
    public String schemeName(ObjectMapper json) {
        return scheme != null ? scheme.name : document(json).name();
    }

    /** The change with this id, or a 404 (400 for a malformed id). */
    public static SchemeChange findExisting(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw ProblemException.badRequest("Malformed change id.", new FieldError("id", "a positive whole number"));
        }
        SchemeChange change = findById(Long.parseLong(id));
        if (change == null) {
            throw ProblemException.notFound("No proposed change " + id + ".");
        }
        return change;
    }

    public static List<SchemeChange> withStatus(Status status) {
        return list("status = ?1 order by proposedAt, id", status);
    }

    /** The proposed version as stored: what an approval writes. */
    public SchemeDocument document(ObjectMapper json) {
        try {
            return json.readValue(document, SchemeDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable proposal " + id, e);
        }
    }

    /**
     * The proposed version as a reader sees it: like a scheme, without the name and contact of a coordinator who did not
     * consent to show them, unless {@code withPersonalData} (an admin).
     */
    public SchemeDocument documentFor(ObjectMapper json, boolean withPersonalData) {
        SchemeDocument doc = document(json);
        return withPersonalData ? doc
                : withCoordinators(doc, json, e -> Optional.of(e.publicContact() ? e : e.withoutPersonalData()));
    }

    /**
     * Closed: approved or rejected (with why), by this account, now. A decided proposal is a record, not a way to
     * reach people: it keeps no one's name or contact (an approved one is in the scheme, under its consent).
     */
    void decide(Long accountId, Status decision, String why, ObjectMapper json) {
        status = decision;
        reason = why;
        decidedBy = accountId;
        decidedAt = Instant.now();
        document = text(json, withCoordinators(document(json), json, e -> Optional.of(e.withoutPersonalData())));
    }

    /** A person erased leaves every proposal too, decided or not: no entry keeps their id or their data. */
    static void forget(Person person, ObjectMapper json) {
        String email = person.email;
        // A coarse first sort in SQL (an underscore in the address matches any character there), the exact one below.
        List<SchemeChange> naming = list("document like ?1 or lower(document) like ?2", "%\"id\":" + person.id + "%",
                "%" + (email == null ? "\"id\":" + person.id : email) + "%");
        for (SchemeChange change : naming) {
            change.document = text(json, withCoordinators(change.document(json), json, e -> person.id.equals(e.id())
                    || email != null && e.email() != null && email.equalsIgnoreCase(e.email().strip()) ? Optional.empty()
                            : Optional.of(e)));
        }
    }

    static String text(ObjectMapper json, SchemeDocument doc) {
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document with each coordinator entry mapped (an empty answer drops the entry). */
    private static SchemeDocument withCoordinators(SchemeDocument doc, ObjectMapper json,
            Function<SchemeDocument.CoordinatorEntry, Optional<SchemeDocument.CoordinatorEntry>> how) {
        if (doc.coordinators() == null) {
            return doc;
        }
        List<SchemeDocument.CoordinatorEntry> entries = doc.coordinators().stream().filter(Objects::nonNull)
                .map(how).flatMap(Optional::stream).toList();
        ObjectNode tree = json.valueToTree(doc);
        tree.set("coordinators", json.valueToTree(entries));
        try {
            return json.treeToValue(tree, SchemeDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
