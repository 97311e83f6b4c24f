package fr.dynamiques.sante.territory;

import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.data.DataFile;
import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

/**
 * The arrondissements of Paris, Lyon and Marseille as places of their own: looked up, suggested, named by perimeters,
 * counted exactly in populations, coverage, white zones, overlaps and stacks. Every figure comes from the COG file.
 */
@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class ArrondissementsTest {

    private static final CogFile COG = CogFile.parse(DataFile.read("cog/cog-2026.json.gz").bytes(), new ObjectMapper());
    private static final String PARIS = "75056";
    private static final String PARIS_18 = "75118";

    private static long population(String code) {
        return COG.arrondissements().stream().filter(a -> a.code().equals(code)).findFirst()
                .map(a -> (long) a.population())
                .orElseGet(() -> (long) COG.communes().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow()
                        .population());
    }

    @Test
    void theFortyFiveArrondissementsAddUpToTheirCities() {
        assertThat(COG.arrondissements()).hasSize(45);
        Map<String, List<CogFile.ArrondissementRow>> byCity = COG.arrondissements().stream()
                .collect(Collectors.groupingBy(CogFile.ArrondissementRow::communeCode));
        assertThat(byCity.keySet()).containsExactlyInAnyOrder("75056", "69123", "13055");
        byCity.forEach((city, parts) -> {
            JsonPath commune = given().get("/api/v1/territories/communes/" + city).then().statusCode(200).extract().jsonPath();
            assertThat(commune.getList("arrondissements.code")).containsExactlyElementsOf(
                    parts.stream().map(CogFile.ArrondissementRow::code).sorted().toList());
            assertThat(commune.getLong("population"))
                    .isEqualTo(parts.stream().mapToLong(CogFile.ArrondissementRow::population).sum());
        });
        given().get("/api/v1/territories/arrondissements/" + PARIS_18).then().statusCode(200)
                .body("name", equalTo("Paris 18e Arrondissement"))
                .body("population", equalTo((int) population(PARIS_18)))
                .body("commune.code", equalTo(PARIS))
                .body("department.code", equalTo("75"));
        given().get("/api/v1/territories/arrondissements/75121").then().statusCode(404);
        given().get("/api/v1/territories/arrondissements/38151").then().statusCode(400);
    }

    @Test
    void anArrondissementIsSuggestedByItsPostalCodeAndName() {
        JsonPath byPostalCode = given().get("/api/v1/territories?q=75018&limit=3").then().statusCode(200).extract().jsonPath();
        assertThat(byPostalCode.getString("[0].level")).isEqualTo("arrondissement");
        assertThat(byPostalCode.getString("[0].code")).isEqualTo(PARIS_18);
        JsonPath byName = given().get("/api/v1/territories?q=paris 18&level=arrondissement").then().statusCode(200).extract()
                .jsonPath();
        assertThat(byName.getString("[0].code")).isEqualTo(PARIS_18);
        given().get("/api/v1/suggest?q=75018").then().statusCode(200)
                .body("find { it.type == 'territory' }.code", equalTo(PARIS_18));
    }

    @Test
    void aSchemeOnAnArrondissementAndOneOnItsCityMeetExactly() {
        long paris18 = population(PARIS_18);
        long paris = population(PARIS);
        Map<String, Object> onPart = cpts("arr-18e", List.of(), List.of());
        onPart.put("kind", "CLSM");
        onPart.remove("cptsStage");
        onPart.remove("aciDate");
        onPart.put("perimeter", new LinkedHashMap<>(Map.of("arrondissements", List.of(PARIS_18))));
        long part = create(onPart);
        Map<String, Object> onCity = cpts("arr-paris", List.of(PARIS), List.of());
        onCity.put("kind", "CLS");
        onCity.remove("cptsStage");
        onCity.remove("aciDate");
        long city = create(onCity);

        given().get("/api/v1/schemes/" + part).then().statusCode(200)
                .body("population", equalTo((int) paris18))
                .body("communeCount", equalTo(1))
                .body("perimeter.arrondissements", contains(PARIS_18));
        given().get("/api/v1/schemes/" + city).then().statusCode(200)
                .body("population", equalTo((int) paris))
                .body("communeCount", equalTo(1));

        // The overlap: the whole of the arrondissement, a share of the city.
        JsonPath overlaps = given().get("/api/v1/schemes/" + part + "/overlaps").then().statusCode(200).extract().jsonPath();
        Map<String, Object> withCity = overlaps.<Map<String, Object>> getList("").stream()
                .filter(o -> ((Number) ((Map<?, ?>) o.get("scheme")).get("id")).longValue() == city).findFirst().orElseThrow();
        assertThat(((Number) withCity.get("sharedPopulation")).longValue()).isEqualTo(paris18);
        assertThat(((Number) withCity.get("shareOfThis")).doubleValue()).isCloseTo(1.0, within(1e-9));
        assertThat(((Number) withCity.get("shareOfOther")).doubleValue()).isCloseTo((double) paris18 / paris, within(1e-4));

        // Both work in Paris 18e; both work in Paris, the arrondissement's scheme on a share of it.
        assertThat(given().get("/api/v1/schemes?commune=" + PARIS_18 + "&size=100").then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class)).contains(part, city);
        assertThat(given().get("/api/v1/schemes?commune=" + PARIS + "&size=100").then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class)).contains(part, city);
        JsonPath stack = given().get("/api/v1/territories/communes/" + PARIS + "/schemes").then().statusCode(200).extract()
                .jsonPath();
        assertThat(stack.getList("kinds.flatten().schemes.flatten().scheme.id", Long.class)).contains(part, city);

        // White zones of mental-health councils in Paris: every arrondissement but the 18e, with their population.
        JsonPath white = given().get("/api/v1/coverage/white-zones?department=75&kind=CLSM").then().statusCode(200).extract()
                .jsonPath();
        List<String> uncovered = white.getList("communes.code");
        assertThat(uncovered).doesNotContain(PARIS_18, PARIS).hasSize(19);
        assertThat(white.getLong("population")).isEqualTo(paris - paris18);
        JsonPath coverage = given().get("/api/v1/coverage?level=department&kind=CLSM&region=11").then().statusCode(200)
                .extract().jsonPath();
        assertThat(coverage.getLong("find { it.code == '75' }.coveredPopulation")).isEqualTo(paris18);

        // The pages: Paris lists its arrondissements and both schemes; the 18e, both schemes and its city.
        given().get("/territoires/communes/" + PARIS).then().statusCode(200)
                .body(containsString("20 arrondissements municipaux"))
                .body(containsString("/dispositifs/" + part + "\""))
                .body(containsString("/dispositifs/" + city + "\""));
        given().get("/territoires/arrondissements/" + PARIS_18).then().statusCode(200)
                .body(containsString("href=\"/territoires/communes/" + PARIS + "\""))
                .body(containsString("/dispositifs/" + part + "\""))
                .body(containsString("/dispositifs/" + city + "\""));
        given().redirects().follow(false).get("/territoires/communes/" + PARIS_18).then().statusCode(308)
                .header("Location", endsWith("/territoires/arrondissements/" + PARIS_18));
    }

    @Test
    void aCityCountsAsOneCommuneAmongWhiteZonesAndItsPagesNameEachPlaceOnce() {
        // Paris is the one commune of its département: its uncovered arrondissements make one commune, listed by arrondissement.
        JsonPath white = given().get("/api/v1/coverage/white-zones?department=75&kind=ASV").then().statusCode(200).extract()
                .jsonPath();
        List<String> listed = white.getList("communes.code");
        assertThat(listed).as("no ASV covers all of Paris").hasSizeGreaterThan(1).allMatch(code -> code.startsWith("751"));
        assertThat(white.getInt("communeCount")).isEqualTo(1);
        assertThat(white.getInt("arrondissementCount")).isEqualTo(listed.size());
        assertThat(white.getList("communes.commune")).containsOnly(PARIS);
        // The page says one commune, and why its list is longer.
        org.jsoup.nodes.Document page = Jsoup.parse(given().get("/territoires/departements/75?kind=ASV").asString());
        org.jsoup.nodes.Element zones = page.selectFirst("section[aria-labelledby=zones-blanches]");
        assertThat(zones.select("p:not(.trust)").first().text()).startsWith("1 commune sans dispositif en cours");
        assertThat(zones.text()).contains("arrondissements sans dispositif (" + listed.size() + ")");
        assertThat(zones.select("li a").eachAttr("href")).allMatch(h -> h.startsWith("/territoires/arrondissements/751"));
        // Its download too: each arrondissement under its commune.
        String[] lines = given().get("/territoires/departements/75/zones-blanches.csv?kind=ASV").asString().substring(1)
                .split("\r\n");
        assertThat(lines[0])
                .isEqualTo("Code INSEE;Commune;Arrondissement;Population;Code département;Département;SIREN de l'EPCI;EPCI");
        assertThat(lines).hasSize(listed.size() + 1);
        assertThat(java.util.Arrays.stream(lines).skip(1)).allMatch(line -> line.split(";")[1].equals("Paris"))
                .allMatch(line -> line.split(";")[4].equals("75"));

        // A commune's page gives its population, not "1 commune"; an arrondissement's names Paris the commune and Paris the
        // département apart.
        for (String path : List.of("/territoires/communes/" + PARIS, "/territoires/arrondissements/" + PARIS_18,
                "/territoires/communes/38151")) {
            String size = Jsoup.parse(given().get(path).asString()).select("main h1 + p, main h1 + p.notice + p").first()
                    .text();
            assertThat(size).as(path).contains("habitants.").doesNotContain("1 commune");
        }
        List<String> within = Jsoup.parse(given().get("/territoires/arrondissements/" + PARIS_18).asString())
                .select("main h1 + p a").eachText();
        assertThat(within).contains("Paris (commune)", "Paris (département)").doesNotContain("Paris");
        assertThat(Jsoup.parse(given().get("/territoires/communes/" + PARIS).asString()).select("main h1 + p a").eachText())
                .contains("Paris (département)");
    }

    @Test
    void aCommuneCodeForAnArrondissementIsExplained() {
        Map<String, Object> body = cpts("arr-wrong-field", List.of(PARIS_18), List.of());
        admin().body(body).post("/api/v1/schemes").then().statusCode(400)
                .body("errors[0].field", equalTo("perimeter.communes[0]"))
                .body("errors[0].message", containsString("perimeter.arrondissements"));
    }
}
