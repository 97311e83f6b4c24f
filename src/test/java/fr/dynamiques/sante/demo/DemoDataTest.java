package fr.dynamiques.sante.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

/** The demo registry, loaded at start in the tests as in the local run. */
@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class DemoDataTest {

    @Inject
    DemoData demo;

    @Test
    void everyDemoSchemeIsLoadedWithItsSource() throws IOException {
        JsonNode file = new ObjectMapper().readTree(Files.readString(Path.of("data/demo/schemes.json")));
        assertThat(file.size()).isEqualTo(12);
        for (JsonNode scheme : file) {
            String ref = scheme.get("ref").asText();
            given().queryParam("ref", ref).get("/api/v1/schemes").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(1))
                    .body("items[0].source", org.hamcrest.Matchers.equalTo(scheme.get("source").asText()))
                    .body("items[0].name", org.hamcrest.Matchers.equalTo(scheme.get("name").asText()));
        }
    }

    @Test
    void aSecondLoadOfTheSameFileDoesNothing() {
        assertThat(demo.loadIfChanged()).isZero();
    }

    @Test
    void coordinatorsAreFictionalAndOneCoordinatesBothEvrySchemes() {
        List<Map<String, Object>> coordinators = given().header("Authorization", "Bearer test-admin-token")
                .get("/api/v1/schemes/export.json").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.ref.startsWith('demo-') }.coordinators.flatten()");
        assertThat(coordinators).isNotEmpty().allSatisfy(c -> {
            assertThat((String) c.get("email")).endsWith("@example.org");
            assertThat((String) c.get("title")).containsPattern("\\(ficti(f|ve)\\)");
        });
        String asv = given().queryParam("ref", "demo-asv-evry-courcouronnes").get("/api/v1/schemes").then()
                .extract().path("items[0].coordinators[0].email");
        String cls = given().queryParam("ref", "demo-cls-evry-courcouronnes-2").get("/api/v1/schemes").then()
                .extract().path("items[0].coordinators[0].email");
        assertThat(asv).isNotNull().isEqualTo(cls);
    }

    @Test
    void demoPerimetersResolveAgainstTheCog() {
        // The CPTS Sud-Est Grenoblois covers Saint-Martin-d'Hères, the whole perimeter of its CLS.
        given().queryParam("commune", "38421").queryParam("size", 200).get("/api/v1/schemes").then().statusCode(200)
                .body("items.ref",
                        org.hamcrest.Matchers.hasItems("demo-cpts-sud-est-grenoblois", "demo-cls-saint-martin-d-heres"));
        // An EPCI-declared perimeter (Pays Voironnais) resolves to its member communes.
        given().queryParam("ref", "demo-cls-pays-voironnais-2").get("/api/v1/schemes").then()
                .body("items[0].communeCount", org.hamcrest.Matchers.greaterThan(20))
                .body("items[0].perimeter.epcis", org.hamcrest.Matchers.contains("243800984"));
    }
}
