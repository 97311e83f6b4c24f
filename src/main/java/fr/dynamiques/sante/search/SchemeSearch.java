package fr.dynamiques.sante.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FieldProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.HighlightProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Paging;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.territory.Density;
import fr.dynamiques.sante.text.FoldedText;
import fr.dynamiques.sante.text.HtmlText;
import fr.dynamiques.sante.text.MarkerFreeText;

/**
 * Full-text search of the registry. Every typed word must match somewhere (names, kind, places, themes,
 * description, partners, consenting coordinators), with a tolerance of one typo on words of five letters or
 * more; name matches weigh most, then places and kind, then themes, then the rest. On equal scores, active
 * schemes come first. Facets are multi-select: each counts with every filter but its own, all in one request
 * to the engine (filters in {@code post_filter}, each facet in a filter aggregation of the other filters).
 */
@ApplicationScoped
public class SchemeSearch {

    /** The facets, in the order answers list them; each is also a filter of the same name. */
    public static final List<String> FACETS = List.of("kind", "status", "region", "department", "density", "theme", "funder");

    /** Words that carry no meaning on their own in a French query. */
    private static final Set<String> STOP_WORDS = Set.of("le", "la", "les", "l", "de", "du", "des", "d", "et", "en",
            "au", "aux", "a", "sur", "pour", "un", "une", "dans", "par");
    private static final int FUZZY_FROM = 5;
    private static final int MAX_WORDS = 12;
    private static final int FACET_SIZE = 30;

    public enum Sort {
        RELEVANCE,
        NAME,
        START_DATE,
        POPULATION
    }

    /** What was asked: text, filters (facet name to accepted values), sort and page. */
    public record Request(String text, Map<String, List<String>> filters, Sort sort, int page, int size) {

        static final int MAX_QUERY_LENGTH = 500;
        static final int MAX_WINDOW = 10_000;

        /** The request as the pages receive it, the paging as text ({@link SchemeFilter#paging}): see the other. */
        public static Request of(String q, Map<String, List<String>> filters, String sort, String page, String size) {
            return of(q, filters, sort, SchemeFilter.paging(page, size));
        }

        /**
         * The request checked: a query too long, an unknown sort or a page beyond the engine's window is a 400. Filters
         * are the entries named after a facet (others are ignored); their values may be repeated or comma-separated (but
         * for theme and funder labels, which may hold commas); blanks are dropped.
         */
        public static Request of(String q, Map<String, List<String>> filters, String sort, Paging paging) {
            if (q != null && q.length() > MAX_QUERY_LENGTH) {
                throw ProblemException.badRequest("The query is too long.",
                        new FieldError("q", "at most " + MAX_QUERY_LENGTH + " characters"));
            }
            Sort order = sort == null || sort.isBlank() ? Sort.RELEVANCE : SchemeSearch.sort(sort);
            if (order == null) {
                throw ProblemException.badRequest("Unknown sort.",
                        new FieldError("sort", "relevance, name, startDate or population"));
            }
            if ((long) (paging.page() + 1) * paging.size() > MAX_WINDOW) {
                // The engine serves the first 10,000 results only (index.max_result_window): beyond, filters narrow it.
                throw ProblemException.badRequest(
                        "Results beyond the first " + MAX_WINDOW + " are not served: narrow the search.",
                        new FieldError("page", "at most " + (MAX_WINDOW / paging.size() - 1) + " with size " + paging.size()));
            }
            Map<String, List<String>> kept = new LinkedHashMap<>();
            filters.forEach((facet, values) -> {
                if (!FACETS.contains(facet)) {
                    return;
                }
                boolean splits = !facet.equals("theme") && !facet.equals("funder");
                List<String> clean = values == null ? List.of()
                        : values.stream()
                                .flatMap(v -> splits ? Arrays.stream(v.split(",")) : Stream.of(v))
                                .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
                if (facet.equals("density")) {
                    clean.stream().filter(v -> Density.fromApiName(v).isEmpty()).findFirst().ifPresent(v -> {
                        throw ProblemException.badRequest("Unknown density class.",
                                new FieldError("density", "rural, intermediate or urban"));
                    });
                }
                if (!clean.isEmpty()) {
                    kept.put(facet, clean);
                }
            });
            return new Request(q, kept, order, paging.page(), paging.size());
        }
    }

    @Schema(description = "A scheme matching the query, as the search engine holds it", requiredProperties = { "id", "ref",
            "name", "kind", "status", "highlights" })
    public record Hit(@Schema(examples = "42") Long id, @Schema(examples = "ars-ara-cls-0042") String ref,
            @Schema(examples = "Contrat local de santé d'Échirolles") String name,
            @Schema(examples = "CLS") String kind, @Schema(examples = "ACTIVE") String status,
            @Schema(description = "Where it acts, in short", examples = "Échirolles (Isère)") String territory,
            @Schema(examples = "37491") Long population,
            @Schema(description = "Matching passages by field, as HTML safe to insert: every character of the stored "
                    + "text is escaped (a stored tag comes as &lt;tag&gt;), and the only markup is <em> and </em> "
                    + "around each match", examples = "{\"name\": [\"Contrat local de santé d&#39;<em>Échirolles</em>\"]}") Map<String, List<String>> highlights) {
    }

    /** A hit as the index holds it (projected, no database read), with the passages matching in its name and description. */
    public record Found(@IdProjection Long id, @FieldProjection(path = "ref") String ref,
            @FieldProjection(path = "name") String name,
            @FieldProjection(path = "kind") String kind,
            @FieldProjection(path = "status", valueModel = ValueModel.STRING) String status,
            @FieldProjection(path = "territory") String territory, @FieldProjection(path = "population") Long population,
            @HighlightProjection(path = "name") List<String> inName,
            @HighlightProjection(path = "description") List<String> inDescription) {

        @ProjectionConstructor
        public Found {
        }

        Hit hit() {
            Map<String, List<String>> highlights = new LinkedHashMap<>();
            if (!inName.isEmpty()) {
                highlights.put("name", inName);
            }
            if (!inDescription.isEmpty()) {
                highlights.put("description", inDescription);
            }
            return new Hit(id, ref, name, kind, status, territory, population, highlights);
        }
    }

    @Schema(description = "A facet value and how many schemes have it, given the other filters", requiredProperties = { "value",
            "count" })
    public record FacetValue(@Schema(examples = "CLS") String value, @Schema(examples = "12") long count) {
    }

    @Schema(description = "Search results, with facets", requiredProperties = { "items", "total", "page", "size", "facets" })
    public record Results(List<Hit> items, @Schema(examples = "7") long total, @Schema(examples = "0") int page,
            @Schema(examples = "20") int size, Map<String, List<FacetValue>> facets) {

        /**
         * The same results with passages as HTML: the stored text escaped, then the matches between these tags instead of
         * {@link #MATCH_START} and {@link #MATCH_END}.
         */
        public Results tagged(String start, String end) {
            return new Results(items.stream().map(hit -> new Hit(hit.id(), hit.ref(), hit.name(), hit.kind(), hit.status(),
                    hit.territory(), hit.population(), retag(hit.highlights(), start, end))).toList(), total, page, size,
                    facets);
        }

        private static Map<String, List<String>> retag(Map<String, List<String>> highlights, String start, String end) {
            Map<String, List<String>> retagged = new LinkedHashMap<>();
            highlights.forEach((field, passages) -> retagged.put(field,
                    passages.stream().map(p -> marked(p, start, end)).toList()));
            return retagged;
        }
    }

    /**
     * The engine marks matches with two private-use characters, which no stored text is expected to hold: a caller
     * can then escape the passage for HTML and put its own markup only where the engine marked a match (a stored
     * "&lt;em&gt;" stays text).
     */
    public static final String MATCH_START = MarkerFreeText.MATCH_START;
    public static final String MATCH_END = MarkerFreeText.MATCH_END;

    /** A passage as HTML: its text escaped, then its matches between these tags. */
    public static String marked(String passage, String start, String end) {
        return HtmlText.escape(passage).replace(MATCH_START, start).replace(MATCH_END, end);
    }

    private final SearchSession session;

    SchemeSearch(SearchSession session) {
        this.session = session;
    }

    /** Projections from the index only: no database transaction. */
    public Results search(Request request) {
        List<String> words = words(request.text());
        // One engine request: the filters go to post_filter (they narrow the hits, not the facets), and each facet
        // counts within a filter aggregation holding every other filter.
        Map<String, JsonObject> filters = new LinkedHashMap<>();
        // A theme counts the schemes with a label falling under it (Scheme#getThemeFacets): what the filter keeps too.
        request.filters().forEach((facet, values) -> filters.put(facet, terms(facet, values)));
        Map<String, AggregationKey<JsonObject>> keys = new LinkedHashMap<>();
        FACETS.forEach(f -> keys.put(f, AggregationKey.of(f)));
        SearchResult<Found> result = session.search(Scheme.class)
                .extension(ElasticsearchExtension.get())
                .select(Found.class)
                .where(f -> predicate(f, words))
                .sort(f -> sort(f, request.sort(), words.isEmpty()))
                .highlighter(f -> f.unified().tag(MATCH_START, MATCH_END))
                .requestTransformer(context -> {
                    if (!filters.isEmpty()) {
                        context.body().add("post_filter", all(filters.values()));
                    }
                })
                .aggregation(keys.get("kind"), f -> f.fromJson(facet("kind", filters)))
                .aggregation(keys.get("status"), f -> f.fromJson(facet("status", filters)))
                .aggregation(keys.get("region"), f -> f.fromJson(facet("region", filters)))
                .aggregation(keys.get("department"), f -> f.fromJson(facet("department", filters)))
                .aggregation(keys.get("density"), f -> f.fromJson(facet("density", filters)))
                .aggregation(keys.get("theme"), f -> f.fromJson(facet("theme", filters)))
                .aggregation(keys.get("funder"), f -> f.fromJson(facet("funder", filters)))
                .fetch(request.page() * request.size(), request.size());

        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (String facet : FACETS) {
            List<FacetValue> values = new ArrayList<>();
            for (JsonElement bucket : result.aggregation(keys.get(facet)).getAsJsonObject("values").getAsJsonArray("buckets")) {
                JsonObject b = bucket.getAsJsonObject();
                values.add(new FacetValue(b.get("key").getAsString(), b.get("doc_count").getAsLong()));
            }
            facets.put(facet, values);
        }
        List<Hit> hits = result.hits().stream().map(Found::hit).toList();
        return new Results(hits, result.total().hitCount(), request.page(), request.size(), facets);
    }

    /**
     * The index field of a facet: its own name, but for themes, counted under the vocabulary (a field of its own, so
     * that an index holding only the labels is rebuilt rather than read as if it counted them).
     */
    private static String field(String facet) {
        return facet.equals("theme") ? "themeCounted" : facet;
    }

    /** {"terms": {facet: [values]}}: any of the values. */
    private static JsonObject terms(String facet, List<String> values) {
        JsonArray accepted = new JsonArray();
        values.forEach(accepted::add);
        JsonObject field = new JsonObject();
        field.add(field(facet), accepted);
        JsonObject terms = new JsonObject();
        terms.add("terms", field);
        return terms;
    }

    private static JsonObject all(java.util.Collection<JsonObject> clauses) {
        JsonArray filter = new JsonArray();
        clauses.forEach(filter::add);
        JsonObject bool = new JsonObject();
        bool.add("filter", filter);
        JsonObject query = new JsonObject();
        query.add("bool", bool);
        return query;
    }

    /** The counts of one facet's values among the hits of every filter but its own. */
    private static JsonObject facet(String facet, Map<String, JsonObject> filters) {
        List<JsonObject> others = filters.entrySet().stream().filter(e -> !e.getKey().equals(facet)).map(Map.Entry::getValue)
                .toList();
        JsonObject field = new JsonObject();
        field.addProperty("field", field(facet));
        field.addProperty("size", FACET_SIZE);
        JsonObject values = new JsonObject();
        values.add("terms", field);
        JsonObject aggregations = new JsonObject();
        aggregations.add("values", values);
        JsonObject aggregation = new JsonObject();
        aggregation.add("filter", all(others));
        aggregation.add("aggs", aggregations);
        return aggregation;
    }

    private static PredicateFinalStep predicate(SearchPredicateFactory f, List<String> words) {
        BooleanPredicateClausesStep<?, ?> root = f.bool();
        if (words.isEmpty()) {
            root.must(f.matchAll());
        }
        for (String word : words) {
            root.must(matchWord(f, word));
        }
        if (!words.isEmpty()) {
            // The whole text as a phrase in the name lifts exact names above scattered matches.
            root.should(f.phrase().field("nameWords").matching(String.join(" ", words)).boost(4));
        }
        return root;
    }

    /** One word, matched in every field people search, with weights; a typo allowed from five letters on. */
    private static PredicateFinalStep matchWord(SearchPredicateFactory f, String word) {
        BooleanPredicateClausesStep<?, ?> any = f.bool();
        any.should(f.match().field("placeCodes").matching(word).boost(6));
        if (word.length() >= FUZZY_FROM) {
            any.should(f.match().field("nameWords").boost(5).field("communeNames").boost(4)
                    .field("partnerNames").field("coordinatorNames").matching(word).fuzzy(1, 1));
            any.should(f.match().field("name").boost(5).field("kindText").boost(3).field("themesText").boost(2)
                    .field("description").matching(word).fuzzy(1, 1));
        } else {
            any.should(f.match().field("nameWords").boost(5).field("communeNames").boost(4)
                    .field("partnerNames").field("coordinatorNames").matching(word));
            any.should(f.match().field("name").boost(5).field("kindText").boost(3).field("themesText").boost(2)
                    .field("description").matching(word));
        }
        any.should(f.match().field("areaNames").matching(word).boost(1.5f));
        any.should(f.match().field("namePrefix").matching(word).boost(0.5f));
        return any;
    }

    private static SortFinalStep sort(SearchSortFactory f, Sort sort, boolean noText) {
        return switch (sort) {
            case NAME -> f.field("sortName").then().field("statusRank");
            case START_DATE -> f.field("startDate").desc().missing().last().then().field("sortName");
            case POPULATION -> f.field("population").desc().then().field("sortName");
            case RELEVANCE -> noText ? f.field("statusRank").then().field("sortName")
                    : f.score().then().field("statusRank").then().field("sortName");
        };
    }

    /** The words of a query: folded (lowercase, no accents), without French stop words, at most a dozen. */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : FoldedText.of(text).split(" ")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word) && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return words;
    }

    public static Sort sort(String value) {
        return Arrays.stream(Sort.values()).filter(s -> s.name().replace("_", "").equalsIgnoreCase(value.replace("_", "")))
                .findFirst().orElse(null);
    }
}
