package fr.dynamiques.sante.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class HealthTest {

    @Test
    void readyWhenDatabaseAndSearchEngineAnswer() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("search-engine"));
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/territories/communes/{code}'.get.summary", equalTo("A commune by its INSEE code"));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
