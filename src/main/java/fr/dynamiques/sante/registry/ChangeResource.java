package fr.dynamiques.sante.registry;

import java.time.Instant;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.CurrentCaller;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Coordinators' proposals: made by PUT /schemes/{id} (202) or on the pages (a new scheme too), listed here for those who may
 * see them, approved (published,
 * audited) or rejected with a reason by an ARS officer of a concerned région or an admin.
 */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "Propositions", description = "Coordinators' proposed changes and their validation")
public class ChangeResource {

    @Schema(description = "A proposed change (or a proposed new scheme) and its fate", requiredProperties = { "id",
            "schemeName", "proposedAt", "status", "document" })
    public record ChangeView(long id,
            @Schema(description = "The scheme changed; null for a proposed new scheme until it is approved", nullable = true) Long schemeId,
            String schemeName,
            @Schema(description = "The proposing account; null once it is deleted", nullable = true) Long proposedBy,
            Instant proposedAt, String status,
            @Schema(description = "Why it was rejected; null unless REJECTED", nullable = true) String reason,
            @Schema(description = "Who decided; null while PENDING", nullable = true) Long decidedBy,
            @Schema(description = "When it was decided; null while PENDING", nullable = true) Instant decidedAt,
            SchemeDocument document) {
    }

    @Schema(description = "Why a change is rejected", requiredProperties = { "reason" })
    public record Rejection(@Schema(examples = "Le périmètre ne correspond pas au contrat signé.") String reason) {
    }

    private final CurrentCaller callers;
    private final SchemeWrites writes;
    private final SchemeAccess access;
    private final CogSnapshot cog;
    private final ObjectMapper json;

    ChangeResource(CurrentCaller callers, SchemeWrites writes, SchemeAccess access, CogSnapshot cog, ObjectMapper json) {
        this.callers = callers;
        this.writes = writes;
        this.access = access;
        this.cog = cog;
        this.json = json;
    }

    @GET
    @Transactional
    @Operation(operationId = "listChanges", summary = "Proposed changes you may see", description = "ARS: those on schemes touching your régions; coordinators: "
            + "your own; admins: all. PENDING unless status= says otherwise.")
    public List<ChangeView> list(@QueryParam("status") String status) {
        Caller caller = callers.require();
        SchemeChange.Status wanted = status == null || status.isBlank() ? SchemeChange.Status.PENDING : parse(status);
        return access.proposalsVisibleTo(caller, wanted).stream().map(c -> view(c, caller)).toList();
    }

    @POST
    @Path("/{id}/approve")
    @Transactional
    @Operation(operationId = "approveChange", summary = "Approve and publish a proposed change", description = "409 when it is no longer pending.")
    public SchemeDocument approve(@PathParam("id") String id) {
        SchemeChange change = SchemeChange.findExisting(id);
        writes.approve(callers.require(), change);
        return SchemeDocument.withHistory(change.scheme, cog, false);
    }

    @POST
    @Path("/{id}/reject")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectChange", summary = "Reject a proposed change, with a reason", description = "The proposal is closed with the reason given (1 to 2,000 characters), which its author reads "
            + "in GET /changes?status=REJECTED; the published scheme does not change.")
    public ChangeView reject(@PathParam("id") String id, Rejection body) {
        SchemeChange change = SchemeChange.findExisting(id);
        Caller caller = callers.require();
        writes.reject(caller, change, body == null ? null : body.reason());
        return view(change, caller);
    }

    private static SchemeChange.Status parse(String status) {
        try {
            return SchemeChange.Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Unknown status.", new FieldError("status", "PENDING, APPROVED or REJECTED"));
        }
    }

    /** A proposal shows coordinators as the scheme does: their data only with their consent, or to an admin. */
    private ChangeView view(SchemeChange c, Caller caller) {
        return new ChangeView(c.id, c.scheme == null ? null : c.scheme.id, c.schemeName(json), c.proposedBy, c.proposedAt,
                c.status.name(), c.reason, c.decidedBy,
                c.decidedAt, c.documentFor(json, caller.isAdmin()));
    }
}
