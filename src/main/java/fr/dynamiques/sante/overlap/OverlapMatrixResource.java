package fr.dynamiques.sante.overlap;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.overlap.OverlapViews.OverlapMatrix;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.territory.CogSnapshot;

/** Kind x kind overlaps in a région or a département. */
@Path("/api/v1/overlaps/matrix")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chevauchements et couverture")
public class OverlapMatrixResource {

    private final Overlaps overlaps;
    private final CogSnapshot cog;

    OverlapMatrixResource(Overlaps overlaps, CogSnapshot cog) {
        this.overlaps = overlaps;
        this.cog = cog;
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Transactional
    @Operation(operationId = "getOverlapMatrix", summary = "Kind x kind overlaps in a région or a département", description = "For each pair of kinds, how many pairs of schemes share communes there and the population they share. "
            + "Counts ACTIVE and RENEWAL schemes unless status= says otherwise.")
    public OverlapMatrix matrix(@Parameter(description = "Région code", example = "84") @QueryParam("region") String region,
            @Parameter(description = "Département code", example = "38") @QueryParam("department") String department,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED; several allowed") @QueryParam("status") List<String> status) {
        Criteria criteria = Criteria.of(null, status, region, department == null ? null : List.of(department),
                SchemeStatus.AT_WORK, cog);
        return overlaps.matrix(criteria.area(cog), criteria.statuses());
    }
}
