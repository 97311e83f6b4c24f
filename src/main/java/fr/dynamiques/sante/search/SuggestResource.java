package fr.dynamiques.sante.search;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;

@Path("/api/v1/suggest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recherche")
public class SuggestResource {

    static final int MAX_QUERY_LENGTH = 200;

    private final Suggestions suggestions;

    SuggestResource(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Cached(Cached.Validator.INDEX)
    @GET
    @Operation(operationId = "suggest", summary = "Territories and schemes as the user types", description = "Up to 5 territories (names, INSEE and postal codes), then up to 5 schemes whose name has words "
            + "starting with every typed word; accent- and case-insensitive.")
    public List<Suggestions.Suggestion> suggest(
            @Parameter(description = "Text typed so far", example = "ech") @QueryParam("q") String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("Query parameter q is required.", new FieldError("q", "must not be blank"));
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("Query parameter q is too long.",
                    new FieldError("q", "at most " + MAX_QUERY_LENGTH + " characters"));
        }
        return suggestions.suggest(q.strip(), 5, 5);
    }
}
