package fr.dynamiques.sante.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One published change of a scheme: who, when, and each field's old and new value. */
@Entity
@Table(name = "scheme_audit")
public class AuditEntry extends PanacheEntityBase {

    /** A field that changed; values as the API writes them (coordinators by person id). */
    @Schema(description = "A field that changed, with its value before and after (any JSON value; null when absent)", requiredProperties = {
            "field" })
    public record FieldChange(String field, JsonNode before, JsonNode after) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheme_audit_seq")
    @SequenceGenerator(name = "scheme_audit_seq", sequenceName = "scheme_audit_seq", allocationSize = 50)
    public Long id;

    public long schemeId;

    public Instant at;

    public String action;

    public Long actorId;

    public String actorRole;

    /** The {@link FieldChange}s, as JSON written with the application's ObjectMapper. */
    public String changes;

    /** The spreadsheet import that wrote it, if one did. */
    public UUID batch;

    public static List<AuditEntry> ofScheme(long schemeId) {
        return list("schemeId = ?1 order by at, id", schemeId);
    }
}
