package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

/**
 * Territory-wide figures are kept until the registry's version moves: served again while it stands still, computed
 * again as soon as any write moves it, and computed a few at a time (here one, with one request waiting at most five
 * seconds).
 */
@QuarkusTest
@TestProfile(FigureCacheTest.OneAtATime.class)
@WithTestResource(EmbeddedServicesResource.class)
class FigureCacheTest {

    public static class OneAtATime implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "test";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("directory.figures.concurrent-computations", "1", "directory.figures.waiting", "1",
                    "directory.figures.wait-seconds", "5");
        }
    }

    @Inject
    DataSource dataSource;

    private static JsonPath get(String path) {
        return given().urlEncodingEnabled(false).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> isere() {
        return get("/api/v1/coverage?region=84").<Map<String, Object>> getList("").stream()
                .filter(row -> "38".equals(row.get("code"))).findFirst().orElseThrow();
    }

    private static long pairs(JsonPath matrix) {
        return matrix.getList("cells.pairs", Long.class).stream().mapToLong(Long::longValue).sum();
    }

    private long version() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version from registry_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aWriteMovesTheVersionOnceAndTheFiguresFollowIt() throws Exception {
        Map<String, Object> coverage = isere();
        JsonPath matrix = get("/api/v1/overlaps/matrix?department=38");
        long version = version();
        assertThat(isere()).isEqualTo(coverage);
        assertThat(version()).as("reading moves nothing").isEqualTo(version);

        // A CPTS over Saint-Martin-d'Hères and Échirolles pairs with every scheme at work there.
        long id = create(cpts("figures-write", List.of("38421", "38151"), List.of()));
        try {
            assertThat(version()).as("one write, one transaction: the version moves once").isEqualTo(version + 1);
            long atWorkThere = given().when().get("/api/v1/schemes/" + id + "/overlaps?status=ACTIVE&status=RENEWAL")
                    .then().statusCode(200).extract().jsonPath().getList("scheme.id").size();
            assertThat(atWorkThere).as("the demo registry has schemes at work there").isPositive();
            assertThat(pairs(get("/api/v1/overlaps/matrix?department=38"))).isEqualTo(pairs(matrix) + atWorkThere);
            assertThat((Integer) isere().get("schemeCount")).isEqualTo((Integer) coverage.get("schemeCount") + 1);
        } finally {
            admin().when().delete("/api/v1/schemes/" + id).then().statusCode(204);
        }
        assertThat(version()).isEqualTo(version + 2);
        assertThat(pairs(get("/api/v1/overlaps/matrix?department=38"))).isEqualTo(pairs(matrix));
        assertThat(isere()).isEqualTo(coverage);
    }

    @Test
    void aFigureIsServedAgainUntilTheVersionMoves() throws Exception {
        // The most populated commune of Isère that no scheme at work covers.
        JsonPath zones = get("/api/v1/coverage/white-zones?department=38");
        String commune = zones.getString("communes[0].code");
        long population = zones.getLong("communes[0].population");
        assertThat(population).isPositive();
        long covered = ((Number) isere().get("coveredPopulation")).longValue();

        // Counted as covered behind the version's back (straight into the counts, not through commune_coverage_add)...
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into commune_coverage values ('" + commune + "', 'ASV', 'ACTIVE', 1)");
        }
        try {
            // ...the kept figure is served: it was not computed again.
            assertThat(((Number) isere().get("coveredPopulation")).longValue()).isEqualTo(covered);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("update registry_version set version = version + 1");
            }
            assertThat(((Number) isere().get("coveredPopulation")).longValue()).isEqualTo(covered + population);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("delete from commune_coverage where commune_code = '" + commune
                        + "' and kind = 'ASV' and status = 'ACTIVE'");
                s.execute("update registry_version set version = version + 1");
            }
        }
        assertThat(((Number) isere().get("coveredPopulation")).longValue()).isEqualTo(covered);
    }

    @Test
    void computationsBeyondTheCapWaitThenAnswer503() throws Exception {
        String kept = "/api/v1/coverage?level=region";
        get(kept);
        // The counts locked by another transaction: the first figure to compute waits for them, holding the only turn.
        try (Connection lock = dataSource.getConnection(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("lock table commune_coverage in access exclusive mode");
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                    () -> given().when().get("/api/v1/coverage?level=region&kind=ASV").andReturn());
            awaitWaitingOnLock();

            // One request may wait for its turn: it gets a 503 after the five-second wait (long enough for "at once" to
            // be told from "after waiting" on a busy machine)...
            long start = System.nanoTime();
            CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(
                    () -> given().when().get("/api/v1/coverage?level=region&kind=CLSM").andReturn());
            Thread.sleep(1000);
            // ...and a request beyond it, at once.
            long asked = System.nanoTime();
            Response beyond = given().when().get("/api/v1/coverage?level=region&kind=CPTS").andReturn();
            assertThat(beyond.statusCode()).isEqualTo(503);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked)).as("answered without waiting")
                    .isLessThan(2500);
            assertThat(waiting).as("the first is still waiting for its turn").isNotDone();
            Response other = waiting.get(30, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("waited its five seconds")
                    .isGreaterThanOrEqualTo(5000);
            assertThat(other.statusCode()).isEqualTo(503);
            assertThat(other.contentType()).startsWith("application/problem+json");
            assertThat(other.header("Retry-After")).isEqualTo("10");
            assertThat(other.jsonPath().getString("detail")).contains("try again");
            Response same = given().when().get("/api/v1/coverage?level=region&kind=ASV").andReturn();
            assertThat(same.statusCode()).as("waits for the running computation, not beyond the wait").isEqualTo(503);
            assertThat(given().when().get(kept).statusCode())
                    .as("kept figures are served meanwhile").isEqualTo(200);
            assertThat(first).isNotDone();

            lock.rollback();
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(given().when().get("/api/v1/coverage?level=region&kind=CLSM").statusCode()).isEqualTo(200);
    }

    /** Until a query of the application waits for the lock on the counts. */
    private void awaitWaitingOnLock() throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                            + "and query like '%commune_coverage%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no request waited for the counts");
    }
}
