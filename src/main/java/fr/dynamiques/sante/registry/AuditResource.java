package fr.dynamiques.sante.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import fr.dynamiques.sante.account.CurrentCaller;
import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.audit.AuditEntry;
import fr.dynamiques.sante.scheme.Scheme;

/** The audit trail of a scheme, for signed-in roles in its scope. Its own class: the path lies below /api/v1/schemes. */
@Path("/api/v1/schemes/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "Dispositifs")
public class AuditResource {

    @Schema(name = "AuditEntry", description = "A published change: who (account id, null for the configuration's admin "
            + "token, and role), when, what", requiredProperties = { "at", "action", "actorRole", "changes" })
    public record Entry(Instant at, String action, @Schema(nullable = true) Long actorId, String actorRole,
            List<AuditEntry.FieldChange> changes,
            @Schema(nullable = true, description = "The spreadsheet import that made the change (GET /api/v1/imports/{batch})") UUID batch) {
    }

    private final CurrentCaller callers;
    private final SchemeAccess access;
    private final Audit audit;

    AuditResource(CurrentCaller callers, SchemeAccess access, Audit audit) {
        this.callers = callers;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Transactional
    @Operation(operationId = "getSchemeHistory", summary = "Every published change of a scheme, oldest first (admins, ARS of its régions, its coordinators)", description = "Every published change of the scheme, oldest first: who (account id and role), when, and "
            + "each field's old and new value. Coordinators appear by person id only, never by name or contact. "
            + "To admins, ARS officers of its régions and its coordinators.")
    public List<Entry> history(@PathParam("id") String id) {
        access.mayReadHistory(callers.require(), Scheme.findExisting(id));
        return AuditEntry.ofScheme(Scheme.parseId(id)).stream()
                .map(e -> new Entry(e.at, e.action, e.actorId, e.actorRole, audit.changes(e), e.batch)).toList();
    }
}
