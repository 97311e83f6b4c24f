package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.scheme.Paging;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeQuery;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.search.SchemeSearch;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryFinder;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.territory.TerritoryMatch;
import fr.dynamiques.sante.text.Stripped;

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

    /**
     * A result, with its matches marked. why: when the query names territories, why this result is there: the
     * territory it covers, or where the text matched (name, description, or its places, themes and partners).
     */
    public record Result(SchemeSearch.Hit hit, String kind, RawString name, RawString excerpt, String why) {
    }

    /** A territory the query names, and the schemes at work covering it (the first few, and how many in all). */
    public record NamedTerritory(TerritoryMatch territory, Link page, int schemes, List<Scheme> covering, WhomToCall call) {
    }

    /** The territories the query names one way (a postal code, an INSEE code, a name...), and how many more were not shown. */
    public record NamedGroup(String matchedBy, String heading, List<NamedTerritory> territories, int more) {
    }

    /** What the query names, by group, and how many territories in all. */
    public record Named(List<NamedGroup> groups, int count) {
    }

    /** Results a download holds at most. */
    static final int DOWNLOADED = 5_000;
    /** Territories named by the query, shown above the results, at most this many (homonyms, a postal code's communes). */
    static final int NAMED = 8;
    /** Schemes listed for each; the territory's page lists them all. */
    static final int COVERING = 5;

    /**
     * What the results page shows: the query and sort, the results (and their marked items, ranked from
     * {@code firstRank}), the facets (whether any is ticked), links to the pages before and after (null: none), the
     * territories the query names, the query string for the download links.
     */
    public record SearchView(String q, String sort, SchemeSearch.Results results, List<Result> items, List<Facet> facets,
            boolean filtered, int firstRank, String previous, String next, long pages, Named named, String query) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchView view);
    }

    private final SchemeSearch search;
    private final SchemeRows rows;
    private final TerritoryFinder territories;
    private final SchemeQuery schemes;
    private final CogSnapshot cog;
    private final Visitor visitor;
    private final ListDownloads downloads;
    private final LocalContacts contacts;

    SearchPage(SchemeSearch search, SchemeRows rows, TerritoryFinder territories, SchemeQuery schemes, CogSnapshot cog,
            Visitor visitor, ListDownloads downloads, LocalContacts contacts) {
        this.contacts = contacts;
        this.search = search;
        this.rows = rows;
        this.territories = territories;
        this.schemes = schemes;
        this.cog = cog;
        this.visitor = visitor;
        this.downloads = downloads;
    }

    @GET
    @Transactional
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = Paging.PAGE_RANGE) @Max(value = Paging.MAX_PAGE, message = Paging.PAGE_RANGE) int page,
            @Context UriInfo uri) {
        // The facets' checkboxes are named after the facets (kind, status, region...), as the API's filters.
        SchemeSearch.Request request = SchemeSearch.Request.of(q, uri.getQueryParameters(), sort,
                new Paging(page, Paging.DEFAULT_SIZE));
        SchemeSearch.Results results = search.search(request);
        KindNames kinds = visitor.kinds();
        List<TerritoryMatch> territories = named(q);
        Map<Long, String> why = why(results.items(), territories);
        List<Result> items = results.items().stream().map(hit -> new Result(hit, kinds.of(hit.kind()),
                Highlights.marked(hit.highlights().get("name"), hit.name()),
                Highlights.marked(hit.highlights().get("description"), null), why.get(hit.id()))).toList();
        long pages = (results.total() + request.size() - 1) / request.size();
        return visitor.page(Templates.search(new SearchView(q == null ? "" : q, request.sort().name(), results, items,
                facets(request, results, kinds), !request.filters().isEmpty(), request.page() * request.size() + 1,
                request.page() > 0 ? link(q, request, request.page() - 1) : null,
                request.page() + 1 < pages ? link(q, request, request.page() + 1) : null, pages, groups(q, territories),
                query(uri))));
    }

    /** The facets of the results, as fieldsets of checkboxes, those the request ticks ticked. */
    private List<Facet> facets(SchemeSearch.Request request, SchemeSearch.Results results, KindNames kinds) {
        Messages msg = visitor.messages();
        LikenessMessages like = visitor.likeness();
        Map<String, Function<String, String>> labels = Map.of(
                "kind", kinds::of,
                "status", msg::status,
                "density", like::density,
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
                facets.add(new Facet(facet, facet.equals("density") ? like.facet_density() : msg.facet(facet), choices));
            }
        }
        return facets;
    }

    /** The results of this search, all of them (up to {@link #DOWNLOADED}), as a file: what the page lists, in order. */
    @GET
    @Path("/export.{format}")
    @Transactional
    public Response download(@PathParam("format") String format, @QueryParam("q") String q, @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ids.size() < DOWNLOADED; page++) {
            SchemeSearch.Results results = search
                    .search(SchemeSearch.Request.of(q, uri.getQueryParameters(), sort, String.valueOf(page),
                            String.valueOf(SchemeFilter.MAX_SIZE)));
            results.items().forEach(hit -> ids.add(hit.id()));
            if (results.items().size() < SchemeFilter.MAX_SIZE || ids.size() >= results.total()) {
                break;
            }
        }
        Map<Long, Scheme> loaded = ids.isEmpty() ? Map.of()
                : Scheme.<Scheme> list("id in ?1", ids).stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        // The index may still hold a scheme deleted a moment ago: it is left out.
        List<Scheme> found = ids.stream().map(loaded::get).filter(Objects::nonNull).limit(DOWNLOADED).toList();
        FileMessages files = visitor.files();
        Map<String, List<String>> chosen = SchemeSearch.Request.of(q, uri.getQueryParameters(), sort, null, null).filters();
        ListDownloads.Filters filters = downloads.filters().other(files.filter_query(), Stripped.orNull(q), null)
                .kinds(chosen.getOrDefault("kind", List.of())).statuses(chosen.getOrDefault("status", List.of()));
        chosen.getOrDefault("region", List.of())
                .forEach(code -> filters.territory(files.filter_region(), TerritoryLevel.REGION, code));
        chosen.getOrDefault("department", List.of())
                .forEach(code -> filters.territory(files.filter_department(), TerritoryLevel.DEPARTMENT, code));
        chosen.getOrDefault("density", List.of()).forEach(density -> filters.other(visitor.likeness().facet_density(),
                visitor.likeness().density(density), null));
        chosen.getOrDefault("theme", List.of()).forEach(theme -> filters.other(files.filter_theme(), theme, null));
        chosen.getOrDefault("funder", List.of()).forEach(funder -> filters.other(files.filter_funder(), funder, null));
        return rows.of(files.name_search(), files.title_search(), filters, found).as(format);
    }

    /**
     * The territories the query names (TerritoryFinder reads it as every place box does): a person asking "Vaujany"
     * or "38114" wants to know what covers Vaujany, which a text search over schemes cannot say.
     */
    private List<TerritoryMatch> named(String q) {
        String asked = Stripped.orNull(q);
        return asked == null || asked.length() < 2 ? List.of() : territories.named(asked);
    }

    /** The named territories by how the query names them, each with the schemes at work covering it; NAMED at most in all. */
    private Named groups(String q, List<TerritoryMatch> named) {
        List<NamedGroup> groups = new ArrayList<>();
        int shown = 0;
        for (String way : named.stream().map(TerritoryMatch::matchedBy).distinct().toList()) {
            List<TerritoryMatch> ofWay = named.stream().filter(m -> m.matchedBy().equals(way)).toList();
            List<NamedTerritory> territories = new ArrayList<>();
            for (TerritoryMatch match : ofWay.subList(0, Math.min(ofWay.size(), Math.max(0, NAMED - shown)))) {
                SchemeQuery.Page covering = schemes
                        .find(covers(match).status(SchemeStatus.AT_WORK).check(SchemeKind.byCode(), cog), 0, COVERING);
                territories.add(new NamedTerritory(match, Link.territory(match.level(), match.code(), match.name()),
                        (int) covering.total(),
                        covering.items(),
                        // Whom to call, for the first territory named: the one most likely meant (a card of eight would bury it).
                        shown == 0 && territories.isEmpty() ? whomToCall(match) : null));
            }
            shown += territories.size();
            if (!territories.isEmpty()) {
                boolean commune = ofWay.get(0).level().equals("commune") || ofWay.get(0).level().equals("arrondissement");
                groups.add(new NamedGroup(way, visitor.places().named_by(way, q.strip(), commune), territories,
                        ofWay.size() - territories.size()));
            }
        }
        return new Named(groups, named.size());
    }

    /**
     * Why each result is there when the query names territories: the first of them it covers, or else where its text
     * matched. Without it, "38130" shows La Côte-Saint-André's card above a scheme of Échirolles, as a contradiction.
     */
    private Map<Long, String> why(List<SchemeSearch.Hit> hits, List<TerritoryMatch> named) {
        if (named.isEmpty() || hits.isEmpty()) {
            return Map.of();
        }
        PlaceMessages place = visitor.places();
        List<Long> ids = hits.stream().map(SchemeSearch.Hit::id).toList();
        Map<Long, String> why = new HashMap<>();
        for (TerritoryMatch match : named.subList(0, Math.min(named.size(), NAMED))) {
            for (Long id : schemes.among(ids, covers(match).check(SchemeKind.byCode(), cog))) {
                why.putIfAbsent(id, place.why_covers(match.name()));
            }
        }
        for (SchemeSearch.Hit hit : hits) {
            why.putIfAbsent(hit.id(), hit.highlights().containsKey("name") ? place.why_name()
                    : hit.highlights().containsKey("description") ? place.why_description() : place.why_text());
        }
        return why;
    }

    /** The schemes covering a place of this territory. */
    private static SchemeFilter.Builder covers(TerritoryMatch match) {
        SchemeFilter.Builder filter = SchemeFilter.where();
        return switch (match.level()) {
            case "commune", "arrondissement" -> filter.commune(match.code());
            case "epci" -> filter.epci(match.code());
            case "department" -> filter.department(match.code());
            default -> filter.region(match.code());
        };
    }

    /** For a commune or an arrondissement, whom to call there; nothing for wider territories. */
    private WhomToCall whomToCall(TerritoryMatch match) {
        CogSnapshot.CommuneFacts place = "commune".equals(match.level()) || "arrondissement".equals(match.level())
                ? cog.place(match.code())
                : null;
        String region = place == null ? null : cog.regionOf(place.departmentCode());
        return region == null ? null : contacts.around(match.code(), region, visitor.kinds());
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
        request.filters()
                .forEach((facet, values) -> values.forEach(v -> url.append('&').append(facet).append('=').append(encode(v))));
        if (request.sort() != SchemeSearch.Sort.RELEVANCE) {
            url.append("&sort=").append(request.sort().name().toLowerCase());
        }
        return url.append("&page=").append(page).toString();
    }

    private static String encode(String value) {
        return Formats.urlEncode(value);
    }
}
