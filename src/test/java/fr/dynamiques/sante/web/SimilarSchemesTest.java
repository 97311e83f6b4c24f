package fr.dynamiques.sante.web;

import static fr.dynamiques.sante.web.Pages.api;
import static fr.dynamiques.sante.web.Pages.page;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;

/**
 * "Who runs a scheme like mine?": schemes ranked by likeness (themes, population, density, EPCI span, kind's facts), with
 * their reasons, in the API, on a scheme's page and on the coordinators' page; the density class and its filter.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class SimilarSchemesTest {

    // Aubusson and La Souterraine (Creuse): small towns of a few thousand inhabitants over tens of km²; Échirolles: a
    // dense suburb of Grenoble. Their classes are read from the API below, not assumed.
    private static final String AUBUSSON = "23008";
    private static final String LA_SOUTERRAINE = "23176";
    private static final String ECHIROLLES = "38151";

    private static long cls(String ref, String commune, List<String> themes) {
        Map<String, Object> body = SchemeFixtures.cls(ref);
        body.put("name", "CLS de test " + ref);
        body.put("themes", new ArrayList<>(themes));
        body.put("perimeter", Map.of("communes", List.of(commune)));
        return SchemeFixtures.create(body);
    }

    private static void delete(long... ids) {
        for (long id : ids) {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
        }
        Indexing.await();
    }

    /** The commune's population and the area of its outline (GeoJSON in WGS 84, measured here on a sphere). */
    private static double perKm2(String commune) {
        long population = api("/api/v1/territories/communes/" + commune).getLong("population");
        String geojson = given().get("/api/v1/territories/communes/" + commune + "/outline.geojson").then().statusCode(200)
                .extract().asString();
        return population / GeoArea.km2(geojson);
    }

    @Test
    void aRuralClsSharingTwoThemesRanksAboveAnUrbanOneSharingNoneAndSaysWhy() {
        long mine = cls("like-mine", AUBUSSON, List.of("santé mentale", "nutrition"));
        long rural = cls("like-rural", LA_SOUTERRAINE, List.of("santé mentale", "nutrition"));
        long urban = cls("like-urban", ECHIROLLES, List.of("addictions"));
        try {
            Indexing.await();
            // The classes follow the stated rule from each commune's population and outline area.
            assertThat(perKm2(AUBUSSON)).isLessThan(300);
            assertThat(perKm2(ECHIROLLES)).isGreaterThan(1_500);
            assertThat(api("/api/v1/schemes/" + mine).getString("density")).isEqualTo("rural");
            assertThat(api("/api/v1/schemes/" + rural).getString("density")).isEqualTo("rural");
            assertThat(api("/api/v1/schemes/" + urban).getString("density")).isEqualTo("urban");
            assertThat(api("/api/v1/schemes/" + mine).getString("epciSpan")).isEqualTo("part");

            JsonPath similar = api("/api/v1/schemes/" + mine + "/similar?size=50");
            List<Long> ids = similar.getList("scheme.id", Long.class);
            assertThat(ids).doesNotContain(mine).contains(rural, urban);
            assertThat(ids.indexOf(rural)).isLessThan(ids.indexOf(urban));
            int r = ids.indexOf(rural);
            int u = ids.indexOf(urban);
            assertThat(similar.getDouble("[" + r + "].score")).isGreaterThan(similar.getDouble("[" + u + "].score"))
                    .isLessThanOrEqualTo(1.0);
            assertThat(similar.getList("[" + r + "].reasons.findAll { it.type == 'themes' }.shared[0]", String.class))
                    .containsExactly("santé mentale", "nutrition");
            assertThat(similar.getString("[" + r + "].reasons.find { it.type == 'density' }.class")).isEqualTo("rural");
            assertThat(similar.getLong("[" + r + "].reasons.find { it.type == 'population' }.this"))
                    .isEqualTo(api("/api/v1/schemes/" + mine).getLong("population"));
            assertThat(similar.getLong("[" + r + "].reasons.find { it.type == 'population' }.other"))
                    .isEqualTo(api("/api/v1/schemes/" + rural).getLong("population"));
            assertThat(similar.getList("[" + u + "].reasons.type", String.class)).doesNotContain("themes", "density");
            assertThat(similar.getList("scheme.kind", String.class)).containsOnly("CLS");

            // The scheme's page lists them in that order, with the reasons in words and a way to reach each one.
            Document scheme = page("/dispositifs/" + mine);
            Element section = scheme.selectFirst("section:has(h2#comparables)");
            assertThat(section).isNotNull();
            List<String> names = section.select("ul.peers > li h3 a").eachText();
            assertThat(names).contains("CLS de test like-rural");
            if (names.contains("CLS de test like-urban")) {
                assertThat(names.indexOf("CLS de test like-rural")).isLessThan(names.indexOf("CLS de test like-urban"));
            }
            Element peer = section.select("ul.peers > li").stream().filter(li -> li.text().contains("like-rural")).findFirst()
                    .orElseThrow();
            assertThat(peer.selectFirst(".why").text()).contains("mêmes thèmes : santé mentale, nutrition")
                    .contains("territoire rural");
            assertThat(peer.select("a[href=/dispositifs/" + rural + "#coordination]")).hasSize(1);
            assertThat(scheme.select("dl.facts dd").eachText()).contains("Rural");

            // The coordinators' page: peers like a scheme, with their coordinators.
            Document peers = page("/coordinateurs?comme=" + mine);
            assertThat(peers.selectFirst("h2#pairs").text()).contains("CLS de test like-mine");
            assertThat(peers.select("section:has(h2#pairs) ul.peers > li h3 a").eachText()).contains("CLS de test like-rural");
            assertThat(page("/coordinateurs?comme=" + mine + "&lang=en").selectFirst("h2#pairs").text())
                    .startsWith("Peers like you");
        } finally {
            delete(mine, rural, urban);
        }
    }

    @Test
    void densityFiltersTheListAndTheSearchAndCountsAsAFacet() {
        long mine = cls("density-rural", AUBUSSON, List.of("nutrition"));
        long urban = cls("density-urban", ECHIROLLES, List.of("nutrition"));
        try {
            Indexing.await();
            List<Long> rural = api("/api/v1/schemes?density=rural&department=23,38&size=200").getList("items.id", Long.class);
            assertThat(rural).contains(mine).doesNotContain(urban);
            assertThat(api("/api/v1/schemes?density=urban&department=23,38&size=200").getList("items.id", Long.class))
                    .contains(urban).doesNotContain(mine);
            JsonPath search = api("/api/v1/search?density=rural&department=23&size=200");
            assertThat(search.getList("items.id", Long.class)).contains(mine).doesNotContain(urban);
            // The facet counts what ticking it finds.
            JsonPath all = api("/api/v1/search?department=23,38&size=1");
            long ruralCount = all.getLong("facets.density.find { it.value == 'rural' }.count");
            assertThat(api("/api/v1/search?department=23,38&density=rural&size=1").getLong("total")).isEqualTo(ruralCount);
            // The search page offers it, in words.
            assertThat(page("/recherche?department=23").select("fieldset:has(input[name=density]) legend").text())
                    .isEqualTo("Densité du territoire");
        } finally {
            delete(mine, urban);
        }
    }

    @Test
    void mistakesAreTheClientsAndSaidSo() {
        long mine = cls("like-mistakes", AUBUSSON, List.of("nutrition"));
        try {
            given().get("/api/v1/schemes?density=suburban").then().statusCode(400).contentType("application/problem+json");
            given().get("/api/v1/search?density=suburban").then().statusCode(400).contentType("application/problem+json");
            given().get("/api/v1/schemes/" + mine + "/similar?size=0").then().statusCode(400)
                    .contentType("application/problem+json");
            given().get("/api/v1/schemes/" + mine + "/similar?size=abc").then().statusCode(400);
            given().get("/api/v1/schemes/" + mine + "/similar?kind=XYZ").then().statusCode(400);
            given().get("/api/v1/schemes/99999999/similar").then().statusCode(404).contentType("application/problem+json");
            given().get("/api/v1/schemes/" + mine + "/similar?colour=blue").then().statusCode(400);
            // The coordinators' page answers a page, not a stack trace, for a scheme it cannot find.
            given().get("/coordinateurs?comme=abc").then().statusCode(400)
                    .contentType(org.hamcrest.Matchers.startsWith("text/html"));
            given().get("/coordinateurs?comme=99999999").then().statusCode(404)
                    .contentType(org.hamcrest.Matchers.startsWith("text/html"));
        } finally {
            delete(mine);
        }
    }
}
