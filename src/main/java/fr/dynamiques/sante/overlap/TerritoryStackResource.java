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
import fr.dynamiques.sante.overlap.OverlapViews.TerritoryStack;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryLevel;

/** The schemes covering a territory, by kind. Its own class: the path lies below /api/v1/territories. */
@Path("/api/v1/territories/{level}/{code}/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chevauchements et couverture")
public class TerritoryStackResource {

    private final Overlaps overlaps;
    private final CogSnapshot cog;

    TerritoryStackResource(Overlaps overlaps, CogSnapshot cog) {
        this.overlaps = overlaps;
        this.cog = cog;
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Transactional
    @Operation(operationId = "getTerritorySchemes", summary = "The schemes covering (part of) a territory, by kind", description = "Each with the communes and the share of the territory's population it covers. Every status unless "
            + "status= says otherwise.")
    public TerritoryStack territorySchemes(
            @Parameter(description = "communes, arrondissements, epcis, departments or regions", example = "communes") @PathParam("level") String level,
            @Parameter(example = "38151") @PathParam("code") String code,
            @Parameter(description = "ASV, CLS, CLSM, CPTS...; several allowed") @QueryParam("kind") List<String> kind,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED; several allowed") @QueryParam("status") List<String> status) {
        Criteria criteria = Criteria.of(kind, status, null, null, List.of(), cog);
        Area area = Area.of(cog, level(level), code);
        return overlaps.stack(area, criteria.kinds(), criteria.statuses());
    }

    /** "communes" or "commune", and so on: the plural names the collection, as in /territories/communes/{code}. */
    public static TerritoryLevel level(String name) {
        return TerritoryLevel.fromPathSegment(name).orElseThrow(() -> new ProblemException(404,
                "No territory level '" + (name.length() > 20 ? name.substring(0, 20) + "…" : name) + "'.",
                List.of(new FieldError("level", "one of communes, epcis, departments, regions"))));
    }
}
