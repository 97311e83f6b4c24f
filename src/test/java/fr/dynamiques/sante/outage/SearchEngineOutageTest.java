package fr.dynamiques.sante.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;

/**
 * The search engine frozen (SIGSTOP on its whole process tree, as a hung node behaves): a thousand writes through the
 * API all succeed against PostgreSQL; once the engine thaws, the index converges on its own (outbox polling) to the
 * same schemes with the same content as the database, with no manual step.
 */
@QuarkusTest
@TestProfile(SearchEngineOutageProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class SearchEngineOutageTest {

    static final int WRITES = 1000;

    private static void signal(String signal) throws IOException, InterruptedException {
        ProcessHandle engine = ProcessHandle.of(EmbeddedServicesResource.current().openSearch().pid()).orElseThrow();
        List<String> command = Stream.concat(Stream.of("kill", "-" + signal),
                Stream.concat(Stream.of(engine), engine.descendants()).map(p -> String.valueOf(p.pid()))).toList();
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    /** Every scheme as search holds it (id to name and status), page by page. */
    private static Map<Long, String> searched() {
        Map<Long, String> found = new HashMap<>();
        for (int page = 0;; page++) {
            JsonPath answer = given().get("/api/v1/search?sort=name&size=200&page=" + page).then().statusCode(200).extract()
                    .jsonPath();
            List<Map<String, Object>> items = answer.getList("items");
            items.forEach(i -> found.put(((Number) i.get("id")).longValue(), i.get("name") + " | " + i.get("status")));
            if (items.size() < 200) {
                return found;
            }
        }
    }

    /** Every scheme as the database holds it, from the export. */
    private static Map<Long, String> stored() {
        Map<Long, String> stored = new HashMap<>();
        given().get("/api/v1/schemes/export.json").jsonPath().<Map<String, Object>> getList("$")
                .forEach(s -> stored.put(((Number) s.get("id")).longValue(), s.get("name") + " | " + s.get("status")));
        return stored;
    }

    /** Waits until search holds exactly what the database holds; answers how long it took. */
    private static Duration converged(Duration limit) {
        Instant start = Instant.now();
        Map<Long, String> expected = stored();
        await("time for the index to converge").atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .pollInSameThread().until(() -> searched().equals(expected));
        return Duration.between(start, Instant.now());
    }

    @Test
    void writesSucceedWhileTheEngineIsFrozenAndTheIndexConvergesAfter() throws Exception {
        converged(Duration.ofMinutes(1)); // the demo registry, indexed after start
        long renamed = given().get("/api/v1/schemes?ref=demo-cls-echirolles").jsonPath().getLong("items[0].id");
        signal("STOP");
        Instant frozen = Instant.now();
        try {
            // Frozen indeed: the engine no longer answers its own health check.
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String engine = "http://" + EmbeddedServicesResource.current().openSearch().hosts() + "/_cluster/health";
            // A stopped process may still finish the answer it was writing: asked again, it stays silent.
            boolean silent = false;
            for (int attempt = 0; attempt < 5 && !silent; attempt++) {
                try {
                    client.send(HttpRequest.newBuilder(URI.create(engine)).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (HttpTimeoutException e) {
                    silent = true;
                }
            }
            assertThat(silent).as("the frozen engine stops answering").isTrue();
            for (int i = 0; i < WRITES - 2; i++) {
                Map<String, Object> body = SchemeFixtures.cls("outage-" + i);
                body.put("name", "Contrat écrit pendant la panne " + i);
                SchemeFixtures.admin().body(body).post("/api/v1/schemes").then().statusCode(201);
            }
            // An update and a deletion too: the index must follow those as well.
            Map<String, Object> changed = new HashMap<>(
                    SchemeFixtures.admin().get("/api/v1/schemes/" + renamed).jsonPath().getMap(""));
            changed.put("name", "Contrat local de santé d'Échirolles (renommé pendant la panne)");
            SchemeFixtures.admin().body(changed).put("/api/v1/schemes/" + renamed).then().statusCode(200);
            long gone = given().get("/api/v1/schemes?ref=outage-0").jsonPath().getLong("items[0].id");
            SchemeFixtures.admin().delete("/api/v1/schemes/" + gone).then().statusCode(204);
            assertThat(given().get("/api/v1/schemes?size=1").jsonPath().getLong("total")).isEqualTo(12 + WRITES - 3);
        } finally {
            System.out.printf("%d writes with the engine frozen in %d s%n", WRITES,
                    Duration.between(frozen, Instant.now()).toSeconds());
            signal("CONT");
        }
        // No manual step: the outbox processor retries until the engine answers, then drains.
        System.out.printf("index converged %d s after the engine came back%n", converged(Duration.ofMinutes(3)).toSeconds());
        assertThat(searched()).hasSize(12 + WRITES - 3).containsEntry(renamed,
                "Contrat local de santé d'Échirolles (renommé pendant la panne) | ACTIVE");
    }
}
