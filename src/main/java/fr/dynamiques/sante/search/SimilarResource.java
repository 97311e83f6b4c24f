package fr.dynamiques.sante.search;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.territory.CogSnapshot;

/** The schemes like one, in any région. Its own class: the path lies below /api/v1/schemes/{id}. */
@Path("/api/v1/schemes/{id}/similar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recherche")
public class SimilarResource {

    private static final String SIZE_RANGE = "a whole number from 1 to " + SimilarSchemes.MAX_SIZE;

    private final SimilarSchemes similar;
    private final CogSnapshot cog;

    SimilarResource(SimilarSchemes similar, CogSnapshot cog) {
        this.similar = similar;
        this.cog = cog;
    }

    @Cached(Cached.Validator.INDEX)
    @GET
    @Transactional
    @Operation(operationId = "getSimilarSchemes", summary = "The schemes at work most like this one, in any région", description = "Most alike first, the scheme itself left out; score from 0 to 1. Likeness adds up shared themes (as the "
            + "search counts them), population on a log scale, the density class, the span over the EPCI and, by kind, a "
            + "CPTS's stage and size, a contract's generation, an ASV's priority neighbourhoods (README, \"Schemes like "
            + "this one\"). Each result lists the reasons. Of the scheme's own kind unless kind= says otherwise.")
    public List<SimilarSchemes.Peer> similar(
            @Parameter(example = "42") @PathParam("id") String id,
            @Parameter(description = "ASV, CLS, CLSM, CPTS...; several allowed, repeated or comma-separated; the scheme's own kind "
                    + "when absent", example = "CLS") @QueryParam("kind") List<String> kind,
            @Parameter(description = "1 to " + SimilarSchemes.MAX_SIZE + ", default "
                    + SimilarSchemes.DEFAULT_SIZE) @QueryParam("size") @DefaultValue(""
                            + SimilarSchemes.DEFAULT_SIZE) @Min(value = 1, message = SIZE_RANGE) @Max(value = SimilarSchemes.MAX_SIZE, message = SIZE_RANGE) int size) {
        Scheme scheme = Scheme.findExisting(id);
        List<String> kinds = SchemeFilter.where().kind(kind).check(SchemeKind.byCode(), cog).kinds();
        return similar.like(scheme, kinds.isEmpty() ? List.of(scheme.kind.code) : kinds, size);
    }
}
