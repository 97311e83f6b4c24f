package fr.dynamiques.sante.territory;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.NonBlocking;

import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.problem.Problem;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.territory.TerritoryViews.ArrondissementView;
import fr.dynamiques.sante.territory.TerritoryViews.CommuneView;
import fr.dynamiques.sante.territory.TerritoryViews.DepartmentView;
import fr.dynamiques.sante.territory.TerritoryViews.EpciView;
import fr.dynamiques.sante.territory.TerritoryViews.FormerCommuneView;
import fr.dynamiques.sante.territory.TerritoryViews.RegionView;

/**
 * The referential's reads. A territory's read comes from the referential in memory ({@link CogSnapshot}): no database,
 * no engine, nothing that blocks; it is answered on the I/O thread ({@code @NonBlocking}), without the hop to a worker
 * thread that would cost more than the read itself. Suggestions ask the engine, on a worker thread.
 */
@Path("/api/v1/territories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Territoires", description = "INSEE's official geography (COG 2026), with the municipal arrondissements of "
        + "Paris, Lyon and Marseille and the former communes")
public class TerritoryResource {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_SUGGESTIONS = 10;
    private static final String LIMIT_RANGE = "from 1 to " + MAX_SUGGESTIONS;

    private final TerritoryFinder suggestions;
    private final CogSnapshot cog;

    TerritoryResource(TerritoryFinder suggestions, CogSnapshot cog) {
        this.suggestions = suggestions;
        this.cog = cog;
    }

    @Cached(Cached.Validator.REFERENTIAL)
    @GET
    @Operation(operationId = "findTerritories", summary = "Territories matching typed text", description = "First the territories the text names outright, each saying how (matchedBy): its code (INSEE, SIREN, "
            + "département, région), a postal code (several communes may share one: 38114 is the postal code of "
            + "Vaujany, Oz, Allemond... and the INSEE code of Clonas-sur-Varèze; both come, told apart), a former "
            + "commune's code or name, or its name as people write it (accents, case, typographic dashes and "
            + "apostrophes, St/Ste, articles, EPCI legal forms and their usual slips, \"Paris 18e\", a département "
            + "after the name: \"Vaujany 38\", \"Arzay (38)\"). Then accent- and case-insensitive prefix matches on "
            + "names and codes (matchedBy prefix), best first, then by population.")
    public List<TerritoryMatch> suggest(
            @Parameter(description = "Text typed by the user", example = "échir") @QueryParam("q") String q,
            @Parameter(description = "commune, arrondissement, epci, department or region") @QueryParam("level") String level,
            @Parameter(description = "How many, 1 to 10", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10", minimum = "1", maximum = "10")) @QueryParam("limit") @DefaultValue("10") @Min(value = 1, message = LIMIT_RANGE) @Max(value = MAX_SUGGESTIONS, message = LIMIT_RANGE) int limit) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("Query parameter q is required.",
                    new Problem.FieldError("q", "must not be blank"));
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("Query parameter q is too long.",
                    new Problem.FieldError("q", "at most " + MAX_QUERY_LENGTH + " characters"));
        }
        Optional<TerritoryLevel> chosen = Optional.empty();
        if (level != null && !level.isBlank()) {
            chosen = Optional.of(TerritoryLevel.fromApiName(level).orElseThrow(() -> ProblemException.badRequest(
                    "Unknown territory level.",
                    new Problem.FieldError("level", "one of commune, arrondissement, epci, department, region"))));
        }
        return suggestions.suggest(q.strip(), chosen, limit);
    }

    @Cached(Cached.Validator.REFERENTIAL)
    @GET
    @Path("/communes/{code}")
    @NonBlocking
    @Operation(operationId = "getCommune", summary = "A commune by its INSEE code", description = "Name, population, postal codes, and the EPCI, département and région the commune belongs to; its "
            + "former communes and arrondissements. Codes are strings: 2A004 is a commune of Corse-du-Sud. A former "
            + "commune's code (merged, delegated, associated) answers 308 with the current commune in Location.")
    @APIResponse(responseCode = "200", description = "The commune", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommuneView.class)))
    @APIResponse(responseCode = "308", description = "A former commune: Location is its current commune", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FormerCommuneView.class)))
    public Response commune(@Parameter(example = "38151") @PathParam("code") String code) {
        CogSnapshot.FormerCommune former = TerritoryLevel.COMMUNE.isWellFormed(code) ? cog.former(code) : null;
        if (former != null) {
            CogSnapshot.CommuneFacts current = cog.commune(former.communeCode());
            return Response.status(308).location(URI.create("/api/v1/territories/communes/" + current.code()))
                    .entity(new FormerCommuneView(former.code(), former.name(), former.type(),
                            new TerritoryViews.Ref(current.code(), current.name())))
                    .build();
        }
        return Response.ok(CommuneView.of(cog, existing(TerritoryLevel.COMMUNE, code, cog::commune))).build();
    }

    @Cached(Cached.Validator.REFERENTIAL)
    @GET
    @Path("/arrondissements/{code}")
    @NonBlocking
    @Operation(operationId = "getArrondissement", summary = "A municipal arrondissement of Paris, Lyon or Marseille", description = "Name, population, postal codes, and the commune, département and région it belongs to.")
    public ArrondissementView arrondissement(@Parameter(example = "75118") @PathParam("code") String code) {
        return ArrondissementView.of(cog, existing(TerritoryLevel.ARRONDISSEMENT, code, cog::arrondissement));
    }

    @Cached(Cached.Validator.REFERENTIAL)
    @GET
    @Path("/epcis/{siren}")
    @NonBlocking
    @Operation(operationId = "getEpci", summary = "An EPCI by its SIREN, with its member communes", description = "Name, legal form, population, and its member communes with their populations.")
    public EpciView epci(@Parameter(example = "200040715") @PathParam("siren") String siren) {
        return EpciView.of(cog, existing(TerritoryLevel.EPCI, siren, cog::epci));
    }

    @Cached(Cached.Validator.REFERENTIAL)
    @GET
    @Path("/departments/{code}")
    @NonBlocking
    @Operation(operationId = "getDepartment", summary = "A département by its code", description = "Name, population (the sum of its communes'), région, and its EPCI.")
    public DepartmentView department(@Parameter(example = "38") @PathParam("code") String code) {
        return DepartmentView.of(cog, existing(TerritoryLevel.DEPARTMENT, code, cog::department));
    }

    @Cached(Cached.Validator.REFERENTIAL)
    @GET
    @Path("/regions/{code}")
    @NonBlocking
    @Operation(operationId = "getRegion", summary = "A région by its code", description = "Name, population and départements.")
    public RegionView region(@Parameter(example = "84") @PathParam("code") String code) {
        return RegionView.of(cog, existing(TerritoryLevel.REGION, code, cog::region));
    }

    /** From the referential in memory: a malformed code is the client's mistake (400), an unknown one not found (404). */
    private static <T> T existing(TerritoryLevel level, String code, Function<String, T> find) {
        Territory.requireWellFormed(level, code);
        T found = find.apply(code);
        if (found == null) {
            throw Territory.notFound(level, code);
        }
        return found;
    }
}
