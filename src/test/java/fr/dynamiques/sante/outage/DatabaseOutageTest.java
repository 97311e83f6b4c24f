package fr.dynamiques.sante.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import fr.dynamiques.sante.embedded.EmbeddedDatabase;
import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;

/**
 * PostgreSQL stopped for a while: readiness says DOWN, requests get a clear 503 (problem+json from the API, a page
 * from the pages) with Retry-After, never a 500; PostgreSQL back on its port, the application recovers without restart.
 */
@QuarkusTest
@TestProfile(SearchEngineOutageProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class DatabaseOutageTest {

    private static void eventually(String what, Callable<Boolean> condition, Duration limit) {
        Instant start = Instant.now();
        await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).pollInSameThread()
                .until(condition);
        System.out.printf("%s after %d ms%n", what, Duration.between(start, Instant.now()).toMillis());
    }

    @Test
    void whileTheDatabaseIsDownAnswersAre503AndItRecoversWithoutRestart() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        long echirolles = given().get("/api/v1/schemes?ref=demo-cls-echirolles").jsonPath().getLong("items[0].id");
        EmbeddedDatabase database = EmbeddedServicesResource.current().database();
        database.close();
        try {
            eventually("readiness DOWN", () -> given().get("/q/health/ready").statusCode() == 503, Duration.ofSeconds(30));
            Response api = given().get("/api/v1/schemes/" + echirolles);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.contentType()).startsWith("application/problem+json");
            assertThat(api.header("Retry-After")).isEqualTo("10");
            assertThat(api.jsonPath().getString("detail")).contains("unavailable");
            Response page = given().get("/dispositifs/" + echirolles);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString()).contains("Service momentanément indisponible").doesNotContain("Exception");
            SchemeFixtures.admin().body(SchemeFixtures.cls("written-while-down")).post("/api/v1/schemes").then()
                    .statusCode(503);
            // The referential is held in memory: a territory's read needs no database, and keeps answering.
            Response commune = given().get("/api/v1/territories/communes/38151");
            assertThat(commune.statusCode()).isEqualTo(200);
            assertThat(commune.jsonPath().getString("name")).isEqualTo("Échirolles");
            assertThat(commune.jsonPath().getString("epci.siren")).isEqualTo("200040715");
            Response epci = given().get("/api/v1/territories/epcis/200040715");
            assertThat(epci.statusCode()).isEqualTo(200);
            assertThat(epci.jsonPath().getList("communes.code")).contains("38185", "38151");
            given().get("/api/v1/territories/regions/84").then().statusCode(200);
            given().get("/api/v1/territories/communes/99999").then().statusCode(404);
        } finally {
            database.restart();
        }
        eventually("readiness UP", () -> given().get("/q/health/ready").statusCode() == 200, Duration.ofSeconds(60));
        eventually("reads again", () -> given().get("/api/v1/schemes/" + echirolles).statusCode() == 200,
                Duration.ofSeconds(30));
        // Writes again, and nothing of the refused write was kept.
        assertThat(given().get("/api/v1/schemes?ref=written-while-down").jsonPath().getLong("total")).isZero();
        long id = SchemeFixtures.create(SchemeFixtures.cls("written-after"));
        SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
    }
}
