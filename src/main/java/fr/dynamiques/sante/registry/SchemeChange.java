package fr.dynamiques.sante.registry;

import java.time.Instant;
import java.util.List;

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

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A coordinator's proposed version of a scheme, pending until an ARS officer or an admin decides. */
@Entity
public class SchemeChange extends PanacheEntityBase {

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheme_change_seq")
    @SequenceGenerator(name = "scheme_change_seq", sequenceName = "scheme_change_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
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

    /** The proposed version, as the API reads and writes schemes. */
    public SchemeDocument document(ObjectMapper json) {
        try {
            return json.readValue(document, SchemeDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable proposal " + id, e);
        }
    }

    /** Closed: approved or rejected (with why), by this account, now. */
    void decide(Long accountId, Status decision, String why) {
        status = decision;
        reason = why;
        decidedBy = accountId;
        decidedAt = Instant.now();
    }
}
