package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import fr.dynamiques.sante.search.SchemeSearch;
import fr.dynamiques.sante.territory.CogSnapshot;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/**
 * Search results with their facets. Every filter is a checkbox of one GET form and every page a plain link: the page
 * works the same without JavaScript.
 */
@Path("/recherche")
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

    /** A facet value as a checkbox: what it is called, how many schemes have it, whether it is ticked. */
    public record Choice(String value, String label, long count, boolean checked) {
    }

    /** A facet as a fieldset. */
    public record Facet(String name, String legend, List<Choice> choices) {
    }

    /** A result, with its matches marked. */
    public record Result(SchemeSearch.Hit hit, String kind, RawString name, RawString excerpt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String q, String sort, SchemeSearch.Results results, List<Result> items,
                                              List<Facet> facets, boolean filtered, int firstRank, String previous, String next,
                                              long pages);
    }

    private final SchemeSearch search;
    private final CogSnapshot cog;
    private final Visitor visitor;

    SearchPage(SchemeSearch search, CogSnapshot cog, Visitor visitor) {
        this.search = search;
        this.cog = cog;
        this.visitor = visitor;
    }

    @GET
    @Transactional
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("page") String page,
                                   @Context UriInfo uri) {
        // The facets' checkboxes are named after the facets (kind, status, region...), as the API's filters.
        SchemeSearch.Request request = SchemeSearch.Request.of(q, uri.getQueryParameters(), sort, page, null);
        SchemeSearch.Results results = search.search(request);

        KindNames kinds = KindNames.in(visitor.locale());
        Messages msg = visitor.messages();
        Map<String, Function<String, String>> labels = Map.of(
                "kind", kinds::of,
                "status", msg::status,
                "region", code -> name(cog.regionName(code), code),
                "department", code -> name(cog.departmentName(code), code) + " (" + code + ")");
        List<Facet> facets = new ArrayList<>();
        for (String facet : SchemeSearch.FACETS) {
            List<String> ticked = request.filters().getOrDefault(facet, List.of());
            List<Choice> choices = new ArrayList<>();
            Function<String, String> label = labels.getOrDefault(facet, Function.identity());
            for (SchemeSearch.FacetValue v : results.facets().getOrDefault(facet, List.of())) {
                choices.add(new Choice(v.value(), label.apply(v.value()), v.count(), ticked.contains(v.value())));
            }
            // A ticked value the other filters leave empty still shows, so that it can be unticked.
            ticked.stream().filter(t -> choices.stream().noneMatch(c -> c.value().equals(t)))
                    .forEach(t -> choices.add(new Choice(t, label.apply(t), 0, true)));
            if (!choices.isEmpty()) {
                facets.add(new Facet(facet, msg.facet(facet), choices));
            }
        }
        List<Result> items = results.items().stream().map(hit -> new Result(hit, kinds.of(hit.kind()),
                Highlights.marked(hit.highlights().get("name"), hit.name()),
                Highlights.marked(hit.highlights().get("description"), null))).toList();
        long pages = (results.total() + request.size() - 1) / request.size();
        return visitor.page(Templates.search(q == null ? "" : q, request.sort().name(), results, items, facets, !request.filters().isEmpty(),
                request.page() * request.size() + 1,
                request.page() > 0 ? link(q, request, request.page() - 1) : null,
                request.page() + 1 < pages ? link(q, request, request.page() + 1) : null, pages));
    }

    private static String name(String name, String code) {
        return name == null ? code : name;
    }

    /** The same search on another page. */
    private static String link(String q, SchemeSearch.Request request, int page) {
        StringBuilder url = new StringBuilder("/recherche?q=").append(encode(q == null ? "" : q));
        request.filters().forEach((facet, values) -> values.forEach(v -> url.append('&').append(facet).append('=').append(encode(v))));
        if (request.sort() != SchemeSearch.Sort.RELEVANCE) {
            url.append("&sort=").append(request.sort().name().toLowerCase());
        }
        return url.append("&page=").append(page).toString();
    }

    private static String encode(String value) {
        return Formats.urlEncode(value);
    }
}
