package fr.dynamiques.sante.overlap;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.overlap.OverlapViews.OverlapRow;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.territory.CogSnapshot;

/** The other schemes working where a scheme works. Its own class: the path lies below /api/v1/schemes/{id}. */
@Path("/api/v1/schemes/{id}/overlaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chevauchements et couverture", description = "Overlaps between schemes, coverage of territories, white zones")
public class OverlapResource {

    private final Overlaps overlaps;
    private final CogSnapshot cog;

    OverlapResource(Overlaps overlaps, CogSnapshot cog) {
        this.overlaps = overlaps;
        this.cog = cog;
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Transactional
    @Operation(operationId = "getSchemeOverlaps", summary = "The other schemes sharing communes with this one", description = "Largest shared population first. Every status unless status= says otherwise (an ended contract "
            + "still shows where its successor works).")
    public List<OverlapRow> schemeOverlaps(@Parameter(example = "42") @PathParam("id") String id,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED; several allowed") @QueryParam("status") List<String> status) {
        List<String> statuses = Criteria.of(null, status, null, null, List.of(), cog).statuses();
        return overlaps.of(Scheme.parseId(id), statuses)
                .orElseThrow(() -> ProblemException.notFound("No scheme with id " + id + "."));
    }
}
