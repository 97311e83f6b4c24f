package fr.dynamiques.sante.territory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class TerritoryResourceTest {

    @Test
    void communeByCode() {
        given().when().get("/api/v1/territories/communes/38151").then()
                .statusCode(200)
                .contentType("application/json")
                .body("code", equalTo("38151"))
                .body("name", equalTo("Échirolles"))
                .body("population", equalTo(37491))
                .body("postalCodes", contains("38130"))
                .body("epci.siren", equalTo("200040715"))
                .body("department.code", equalTo("38"))
                .body("department.name", equalTo("Isère"))
                .body("region.code", equalTo("84"))
                .body("region.name", equalTo("Auvergne-Rhône-Alpes"));
    }

    @Test
    void corsicanCommune() {
        given().when().get("/api/v1/territories/communes/2A004").then()
                .statusCode(200).body("name", equalTo("Ajaccio")).body("department.code", equalTo("2A"))
                .body("region.code", equalTo("94"));
    }

    @Test
    void epciWithMembers() {
        given().when().get("/api/v1/territories/epcis/200040715").then()
                .statusCode(200)
                .body("name", equalTo("Grenoble-Alpes-Métropole"))
                .body("type", equalTo("METRO"))
                .body("communes.code", hasItem("38151"))
                .body("communes[0].code", equalTo("38185")); // Grenoble, the most populated, first
    }

    @Test
    void departmentAndRegion() {
        given().when().get("/api/v1/territories/departments/971").then()
                .statusCode(200).body("name", equalTo("Guadeloupe")).body("region.code", equalTo("01"));
        given().when().get("/api/v1/territories/regions/84").then()
                .statusCode(200).body("name", equalTo("Auvergne-Rhône-Alpes"))
                .body("departments.code", hasItem("38")).body("departments", hasSize(12));
    }

    @Test
    void unknownCodeIsNotFoundAsProblem() {
        given().when().get("/api/v1/territories/communes/99999").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", containsString("99999"));
        given().when().get("/api/v1/territories/epcis/123456789").then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "3815", "381510", "abcde", "2C004", "..%2F..%2Fetc", "%27%20or%201=1" })
    void malformedCommuneCodeIsBadRequest(String code) {
        given().urlEncodingEnabled(false).when().get("/api/v1/territories/communes/" + code).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedCodesOfOtherLevels() {
        given().when().get("/api/v1/territories/epcis/20004071").then().statusCode(400);
        given().when().get("/api/v1/territories/departments/2C").then().statusCode(400);
        given().when().get("/api/v1/territories/regions/8").then().statusCode(400);
    }

    @Test
    void unknownPathIsProblemToo() {
        given().when().get("/api/v1/nothing-here").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @ParameterizedTest
    @ValueSource(strings = { "echirol", "Échir", "ECHIROLLES", "échirolles", "38130", "38151" })
    void suggestionsPutEchirollesFirst(String q) {
        given().queryParam("q", q).when().get("/api/v1/territories").then()
                .statusCode(200)
                .body("[0].level", equalTo("commune"))
                .body("[0].code", equalTo("38151"))
                .body("[0].name", equalTo("Échirolles"))
                .body("[0].population", equalTo(37491))
                .body("[0].context", equalTo("Isère (38)"));
    }

    @Test
    void suggestionsFindCorsicanCodesAndHyphenatedNames() {
        given().queryParam("q", "2a004").when().get("/api/v1/territories").then()
                .statusCode(200).body("[0].code", equalTo("2A004"));
        given().queryParam("q", "saint martin d'h").when().get("/api/v1/territories").then()
                .statusCode(200).body("[0].code", equalTo("38421"));
    }

    @Test
    void suggestionsRankExactNamesFirstThenPopulation() {
        List<String> levels = given().queryParam("q", "isère").when().get("/api/v1/territories").then()
                .statusCode(200).extract().jsonPath().getList("level");
        assertThat(levels.get(0)).isEqualTo("department");

        // "saint" names one commune outright (Le Saint, without its article): it comes first, then those it begins, the
        // most populated first.
        JsonPath saint = given().queryParam("q", "saint").queryParam("level", "commune")
                .when().get("/api/v1/territories").then().statusCode(200)
                .body("level", not(hasItem("epci"))).extract().jsonPath();
        assertThat(saint.getString("[0].name")).isEqualTo("Le Saint");
        assertThat(saint.getList("matchedBy", String.class)).containsExactly("name", "prefix", "prefix", "prefix", "prefix",
                "prefix",
                "prefix", "prefix", "prefix", "prefix");
        List<Integer> populations = saint.getList("population");
        assertThat(populations.subList(1, populations.size())).hasSize(9).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void suggestionsFilterByLevel() {
        given().queryParam("q", "grenoble").queryParam("level", "epci").when().get("/api/v1/territories").then()
                .statusCode(200).body("[0].code", equalTo("200040715")).body("level", not(hasItem("commune")));
    }

    @Test
    void suggestionsRejectBadParameters() {
        given().when().get("/api/v1/territories").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        given().queryParam("q", "x".repeat(201)).when().get("/api/v1/territories").then().statusCode(400);
        given().queryParam("q", "lyon").queryParam("level", "canton").when().get("/api/v1/territories").then()
                .statusCode(400).body("errors[0].field", equalTo("level"));
        given().queryParam("q", "lyon").queryParam("limit", "500").when().get("/api/v1/territories").then()
                .statusCode(400);
        given().queryParam("q", "lyon").queryParam("limit", "many").when().get("/api/v1/territories").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("q", "lyon").queryParam("limit", "3").when().get("/api/v1/territories").then()
                .statusCode(200).body("$", hasSize(3)).body("[0].name", equalTo("Lyon"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "!!!", "\"", "*", "a AND (b", "+-~|", "'; drop table commune; --", "<script>" })
    void oddQueriesAnswerWithoutError(String q) {
        given().queryParam("q", q).when().get("/api/v1/territories").then().statusCode(200);
    }
}
