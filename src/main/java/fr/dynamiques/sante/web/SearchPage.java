package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeQuery;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.search.SchemeSearch;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryMatch;
import fr.dynamiques.sante.territory.TerritorySuggestions;
import fr.dynamiques.sante.text.FoldedText;
import fr.dynamiques.sante.text.Stripped;
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

    /** A territory the query names, and the schemes at work covering it (the first few, and how many in all). */
    public record NamedTerritory(TerritoryMatch territory, Link page, int schemes, List<Scheme> covering, WhomToCall call) {
    }

    /** Results a download holds at most. */
    static final int DOWNLOADED = 5_000;
    /** Territories named by the query, shown above the results, at most this many (homonyms). */
    static final int NAMED = 3;
    /** Schemes listed for each; the territory's page lists them all. */
    static final int COVERING = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String q, String sort, SchemeSearch.Results results, List<Result> items,
                                              List<Facet> facets, boolean filtered, int firstRank, String previous, String next,
                                              long pages, List<NamedTerritory> named, String query);
    }

    private final SchemeSearch search;
    private final SchemeRows rows;
    private final TerritorySuggestions territories;
    private final SchemeQuery schemes;
    private final CogSnapshot cog;
    private final Visitor visitor;
    private final LocalContacts contacts;

    SearchPage(SchemeSearch search, SchemeRows rows, TerritorySuggestions territories, SchemeQuery schemes, CogSnapshot cog,
               Visitor visitor, LocalContacts contacts) {
        this.contacts = contacts;
        this.search = search;
        this.rows = rows;
        this.territories = territories;
        this.schemes = schemes;
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
                request.page() + 1 < pages ? link(q, request, request.page() + 1) : null, pages, named(q), query(uri)));
    }

    /** The results of this search, all of them (up to {@link #DOWNLOADED}), as a file: what the page lists, in order. */
    @GET
    @Path("/export.{format}")
    @Transactional
    public Response download(@PathParam("format") String format, @QueryParam("q") String q, @QueryParam("sort") String sort,
                             @Context UriInfo uri) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ids.size() < DOWNLOADED; page++) {
            SchemeSearch.Results results = search.search(SchemeSearch.Request.of(q, uri.getQueryParameters(), sort, String.valueOf(page),
                    String.valueOf(SchemeFilter.MAX_SIZE)));
            results.items().forEach(hit -> ids.add(hit.id()));
            if (results.items().size() < SchemeFilter.MAX_SIZE || ids.size() >= results.total()) {
                break;
            }
        }
        Map<Long, Scheme> loaded = ids.isEmpty() ? Map.of()
                : Scheme.<Scheme>list("id in ?1", ids).stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        // The index may still hold a scheme deleted a moment ago: it is left out.
        List<Scheme> found = ids.stream().map(loaded::get).filter(Objects::nonNull).limit(DOWNLOADED).toList();
        return rows.of(visitor.messages().dl_search_name(), found).as(format);
    }

    /**
     * The territories whose name (or code) is the query, most populated first: a person asking "Vaujany" wants to know
     * what covers Vaujany, which a text search over schemes cannot say.
     */
    private List<NamedTerritory> named(String q) {
        String asked = Stripped.orNull(q);
        if (asked == null || asked.length() < 2) {
            return List.of();
        }
        String folded = FoldedText.of(asked);
        List<NamedTerritory> found = new ArrayList<>();
        for (TerritoryMatch match : territories.suggest(asked, Optional.empty(), 10)) {
            // Its name, a former commune's name (said on the page), or its code.
            boolean named = FoldedText.of(match.name()).equals(folded)
                    || match.formerName() != null && FoldedText.of(match.formerName()).equals(folded);
            if (found.size() < NAMED && (named || match.code().equalsIgnoreCase(asked))) {
                SchemeFilter.Builder filter = SchemeFilter.where().status(SchemeStatus.AT_WORK);
                switch (match.level()) {
                    case "commune", "arrondissement" -> filter.commune(match.code());
                    case "epci" -> filter.epci(match.code());
                    case "department" -> filter.department(match.code());
                    default -> filter.region(match.code());
                }
                SchemeQuery.Page covering = schemes.find(filter.check(SchemeKind.byCode(), cog), 0, COVERING);
                found.add(new NamedTerritory(match, Link.territory(match.level(), match.code(), match.name()), (int) covering.total(),
                        covering.items(), whomToCall(match)));
            }
        }
        return found;
    }

    /** For a commune or an arrondissement, whom to call there; nothing for wider territories. */
    private WhomToCall whomToCall(TerritoryMatch match) {
        CogSnapshot.CommuneFacts place = "commune".equals(match.level()) || "arrondissement".equals(match.level()) ? cog.place(match.code()) : null;
        String region = place == null ? null : cog.regionOf(place.departmentCode());
        return region == null ? null : contacts.around(match.code(), region, KindNames.in(visitor.locale()));
    }

    /** The request's query string, for the download links ("?q=...", or nothing). */
    static String query(UriInfo uri) {
        String raw = uri.getRequestUri().getRawQuery();
        return raw == null || raw.isEmpty() ? "" : "?" + raw;
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
