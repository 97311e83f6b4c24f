package fr.dynamiques.sante.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeFixtures;

/** Search on the demo registry (twelve real schemes), in a registry of its own. */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class SearchResourceTest {

    @BeforeEach
    void indexed() {
        Indexing.await();
    }

    private static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/v1/search").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private static List<String> refs(String q) {
        return search(Map.of("q", q)).getList("items.ref");
    }

    @Test
    void everySchemeIsFoundWithoutQuery() {
        JsonPath all = search(Map.of("size", 50));
        assertThat(all.getInt("total")).isEqualTo(12);
        // Active first when nothing else ranks them.
        List<String> statuses = all.getList("items.status");
        assertThat(statuses.indexOf("ENDED")).isGreaterThan(statuses.lastIndexOf("ACTIVE"));
    }

    @Test
    void nameOfAPlaceRanksItsSchemeFirst() {
        assertThat(refs("echirolles")).first().isEqualTo("demo-cls-echirolles");
        assertThat(refs("Échirolles")).first().isEqualTo("demo-cls-echirolles");
        assertThat(refs("santé mentale grenoble")).first().isEqualTo("demo-clsm-grenoble");
    }

    @Test
    void typosOnLongWordsAreTolerated() {
        assertThat(refs("strasbourgg")).first().isEqualTo("demo-cls-strasbourg-3");
        assertThat(refs("voironais")).contains("demo-cls-pays-voironnais-2");
    }

    @Test
    void aPlaceCoveredIsFoundEvenWhenTheNameDoesNotSayIt() {
        assertThat(refs("Eybens")).containsExactly("demo-cpts-sud-est-grenoblois");
        assertThat(refs("38320")).as("Eybens' postal code").contains("demo-cpts-sud-est-grenoblois");
        assertThat(refs("Voiron")).contains("demo-cls-pays-voironnais-2");
    }

    @Test
    void theKindSpeltOutFindsItsSchemes() {
        List<String> found = refs("conseil local de santé mentale");
        assertThat(found).hasSizeGreaterThanOrEqualTo(2);
        assertThat(found.subList(0, 2)).containsExactlyInAnyOrder("demo-clsm-grenoble", "demo-clsm-neuilly-sur-seine");
    }

    @Test
    void matchesAreHighlighted() {
        JsonPath answer = search(Map.of("q", "echirolles"));
        assertThat(answer.getString("items[0].highlights.name[0]")).contains("<em>");
        assertThat(answer.getString("items[0].territory")).isEqualTo("Échirolles (Isère)");
        assertThat(answer.getInt("items[0].population")).isEqualTo(37491);
    }

    @Test
    void highlightsAreSafeHtmlWhateverTheStoredTextHolds() {
        long id = write(
                Map.of("ref", "highlight-markup", "name", "Atelier <b>Xiuhcoatl</b> & co", "kind", "ASV", "status", "ACTIVE",
                        "description", "<script>alert('xiuhcoatl')</script> <em>déjà</em> un programme Xiuhcoatl.",
                        "perimeter", Map.of("communes", List.of("38229"))));
        try {
            Indexing.await();
            JsonPath answer = search(Map.of("q", "xiuhcoatl"));
            String name = answer.getString("items[0].highlights.name[0]");
            String description = String.join(" ", answer.<String> getList("items[0].highlights.description"));
            assertThat(name).isEqualTo("Atelier &lt;b&gt;<em>Xiuhcoatl</em>&lt;/b&gt; &amp; co");
            assertThat(description).contains("&lt;script&gt;alert(&#39;<em>xiuhcoatl</em>&#39;)&lt;/script&gt;")
                    .contains("&lt;em&gt;déjà&lt;/em&gt;").doesNotContain("<script>").doesNotContain("<em>déjà");
            // Once the markers are taken out, what remains is the stored text, escaped: nothing else is markup.
            assertThat(description.replace("<em>", "").replace("</em>", "")).doesNotContain("<").doesNotContain(">");
        } finally {
            given().header("Authorization", "Bearer test-admin-token").delete("/api/v1/schemes/" + id).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void facetsCountEveryOtherFilterButTheirOwn() {
        JsonPath all = search(Map.of());
        assertThat(counts(all, "kind")).containsEntry("CLS", 8L).containsEntry("CLSM", 2L).containsEntry("ASV", 1L)
                .containsEntry("CPTS", 1L);
        assertThat(counts(all, "region")).containsEntry("84", 6L).containsEntry("11", 4L).containsEntry("44", 2L);

        // kind=CLS and region=84: the hits are the 4 CLS of Auvergne-Rhône-Alpes; the kind facet still counts
        // every kind in the région, the région facet every région's CLS.
        JsonPath filtered = given().queryParam("kind", "CLS").queryParam("region", "84").get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(filtered.getInt("total")).isEqualTo(4);
        assertThat(counts(filtered, "kind")).containsEntry("CLS", 4L).containsEntry("CLSM", 1L).containsEntry("CPTS", 1L);
        assertThat(counts(filtered, "region")).containsEntry("84", 4L).containsEntry("11", 2L).containsEntry("44", 2L);
        assertThat(counts(filtered, "status")).containsEntry("ACTIVE", 3L).containsEntry("ENDED", 1L);

        // Several values of one facet: either.
        given().queryParam("kind", "CLSM,CPTS").get("/api/v1/search").then().body("total", equalTo(3));
        given().queryParam("funder", "ARS Auvergne-Rhône-Alpes").get("/api/v1/search").then()
                .body("items[0].ref", equalTo("demo-cpts-sud-est-grenoblois"));
    }

    @Test
    void aThemesCountIsWhatTickingItFinds() {
        // A free tag naming a theme of the vocabulary counts under that theme, as the filter keeps it.
        Map<String, Object> body = SchemeFixtures.cls("search-tagged");
        body.put("themes", List.of("santé mentale des jeunes", "nutrition"));
        long tagged = SchemeFixtures.create(body);
        try {
            Indexing.await();
            Map<String, Long> themes = counts(search(Map.of()), "theme");
            assertThat(themes).containsKeys("santé mentale", "santé mentale des jeunes");
            themes.forEach(
                    (theme, count) -> assertThat(search(Map.of("theme", theme)).getLong("total")).as(theme).isEqualTo(count));
            assertThat(search(Map.of("theme", "santé mentale")).getList("items.ref", String.class)).contains("search-tagged");
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + tagged).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void sortsByNameStartDateAndPopulation() {
        List<String> names = search(Map.of("sort", "name", "size", 50)).getList("items.name");
        assertThat(names).isSortedAccordingTo((a, b) -> fr.dynamiques.sante.text.FoldedText.of(a)
                .compareTo(fr.dynamiques.sante.text.FoldedText.of(b)));
        List<Integer> populations = search(Map.of("sort", "population", "size", 50)).getList("items.population");
        assertThat(populations).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(search(Map.of("sort", "startDate")).getString("items[0].ref")).isEqualTo("demo-cls-pays-voironnais-2");
        given().queryParam("sort", "colour").get("/api/v1/search").then().statusCode(400).body("errors[0].field",
                equalTo("sort"));
    }

    @Test
    void pagesDoNotOverlap() {
        List<String> first = search(Map.of("size", 5, "page", 0)).getList("items.ref");
        List<String> second = search(Map.of("size", 5, "page", 1)).getList("items.ref");
        assertThat(first).hasSize(5).doesNotContainAnyElementsOf(second);
        given().queryParam("size", 0).get("/api/v1/search").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "!!!", "\"", "*", "a AND (b", "+-~|", "'; drop table scheme; --", "<script>", "   ", "de la" })
    void oddQueriesAnswerWithoutError(String q) {
        given().queryParam("q", q).get("/api/v1/search").then().statusCode(200);
    }

    @Test
    void absurdInputIsNeverAServerError() {
        given().queryParam("q", "x".repeat(10_000)).get("/api/v1/search").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        given().queryParam("q", "mot ".repeat(100)).get("/api/v1/search").then().statusCode(200);
        given().queryParam("kind", "NOPE").get("/api/v1/search").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("region", "zz").queryParam("theme", "inconnu").get("/api/v1/search").then().statusCode(200);
    }

    @Test
    void aWriteIsSearchableSoon() {
        Map<String, Object> body = Map.of("ref", "search-fresh", "name", "Contrat local de santé de Zanzibar-sur-Isère",
                "kind", "CLS", "status", "ACTIVE", "perimeter", Map.of("communes", List.of("38229")));
        long id = given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON).body(body)
                .post("/api/v1/schemes").then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            assertSearchableSoon();
        } finally {
            // The other tests count the demo registry alone.
            given().header("Authorization", "Bearer test-admin-token").delete("/api/v1/schemes/" + id).then().statusCode(204);
        }
        Indexing.await();
        assertThat(refs("zanzibar")).as("a deletion leaves the index too").doesNotContain("search-fresh");
    }

    private static void assertSearchableSoon() {
        // How soon is a figure for the benchmarks (about a second when the machine is idle): a busy machine may take
        // much longer (as long as Indexing allows), and only "never" is a failure here.
        await("found at all").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .pollInSameThread().until(() -> refs("zanzibar").contains("search-fresh"));
        // Found by the place it covers too (38229: Meylan).
        assertThat(refs("meylan")).contains("search-fresh");
    }

    @Test
    void nameMatchesRankAboveDescriptionMatchesAndActiveAboveEndedOnEqualScores() {
        long inDescription = write(Map.of("ref", "rank-description", "name", "Contrat local de santé du plateau", "kind", "CLS",
                "status", "ACTIVE", "description", "Un contrat qui finance le programme Quetzalcoatl.",
                "perimeter", Map.of("communes", List.of("38229"))));
        long inName = write(Map.of("ref", "rank-name", "name", "Programme Quetzalcoatl", "kind", "CLS", "status", "ACTIVE",
                "perimeter", Map.of("communes", List.of("38229"))));
        long ended = write(Map.of("ref", "rank-ended", "name", "Atelier Tlaloc", "kind", "ASV", "status", "ENDED",
                "perimeter", Map.of("communes", List.of("38229"))));
        long active = write(Map.of("ref", "rank-active", "name", "Atelier Tlaloc", "kind", "ASV", "status", "ACTIVE",
                "perimeter", Map.of("communes", List.of("38229"))));
        try {
            Indexing.await();
            assertThat(refs("quetzalcoatl")).containsExactly("rank-name", "rank-description");
            assertThat(refs("tlaloc")).containsExactly("rank-active", "rank-ended");
        } finally {
            for (long id : List.of(inDescription, inName, ended, active)) {
                given().header("Authorization", "Bearer test-admin-token").delete("/api/v1/schemes/" + id).then()
                        .statusCode(204);
            }
        }
    }

    private static long write(Map<String, Object> body) {
        return given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON).body(body)
                .post("/api/v1/schemes").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void suggestionsMixTerritoriesAndSchemes() {
        JsonPath answer = given().queryParam("q", "echir").get("/api/v1/suggest").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("[0].type")).isEqualTo("territory");
        assertThat(answer.getString("[0].code")).isEqualTo("38151");
        List<Map<String, Object>> schemes = answer.getList("findAll { it.type == 'scheme' }");
        assertThat(schemes).extracting(m -> m.get("label")).contains("Contrat local de santé d'Échirolles");
        assertThat(given().queryParam("q", "cpts sud").get("/api/v1/suggest").then().statusCode(200).extract().jsonPath()
                .<String> getList("findAll { it.type == 'scheme' }.label")).containsExactly("CPTS Sud-Est Grenoblois");
        given().queryParam("q", " ").get("/api/v1/suggest").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("q", "x".repeat(201)).get("/api/v1/suggest").then().statusCode(400);
        given().queryParam("q", "a AND (b").get("/api/v1/suggest").then().statusCode(200);
    }

    @Test
    void theIndexIsRebuiltOnDemandWithItsProgress() {
        given().post("/api/v1/admin/reindex").then().statusCode(401);
        given().header("Authorization", "Bearer test-admin-token").post("/api/v1/admin/reindex").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/admin/reindex"))
                .body("total", equalTo(12));
        JsonPath status = await("rebuild finished").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .pollInSameThread()
                .until(() -> given().header("Authorization", "Bearer test-admin-token").get("/api/v1/admin/reindex").then()
                        .statusCode(200).extract().jsonPath(), s -> !s.getString("state").equals("RUNNING"));
        assertThat(status.getString("state")).isEqualTo("DONE");
        assertThat(status.getInt("indexed")).isEqualTo(12);
        assertThat(status.getInt("percent")).isEqualTo(100);
        Indexing.await();
        assertThat(search(Map.of()).getInt("total")).isEqualTo(12);
    }

    @Inject
    SchemeIndexStartup startup;

    @Inject
    SearchMapping mapping;

    @Test
    void aLostIndexIsRebuiltAtStartAndAnIndexInStepIsLeftAlone() {
        assertThat(startup.rebuildIfLost()).as("index in step").isFalse();
        // The engine lost the index (a new node, a wiped disk): the next start rebuilds it from the database.
        mapping.scope(Scheme.class).schemaManager().dropAndCreate();
        assertThat(search(Map.of()).getInt("total")).isZero();
        assertThat(startup.rebuildIfLost()).isTrue();
        Indexing.await();
        assertThat(search(Map.of()).getInt("total")).isEqualTo(12);
    }

    private static Map<String, Long> counts(JsonPath answer, String facet) {
        List<Map<String, Object>> values = answer.getList("facets." + facet);
        assertThat(values).as(facet).isNotNull();
        return values.stream()
                .collect(Collectors.toMap(v -> (String) v.get("value"), v -> ((Number) v.get("count")).longValue()));
    }
}
