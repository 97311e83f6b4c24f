package fr.dynamiques.sante.overlap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.web.SignedInPagesTest;

/**
 * An ARS officer declares the région's list complete for a kind: from then on, and only for that région and kind, the
 * coverage and white-zone figures say they are the territory's; everywhere else they say the registry is partial.
 */
@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class CompletenessTest {

    static String token(String email, String role, List<String> regions) {
        long id = SignedInPagesTest.account(email, role, regions, List.of());
        return SchemeFixtures.admin().body(Map.of("label", "tests")).post("/api/v1/users/" + id + "/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void aDeclaredRegionAndKindMakeTheFiguresTheTerritorysAndOnlyThose() {
        String ars84 = token("complete-ars84@example.org", "ARS", List.of("84"));
        String ars11 = token("complete-ars11@example.org", "ARS", List.of("11"));
        assertThat(given().get("/api/v1/coverage/white-zones?kind=CPTS&department=38").jsonPath().getBoolean("complete"))
                .isFalse();
        String before = given().get("/api/v1/coverage?region=84&kind=CPTS").then().statusCode(200).extract().header("ETag");
        assertThat(Jsoup.parse(given().get("/couverture?kind=CPTS").asString()).select(".trust").text())
                .startsWith("Registre partiel");

        Map<String, Object> declaration = Map.of("complete", true, "asOf", LocalDate.now().minusDays(3).toString(), "note",
                "Rapproché du suivi ARS");
        given().contentType(ContentType.JSON).body(declaration).put("/api/v1/completeness/84/CPTS").then().statusCode(401);
        as(ars11).body(declaration).put("/api/v1/completeness/84/CPTS").then().statusCode(403)
                .contentType("application/problem+json");
        as(ars84).body(Map.of("complete", true)).put("/api/v1/completeness/84/CPTS").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("asOf"));
        as(ars84).body(Map.of("complete", true, "asOf", LocalDate.now().plusDays(1).toString()))
                .put("/api/v1/completeness/84/CPTS")
                .then().statusCode(400);
        as(ars84).body(declaration).put("/api/v1/completeness/99/CPTS").then().statusCode(404);
        as(ars84).body(declaration).put("/api/v1/completeness/84/NOPE").then().statusCode(404);
        JsonPath declared = as(ars84).body(declaration).put("/api/v1/completeness/84/CPTS").then().statusCode(200).extract()
                .jsonPath();
        assertThat(declared.getBoolean("complete")).isTrue();
        // Counted now, as the registry's own list answers it.
        long atWork = given().get("/api/v1/schemes?kind=CPTS&region=84&status=ACTIVE&status=RENEWAL&size=1").jsonPath()
                .getLong("total");
        assertThat(declared.getLong("schemesAtWork")).isEqualTo(atWork);
        assertThat(given().get("/api/v1/completeness").jsonPath()
                .getList("findAll { it.region == '84' && it.kind == 'CPTS' }.asOf"))
                .containsExactly(declaration.get("asOf"));

        // The figures of that région and kind say so; another kind, all kinds, another région do not.
        assertThat(given().get("/api/v1/coverage/white-zones?kind=CPTS&department=38").jsonPath().getBoolean("complete"))
                .isTrue();
        assertThat(
                given().get("/api/v1/coverage/white-zones.geojson?kind=CPTS&department=38").jsonPath().getBoolean("complete"))
                .isTrue();
        assertThat(given().get("/api/v1/coverage/white-zones?kind=CLS&department=38").jsonPath().getBoolean("complete"))
                .isFalse();
        assertThat(given().get("/api/v1/coverage/white-zones?department=38").jsonPath().getBoolean("complete")).isFalse();
        assertThat(given().get("/api/v1/coverage?region=84&kind=CPTS").jsonPath().getList("complete", Boolean.class))
                .isNotEmpty().containsOnly(true);
        assertThat(given().get("/api/v1/coverage?region=11&kind=CPTS").jsonPath().getList("complete", Boolean.class))
                .containsOnly(false);
        // A cached answer is not served again as it was: the declaration moved its validator.
        given().header("If-None-Match", before).get("/api/v1/coverage?region=84&kind=CPTS").then().statusCode(200);
        // The pages too: the département's white zones, the national map's rows.
        // The département's page of CPTS: its white zones and coverage (of that kind, as the whole page) are the
        // territory's; of every kind, its coverage is still partial.
        var isere = Jsoup.parse(given().get("/territoires/departements/38?kind=CPTS").asString());
        assertThat(isere.select("section:has(#zones-blanches) .trust").text()).contains("déclarée complète");
        assertThat(isere.select("section:has(#couverture) .trust").text()).contains("déclarée complète");
        assertThat(Jsoup.parse(given().get("/territoires/departements/38").asString()).select("section:has(#couverture) .trust")
                .text())
                .startsWith("Registre partiel");
        assertThat(Jsoup.parse(given().get("/couverture?kind=CPTS").asString()).select("tbody th:contains(Isère) .hint"))
                .isEmpty();
        assertThat(Jsoup.parse(given().get("/couverture?kind=CPTS").asString()).select("tbody th:contains(Paris) .hint").text())
                .contains("registre partiel");
        assertThat(Jsoup.parse(given().get("/").asString()).select(".trust").text()).startsWith("Registre partiel");

        // Withdrawn: partial again.
        as(ars84).body(Map.of("complete", false, "asOf", LocalDate.now().toString())).put("/api/v1/completeness/84/CPTS").then()
                .statusCode(200);
        assertThat(given().get("/api/v1/coverage/white-zones?kind=CPTS&department=38").jsonPath().getBoolean("complete"))
                .isFalse();
    }

    @Test
    void anArsOfficersSpaceListsWhatRecordsLackAndTakesADeclaration() {
        SignedInPagesTest.account("worklist-ars84@example.org", "ARS", List.of("84"), List.of());
        String session = SignedInPagesTest.session("worklist-ars84@example.org");
        // Counted independently: the région's schemes at work without an end date, from the API's own list.
        long withoutEnd = 0;
        for (int page = 0;; page++) {
            List<Map<String, Object>> atWork = given()
                    .get("/api/v1/schemes?region=84&status=ACTIVE&status=RENEWAL&size=200&page=" + page)
                    .jsonPath().getList("items");
            withoutEnd += atWork.stream().filter(m -> m.get("endDate") == null).count();
            if (atWork.size() < 200) {
                break;
            }
        }
        var space = SignedInPagesTest.page(session, "/espace");
        assertThat(space.select("#manques ~ ul li:contains(une date de fin)").text()).contains(withoutEnd + " dispositifs");
        var listed = SignedInPagesTest.page(session, "/espace?manque=END_DATE");
        assertThat(listed.select("section:has(#manques) .columns-list li")).hasSize((int) Math.min(withoutEnd, 50));

        String csrf = space.selectFirst("input[name=csrf]").val();
        given().redirects().follow(false).cookie("session", session).formParam("csrf", csrf).formParam("region", "11")
                .formParam("kind", "CLSM").formParam("complete", "oui").formParam("asOf", LocalDate.now().toString())
                .post("/espace/completude").then().statusCode(403);
        given().redirects().follow(false).cookie("session", session).formParam("csrf", csrf).formParam("region", "84")
                .formParam("kind", "CLSM").formParam("complete", "oui").formParam("asOf", "pas une date")
                .post("/espace/completude").then().statusCode(400);
        given().redirects().follow(false).cookie("session", session).formParam("csrf", csrf).formParam("region", "84")
                .formParam("kind", "CLSM").formParam("complete", "oui").formParam("asOf", LocalDate.now().toString())
                .formParam("note", "Déclarée depuis mon espace").post("/espace/completude").then().statusCode(303);
        assertThat(given().get("/api/v1/completeness").jsonPath()
                .getList("findAll { it.region == '84' && it.kind == 'CLSM' }.note"))
                .containsExactly("Déclarée depuis mon espace");
        assertThat(SignedInPagesTest.page(session, "/espace").select("section:has(#completude) li").text())
                .contains("84 · CLSM : complète au");
    }
}
