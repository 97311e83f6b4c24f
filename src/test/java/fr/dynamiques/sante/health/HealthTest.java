package fr.dynamiques.sante.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class HealthTest {

    @Test
    void readyWhenDatabaseAndSearchEngineAnswer() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("search-engine"));
        // Public: it names no internal address.
        assertThat(given().get("/q/health").asString()).doesNotContain("http://").doesNotContain("127.0.0.1")
                .doesNotContain("localhost");
    }

    /**
     * The tests' throwaway database is not archived: the directory takes no backup, says so in /q/health (up), and the
     * admin API answers 409 with the reason.
     */
    @Test
    void backupsAreReportedAndRefusedWhereTheDirectoryDoesNotTakeThem() {
        given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'backups' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'backups' }.data.takenByTheDirectory", equalTo(false));
        given().get("/q/health/ready").then().body("checks.name", not(hasItems("backups")));
        given().header("Authorization", "Bearer test-admin-token").post("/api/v1/admin/backups").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("external"));
        given().header("Authorization", "Bearer test-admin-token").get("/api/v1/admin/backups").then().statusCode(200)
                .body("size()", equalTo(0));
        given().post("/api/v1/admin/backups").then().statusCode(401);
    }

    @Test
    void openApiIsServedAndMetricsOnlyToTheScraper() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/territories/communes/{code}'.get.summary", equalTo("A commune by its INSEE code"));
        given().when().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", "Bearer not-the-token").when().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", "Bearer " + METRICS_TOKEN).when().get("/q/metrics").then().statusCode(200);
        // The scraper's token opens nothing else.
        given().header("Authorization", "Bearer " + METRICS_TOKEN).get("/api/v1/users").then().statusCode(403);
    }

    static final String METRICS_TOKEN = "test-metrics-token";

    @Test
    void metricsLabelRequestsByRouteTemplateNeverByRawPath() {
        List<String> probes = List.of("/api/v1/kinds/zzprobe" + System.nanoTime(),
                "/api/v1/kinds/zzprobe" + (System.nanoTime() + 1));
        for (String probe : probes) {
            given().delete(probe).then().statusCode(405);
            given().header("Authorization", "Bearer unknown-" + probe.hashCode()).put(probe).then().statusCode(401);
        }
        given().get("/api/v1/schemes/zzprobe-unknown/nothing").then().statusCode(404);
        given().get("/api/v1/kinds").then().statusCode(200);
        String metrics = given().header("Authorization", "Bearer " + METRICS_TOKEN).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(metrics).doesNotContain("zzprobe");
        assertThat(metrics).contains("uri=\"UNKNOWN\"").contains("uri=\"/api/v1/kinds\"").contains("uri=\"NOT_FOUND\"");
    }

    /**
     * A scanner's OPTIONS, "//path" and made-up methods on 110 made-up paths add no series: real routes are still
     * measured afterwards (Quarkus stops taking new uri values after 100).
     */
    @Test
    void madeUpRequestsOfAnyMethodAddNoSeriesAndRealRoutesStayMeasured() {
        for (int i = 0; i < 110; i++) {
            String probe = "/zzscan" + i + "-" + System.nanoTime();
            given().options(probe);
            given().options("/api/v1" + probe);
            given().get("/" + probe);
            given().request("BREW", probe);
            given().redirects().follow(false).get(probe + "/");
        }
        given().get("/api/v1/themes").then().statusCode(200);
        String metrics = given().header("Authorization", "Bearer " + METRICS_TOKEN).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(metrics).doesNotContain("zzscan").doesNotContain("method=\"BREW\"");
        assertThat(metrics).contains("uri=\"/api/v1/themes\"").contains("method=\"OTHER\"");
    }

    @Test
    void quarkusEndpointsSendTheSecurityHeadersToo() {
        for (String path : List.of("/q/openapi", "/q/health/ready", "/q/swagger-ui/", "/api/v1/kinds", "/")) {
            var answer = given().redirects().follow(false).get(path);
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(answer.header("Content-Security-Policy")).as(path).contains("default-src 'self'")
                    .contains("frame-ancestors 'none'");
        }
        // Only Swagger UI, which starts with an inline script, may run inline scripts.
        assertThat(given().get("/q/openapi").header("Content-Security-Policy")).doesNotContain("unsafe-inline");
        assertThat(given().get("/q/swagger-ui/").header("Content-Security-Policy"))
                .contains("script-src 'self' 'unsafe-inline'");
    }
}
