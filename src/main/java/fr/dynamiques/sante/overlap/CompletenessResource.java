package fr.dynamiques.sante.overlap;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.account.CurrentCaller;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * What the figures can be trusted for (shared/API.md, "Completeness"): an ARS officer declares, for their région and a
 * kind, that the registry lists every scheme as of a date; coverage and white zones then say they are the région's.
 */
@Path("/api/v1/completeness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chevauchements et couverture")
public class CompletenessResource {

    @Schema(name = "Completeness", description = "Whether the registry lists every scheme of a kind in a région, as of a date")
    public record View(@Schema(examples = "84") String region, @Schema(examples = "CPTS") String kind, boolean complete,
            @Schema(examples = "2026-11-30") LocalDate asOf, @Schema(nullable = true) String note,
            @Schema(description = "Schemes of the kind at work (ACTIVE, RENEWAL) touching the région, in the registry now", examples = "41") long schemesAtWork) {
    }

    @Schema(name = "CompletenessDeclaration", requiredProperties = { "complete", "asOf" })
    public record Declaration(boolean complete, @Schema(examples = "2026-11-30") LocalDate asOf,
            @Size(max = 2000) @Schema(nullable = true, examples = "Liste rapprochée du tableau de suivi ARS") String note) {
    }

    private final CurrentCaller callers;
    private final CogSnapshot cog;
    private final EntityManager em;

    CompletenessResource(CurrentCaller callers, CogSnapshot cog, EntityManager em) {
        this.callers = callers;
        this.cog = cog;
        this.em = em;
    }

    @GET
    @Transactional
    @Operation(operationId = "listCompleteness", summary = "Every declaration, by région and kind, with the schemes at work counted now", description = "A région and kind absent from the list has no declaration: its figures count only the schemes entered.")
    public List<View> list() {
        Map<String, Long> atWork = atWork();
        return Completeness.ordered().stream().map(c -> view(c, atWork)).toList();
    }

    @PUT
    @Path("/{region}/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "ADMIN", "ARS" })
    @SecurityRequirement(name = "bearer")
    @Transactional
    @Operation(operationId = "declareCompleteness", summary = "Declare the registry complete (or not) for a région and a kind (ARS of the région, admins)", description = "Replaces the declaration of that région and kind. asOf is the day the list was checked (not in the "
            + "future). Coverage and white zones over the région then carry complete: true for that kind.")
    public View declare(@PathParam("region") String region, @PathParam("kind") String kind, Declaration body) {
        Completeness declaration = Completeness.declare(callers.require(), cog, region, kind,
                body == null ? null : body.complete(), body == null ? null : body.asOf(), body == null ? null : body.note());
        return view(declaration, atWork());
    }

    private static View view(Completeness c, Map<String, Long> atWork) {
        return new View(c.key.region(), c.key.kind(), c.complete, c.asOf, c.note,
                atWork.getOrDefault(c.key.region() + "|" + c.key.kind(), 0L));
    }

    /** Schemes at work by "région|kind": a scheme spanning two régions counts in both. */
    private Map<String, Long> atWork() {
        SchemeClauses atWork = SchemeClauses.of(List.of(), SchemeStatus.AT_WORK);
        Query query = em.createNativeQuery(
                "select s.id, s.kind, d.department from scheme s, unnest(s.department_codes) d(department) where true"
                        + atWork.on("s"),
                Tuple.class);
        Map<String, Set<Long>> schemes = new HashMap<>();
        for (SqlRow row : SqlRow.of(atWork.bind(query))) {
            String region = cog.regionOf(row.text("department"));
            if (region != null) {
                schemes.computeIfAbsent(region + "|" + row.text("kind"), k -> new HashSet<>()).add(row.number("id"));
            }
        }
        Map<String, Long> counts = new HashMap<>();
        schemes.forEach((key, ids) -> counts.put(key, (long) ids.size()));
        return counts;
    }
}
