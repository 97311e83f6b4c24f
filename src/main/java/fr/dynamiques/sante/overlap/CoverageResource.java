package fr.dynamiques.sante.overlap;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.overlap.OverlapViews.CoverageRow;
import fr.dynamiques.sante.overlap.OverlapViews.WhiteZones;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryLevel;

@Path("/api/v1/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chevauchements et couverture")
public class CoverageResource {

    private final Coverage coverage;
    private final EntityManager em;
    private final CogSnapshot cog;

    CoverageResource(Coverage coverage, EntityManager em, CogSnapshot cog) {
        this.coverage = coverage;
        this.em = em;
        this.cog = cog;
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Transactional
    @Operation(operationId = "getCoverage", summary = "Population covered, per département or région",
            description = "Every département (or région) with its population, the population of its communes that at least one "
                    + "scheme of the chosen kinds covers (each commune once), the ratio and the number of schemes, in all and "
                    + "kind by kind. Counts ACTIVE and RENEWAL schemes unless status= says otherwise.")
    public List<CoverageRow> byTerritory(
            @Parameter(description = "department (default) or region", example = "department") @QueryParam("level") String level,
            @Parameter(description = "ASV, CLS, CLSM, CPTS...; several allowed; all when absent", example = "CPTS") @QueryParam("kind") List<String> kind,
            @Parameter(description = "Only the territories of this région", example = "84") @QueryParam("region") String region,
            @Parameter(description = "Only these départements (level department). Département code; several allowed, repeated (department=38&department=73) or comma-separated (department=38,73)", example = "38,73",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("department") List<String> department,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED; several allowed") @QueryParam("status") List<String> status) {
        TerritoryLevel chosen;
        if (level == null || level.isBlank() || level.equals("department")) {
            chosen = TerritoryLevel.DEPARTMENT;
        } else if (level.equals("region")) {
            chosen = TerritoryLevel.REGION;
        } else {
            throw ProblemException.badRequest("Unknown coverage level.", new FieldError("level", "department or region"));
        }
        Criteria criteria = Criteria.of(kind, status, region, department, SchemeStatus.AT_WORK, cog);
        if (chosen == TerritoryLevel.REGION && !criteria.departments().isEmpty()) {
            throw ProblemException.badRequest("Départements are rows of the department level.",
                    new FieldError("department", "with level=department only"));
        }
        List<CoverageRow> rows = coverage.byTerritory(chosen, criteria.region(), criteria.kinds(), criteria.statuses());
        return criteria.departments().isEmpty() ? rows : rows.stream().filter(r -> criteria.departments().contains(r.code())).toList();
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Path("/white-zones")
    @Transactional
    @Operation(operationId = "getWhiteZones", summary = "Communes no scheme covers, in one or more départements or a région",
            description = "The communes that no scheme of the chosen kinds (any kind when absent) covers, most populated first, "
                    + "and their total population; several départements give one list. Paris, Lyon and Marseille are listed by "
                    + "arrondissement and counted once each in communeCount. Counts ACTIVE and RENEWAL schemes unless status= says otherwise.")
    public WhiteZones whiteZones(
            @Parameter(description = "ASV, CLS, CLSM, CPTS...; several allowed", example = "CPTS") @QueryParam("kind") List<String> kind,
            @Parameter(description = "Département code; several allowed, repeated (department=38&department=73) or comma-separated (department=38,73); or region", example = "38", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("department") List<String> department,
            @Parameter(description = "Région code (or department)", example = "84") @QueryParam("region") String region,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED; several allowed") @QueryParam("status") List<String> status) {
        Criteria criteria = Criteria.of(kind, status, region, department, SchemeStatus.AT_WORK, cog);
        return coverage.whiteZones(criteria.areas(em), criteria.kinds(), criteria.statuses(), Integer.MAX_VALUE);
    }
}
