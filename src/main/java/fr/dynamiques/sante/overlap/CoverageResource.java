package fr.dynamiques.sante.overlap;

import java.time.LocalDate;
import java.util.List;

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
import fr.dynamiques.sante.overlap.OverlapViews.HistoryRow;
import fr.dynamiques.sante.overlap.OverlapViews.StageCoverage;
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

    private static final String AT = "A day, YYYY-MM-DD, from 1990-01-01 to ten years from today: the figures as they stood that day "
            + "(a scheme counts from its start date to its end date, whatever its status; see the operation). Not with status.";

    private final Coverage coverage;
    private final CoverageAt coverageAt;
    private final CoverageHistory history;
    private final CptsStages stages;
    private final CogSnapshot cog;

    CoverageResource(Coverage coverage, CoverageAt coverageAt, CoverageHistory history, CptsStages stages,
            CogSnapshot cog) {
        this.coverage = coverage;
        this.coverageAt = coverageAt;
        this.history = history;
        this.stages = stages;
        this.cog = cog;
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Transactional
    @Operation(operationId = "getCoverage", summary = "Population covered, per département or région", description = "Every département (or région) with its population, the population of its communes that at least one "
            + "scheme of the chosen kinds covers (each commune once), the ratio and the number of schemes, in all and "
            + "kind by kind. Counts ACTIVE and RENEWAL schemes unless status= says otherwise. " + CoverageDays.RULE)
    public List<CoverageRow> byTerritory(
            @Parameter(description = "department (default) or region", example = "department") @QueryParam("level") String level,
            @Parameter(description = "ASV, CLS, CLSM, CPTS...; several allowed; all when absent", example = "CPTS") @QueryParam("kind") List<String> kind,
            @Parameter(description = "Only the territories of this région", example = "84") @QueryParam("region") String region,
            @Parameter(description = "Only these départements (level department). Département code; several allowed, repeated (department=38&department=73) or comma-separated (department=38,73)", example = "38,73", schema = @Schema(type = SchemaType.STRING)) @QueryParam("department") List<String> department,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED; several allowed; not with at") @QueryParam("status") List<String> status,
            @Parameter(description = AT, example = "2020-01-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("at") String at) {
        LocalDate day = CoverageDays.asked(at, status);
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
        List<CoverageRow> rows = day == null
                ? coverage.byTerritory(chosen, criteria.region(), criteria.kinds(), criteria.statuses())
                : coverageAt.byTerritory(chosen, criteria.region(), criteria.kinds(), day);
        return criteria.departments().isEmpty() ? rows
                : rows.stream().filter(r -> criteria.departments().contains(r.code())).toList();
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Path("/white-zones")
    @Transactional
    @Operation(operationId = "getWhiteZones", summary = "Communes no scheme covers, in one or more départements or a région", description = "The communes that no scheme of the chosen kinds (any kind when absent) covers, most populated first, "
            + "and their total population; several départements give one list. Paris, Lyon and Marseille are listed by "
            + "arrondissement and counted once each in communeCount. Counts ACTIVE and RENEWAL schemes unless status= says otherwise. "
            + CoverageDays.RULE)
    public WhiteZones whiteZones(
            @Parameter(description = "ASV, CLS, CLSM, CPTS...; several allowed", example = "CPTS") @QueryParam("kind") List<String> kind,
            @Parameter(description = "Département code; several allowed, repeated (department=38&department=73) or comma-separated (department=38,73); or region", example = "38", schema = @Schema(type = SchemaType.STRING)) @QueryParam("department") List<String> department,
            @Parameter(description = "Région code (or department)", example = "84") @QueryParam("region") String region,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED; several allowed; not with at") @QueryParam("status") List<String> status,
            @Parameter(description = AT, example = "2020-01-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("at") String at) {
        LocalDate day = CoverageDays.asked(at, status);
        Criteria criteria = Criteria.of(kind, status, region, department, SchemeStatus.AT_WORK, cog);
        return day == null ? coverage.whiteZones(criteria.areas(cog), criteria.kinds(), criteria.statuses(), Integer.MAX_VALUE)
                : coverageAt.whiteZones(criteria.areas(cog), criteria.kinds(), day, Integer.MAX_VALUE);
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Path("/history")
    @Transactional
    @Operation(operationId = "getCoverageHistory", summary = "Coverage on each 1 January, for France, a région or a département", description = "The population covered on 1 January of each year from `from` to `to`, for France (neither region nor "
            + "department), a région or one département, by the schemes of the chosen kinds (all when absent): each row is what "
            + "GET /api/v1/coverage?at=<that day> gives for the same territory (for France, the sum of its régions' covered "
            + "population, each scheme counted once). " + CoverageDays.RULE)
    public List<HistoryRow> history(
            @Parameter(description = "ASV, CLS, CLSM, CPTS...; several allowed; all when absent", example = "CPTS") @QueryParam("kind") List<String> kind,
            @Parameter(description = "A région (or department; neither: France)", example = "84") @QueryParam("region") String region,
            @Parameter(description = "One département (or region; neither: France)", example = "38") @QueryParam("department") String department,
            @Parameter(description = "The first year, 1990 or later (default 2015)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("from") String from,
            @Parameter(description = "The last year, up to ten years from now (default this year)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("to") String to) {
        Criteria criteria = Criteria.of(kind, List.of(), region, department == null ? List.of() : List.of(department),
                SchemeStatus.AT_WORK, cog);
        List<LocalDate> days = CoverageDays.januaries(from, to);
        Area area = criteria.region() == null && criteria.departments().isEmpty() ? null : criteria.area(cog);
        return history.of(area, criteria.kinds(), days);
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Path("/stages")
    @Transactional
    @Operation(operationId = "getCptsStages", summary = "The CPTS at work by maturity stage, down to the commune", description = "What the CPTS maps draw: each commune takes the most advanced stage (ACI_SIGNED, then "
            + "HEALTH_PROJECT_VALIDATED, LETTER_OF_INTENT, EMERGENCE) among the CPTS at work (ACTIVE or RENEWAL) covering it; "
            + "stage null when none of them records one; not covered otherwise. Per class: communes, population, share of "
            + "the territory's population and the CPTS of that stage working there. France when no territory is named; "
            + "France and a région list their départements with the same figures; a département or an EPCI lists "
            + "its covered communes with their class (a région's are read département by département: a département holds "
            + "at most a few hundred).")
    public StageCoverage cptsStages(
            @Parameter(description = "Région code (or department, or epci; none: France)", example = "84") @QueryParam("region") String region,
            @Parameter(description = "Département code (or region, or epci)", example = "38") @QueryParam("department") String department,
            @Parameter(description = "EPCI SIREN (or region, or department)", example = "200040715") @QueryParam("epci") String epci) {
        Area area = stages.territory(region, department, epci);
        StageCoverage figures = stages.of(area);
        // A région's thousands of communes are listed by its départements' answers.
        return area != null && area.level().equals(TerritoryLevel.REGION.apiName()) ? figures.withoutCommunes() : figures;
    }
}
