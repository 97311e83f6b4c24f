package fr.dynamiques.sante.web;

import static fr.dynamiques.sante.web.Pages.api;
import static fr.dynamiques.sante.web.Pages.page;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The commune maps of the pages, read as SVG: which communes are filled and how, what is outlined, what the text
 * alternative says. Expected communes come from the JSON API.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class MapPagesTest {

    /** The commune codes the shapes of one class link to. */
    private static Set<String> shapes(Document page, String style) {
        return page.select("#carte svg g." + style + " > a").stream().map(a -> a.attr("href").replaceAll(".*/", ""))
                .collect(Collectors.toSet());
    }

    @Test
    void aSchemesMapFillsExactlyItsCommunesOutlinesThemAndTracesTheSchemesOverlappingIt() {
        long cpts = api("/api/v1/schemes?ref=demo-cpts-sud-est-grenoblois").getLong("items[0].id");
        Document page = page("/dispositifs/" + cpts);
        Set<String> members = Set.copyOf(api("/api/v1/schemes/" + cpts).getList("perimeter.communes", String.class));

        assertThat(shapes(page, "m")).as("filled communes").isEqualTo(members);
        Set<String> drawn = new HashSet<>(shapes(page, "m"));
        drawn.addAll(shapes(page, "o"));
        assertThat(drawn).as("the communes of its département, each once").hasSize(api("/api/v1/territories/departments/38").getInt("communeCount"));
        assertThat(shapes(page, "o")).doesNotContainAnyElementsOf(members).allMatch(code -> code.startsWith("38"));
        for (Element link : page.select("#carte svg a")) {
            assertThat(link.attr("href")).startsWith("/territoires/communes/");
            assertThat(link.selectFirst("title").text()).as("a commune's link is named").isNotBlank();
        }

        String outline = page.selectFirst("#carte svg path.outline").attr("d");
        assertThat(outline).startsWith("M");
        assertThat(outline.split("(?=M)")).as("every ring of the outline is closed").allSatisfy(ring -> assertThat(ring).endsWith("z"));

        List<String> overlapping = api("/api/v1/schemes/" + cpts + "/overlaps").getList("scheme.name", String.class);
        assertThat(overlapping).isNotEmpty();
        assertThat(page.select("#carte svg path.t1")).as("the first overlapping scheme's edge").hasSize(1);
        assertThat(page.select("#carte figcaption ul.legend a").eachText()).containsAll(overlapping.subList(0, Math.min(6, overlapping.size())));

        String geojson = page.selectFirst("a[type=application/geo+json]").attr("href");
        assertThat(geojson).isEqualTo("/api/v1/schemes/" + cpts + "/perimeter.geojson");
        given().get(geojson).then().statusCode(200).contentType("application/geo+json");
    }

    @Test
    void aDepartmentsMapOfOneKindHatchesExactlyItsWhiteZonesAndSaysTheirPopulation() {
        Document page = page("/territoires/departements/38?kind=CPTS");
        JsonPath white = api("/api/v1/coverage/white-zones?department=38&kind=CPTS&status=ACTIVE,RENEWAL");
        Set<String> hatched = shapes(page, "n0");
        assertThat(hatched).hasSize(white.getInt("communeCount"));
        assertThat(hatched).containsAll(white.getList("communes.code", String.class));
        Set<String> covered = new HashSet<>();
        for (String style : List.of("n1", "n2", "n3", "n4")) {
            covered.addAll(shapes(page, style));
        }
        assertThat(covered).isNotEmpty().doesNotContainAnyElementsOf(hatched);
        assertThat(covered.size() + hatched.size()).isEqualTo(512);
        assertThat(page.selectFirst("nav.tabs a[aria-current=page]").attr("href")).isEqualTo("/territoires/departements/38?kind=CPTS#carte");

        // The text alternative names, class by class, the same communes the map draws.
        List<Element> classes = page.select("dl.map-classes dd");
        int named = classes.stream().mapToInt(dd -> dd.text().split(", ").length).sum();
        assertThat(named).isEqualTo(512);
        assertThat(page.select("dl.map-classes dt").first().text()).contains(String.valueOf(white.getInt("communeCount")));
        assertThat(page.selectFirst("section[aria-labelledby=zones-blanches]").text()).contains(NumberFormat.getIntegerInstance(Locale.FRENCH)
                .format(white.getLong("population"))).contains("(Communauté professionnelle territoriale de santé)");
        assertThat(page.select("a[type=application/geo+json]").eachAttr("href"))
                .contains("/api/v1/coverage/white-zones.geojson?department=38&kind=CPTS", "/api/v1/territories/departments/38/outline.geojson");
    }

    @Test
    void aCommuneIsOutlinedAmongTheCommunesOfItsEpci() {
        Document page = page("/territoires/communes/38151");
        int members = api("/api/v1/territories/epcis/200040715").getList("communes").size();
        int drawn = page.select("#carte svg g > a").size();
        assertThat(drawn).isEqualTo(members);
        assertThat(page.select("#carte svg a[href=../communes/38151]")).hasSize(1);
        assertThat(page.selectFirst("#carte svg path.outline").attr("d")).endsWith("z");
        assertThat(page.selectFirst("#carte-titre").text()).contains("Échirolles");
    }

    @Test
    void aCommuneWithoutOutlineIsSaidNotDrawnAndBadInputIsReadable() {
        Document spm = page("/territoires/communes/97502");
        assertThat(spm.select("#carte svg")).isEmpty();
        assertThat(spm.text()).contains("collectivités d'outre-mer ne sont pas cartographiées");

        Response unknown = given().get("/territoires/departements/38?kind=NOPE");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("text/html");

        // Relative links on the maps resolve from the address without a final slash, which is where any other goes.
        Response slash = given().redirects().follow(false).get("/territoires/regions/84/?kind=CLS");
        assertThat(slash.statusCode()).isEqualTo(308);
        assertThat(slash.header("Location")).endsWith("/territoires/regions/84?kind=CLS");
        Response elsewhere = given().urlEncodingEnabled(false).redirects().follow(false).get("//elsewhere.example/");
        assertThat(elsewhere.header("Location")).doesNotContain("//elsewhere").endsWith("/elsewhere.example");
    }
}
