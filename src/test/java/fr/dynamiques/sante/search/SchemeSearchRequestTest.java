package fr.dynamiques.sante.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.search.SchemeSearch.Request;
import fr.dynamiques.sante.search.SchemeSearch.Sort;

/** What a search request is read as before the engine sees it: its words, its filters, its sort and its page. */
@Tag("unit")
class SchemeSearchRequestTest {

    private static Request request(String q, Map<String, List<String>> filters, String sort, String page, String size) {
        return Request.of(q, filters, sort, page, size);
    }

    private static List<String> fields(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void wordsAreFoldedAndFrenchStopWordsLeftOut() {
        assertThat(SchemeSearch.words("Contrat local de Santé d'Échirolles")).containsExactly("contrat", "local", "sante",
                "echirolles");
        assertThat(SchemeSearch.words("la santé des jeunes et l'accès aux soins")).containsExactly("sante", "jeunes",
                "acces", "soins");
        assertThat(SchemeSearch.words("le la les de du des")).isEmpty();
        assertThat(SchemeSearch.words(null)).isEmpty();
        assertThat(SchemeSearch.words("  ")).isEmpty();
    }

    @Test
    void atMostADozenWordsAreKept() {
        String twenty = String.join(" ", IntStream.range(0, 20).mapToObj(i -> "mot" + i).toList());
        assertThat(SchemeSearch.words(twenty)).hasSize(12).startsWith("mot0", "mot1").endsWith("mot11");
        assertThat(SchemeSearch.words("de ".repeat(30) + "cpts")).as("stop words do not use up the dozen")
                .containsExactly("cpts");
    }

    @Test
    void sortsAreNamedAsTheApiWritesThem() {
        assertThat(SchemeSearch.sort("startDate")).isEqualTo(Sort.START_DATE);
        assertThat(SchemeSearch.sort("START_DATE")).isEqualTo(Sort.START_DATE);
        assertThat(SchemeSearch.sort("population")).isEqualTo(Sort.POPULATION);
        assertThat(SchemeSearch.sort("newest")).isNull();
        assertThat(Arrays.stream(Sort.values()).map(s -> SchemeSearch.sort(s.name().toLowerCase()))).containsExactly(
                Sort.values());
    }

    @Test
    void aPlainRequestIsRelevanceFirstPageOfTwenty() {
        Request r = request("cpts", Map.of(), null, null, null);
        assertThat(r.sort()).isEqualTo(Sort.RELEVANCE);
        assertThat(r.page()).isZero();
        assertThat(r.size()).isEqualTo(20);
        assertThat(r.filters()).isEmpty();
        assertThat(request(null, Map.of(), " ", "", "").sort()).isEqualTo(Sort.RELEVANCE);
    }

    @Test
    void filtersAreTheFacetsOnlySplitOnCommasButForLabels() {
        Map<String, List<String>> asked = new LinkedHashMap<>();
        asked.put("kind", List.of("CLS, CPTS", "CLS", " "));
        asked.put("theme", List.of("Santé mentale, addictions"));
        asked.put("funder", List.of("ARS, Département"));
        asked.put("department", List.of(""));
        asked.put("colour", List.of("blue"));
        Request r = request(null, asked, "name", "2", "10");
        assertThat(r.filters()).containsOnlyKeys("kind", "theme", "funder");
        assertThat(r.filters().get("kind")).containsExactly("CLS", "CPTS");
        assertThat(r.filters().get("theme")).containsExactly("Santé mentale, addictions");
        assertThat(r.filters().get("funder")).containsExactly("ARS, Département");
        assertThat(r.sort()).isEqualTo(Sort.NAME);
        assertThat(r.page()).isEqualTo(2);
        assertThat(r.size()).isEqualTo(10);
    }

    @Test
    void densityFiltersAreTheApiNamesOfTheClasses() {
        assertThat(request(null, Map.of("density", List.of("rural,urban")), null, null, null).filters().get("density"))
                .containsExactly("rural", "urban");
        assertThat(fields(() -> request(null, Map.of("density", List.of("rural,dense")), null, null, null)))
                .containsExactly("density");
    }

    @Test
    void tooLongQueriesUnknownSortsAndBadPagesAreRefused() {
        assertThat(fields(() -> request("x".repeat(501), Map.of(), null, null, null))).containsExactly("q");
        assertThat(request("x".repeat(500), Map.of(), null, null, null).text()).hasSize(500);
        assertThat(fields(() -> request(null, Map.of(), "newest", null, null))).containsExactly("sort");
        assertThat(fields(() -> request(null, Map.of(), null, "-1", "0"))).containsExactlyInAnyOrder("page", "size");
        assertThat(fields(() -> request(null, Map.of(), null, "two", null))).containsExactly("page");
    }

    @ParameterizedTest
    @ValueSource(ints = { 10, 20, 50 })
    void resultsBeyondTheFirstTenThousandAreNotServed(int size) {
        int lastPage = 10_000 / size - 1;
        assertThat(request(null, Map.of(), null, String.valueOf(lastPage), String.valueOf(size)).page()).isEqualTo(lastPage);
        assertThatThrownBy(() -> request(null, Map.of(), null, String.valueOf(lastPage + 1), String.valueOf(size)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("10000");
    }

    @Test
    void passagesAreEscapedBeforeTheirMatchesAreMarked() {
        String passage = "<b>" + SchemeSearch.MATCH_START + "santé" + SchemeSearch.MATCH_END + "</b> & co";
        assertThat(SchemeSearch.marked(passage, "<em>", "</em>")).isEqualTo("&lt;b&gt;<em>santé</em>&lt;/b&gt; &amp; co");
    }
}
