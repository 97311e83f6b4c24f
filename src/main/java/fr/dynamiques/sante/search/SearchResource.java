package fr.dynamiques.sante.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.scheme.Paging;
import fr.dynamiques.sante.scheme.SchemeFilter;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recherche", description = "Full-text search of the registry, with facets")
public class SearchResource {

    private final SchemeSearch search;

    SearchResource(SchemeSearch search) {
        this.search = search;
    }

    @Cached(Cached.Validator.INDEX)
    @GET
    @Operation(operationId = "searchSchemes", summary = "Search schemes", description = "French-aware full text over names, kinds, places covered (names, INSEE and postal codes), themes, "
            + "descriptions, partners and consenting coordinators; one typo tolerated on words of 5 letters or more. "
            + "Filters take several values (repeated or comma-separated); each facet counts with every filter but its own. "
            + "The index follows writes within about a second (outbox polling).")
    public SchemeSearch.Results search(
            @Parameter(description = "What to look for; empty lists everything", example = "santé mentale grenoble") @QueryParam("q") String q,
            @Parameter(example = "CLS") @QueryParam("kind") List<String> kind,
            @Parameter(example = "ACTIVE") @QueryParam("status") List<String> status,
            @Parameter(description = "Région code", example = "84") @QueryParam("region") List<String> region,
            @Parameter(description = "Département code; several allowed, repeated or comma-separated", example = "38,73") @QueryParam("department") List<String> department,
            @Parameter(description = "Density class of the territory: rural, intermediate, urban (README, \"Density\")", example = "rural") @QueryParam("density") List<String> density,
            @Parameter(example = "santé mentale") @QueryParam("theme") List<String> theme,
            @Parameter(description = "Funder's name", example = "ARS Auvergne-Rhône-Alpes") @QueryParam("funder") List<String> funder,
            @Parameter(description = "relevance (default), name, startDate or population") @QueryParam("sort") String sort,
            @Parameter(description = "From 0") @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = Paging.PAGE_RANGE) @Max(value = Paging.MAX_PAGE, message = Paging.PAGE_RANGE) int page,
            @Parameter(description = "1 to 200, default 20") @QueryParam("size") @DefaultValue(""
                    + Paging.DEFAULT_SIZE) @Min(value = 1, message = Paging.SIZE_RANGE) @Max(value = SchemeFilter.MAX_SIZE, message = Paging.SIZE_RANGE) int size) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("kind", kind);
        filters.put("status", status);
        filters.put("region", region);
        filters.put("department", department);
        filters.put("density", density);
        filters.put("theme", theme);
        filters.put("funder", funder);
        return search.search(SchemeSearch.Request.of(q, filters, sort, new Paging(page, size))).tagged("<em>", "</em>");
    }
}
