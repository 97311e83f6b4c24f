package fr.dynamiques.sante.search;

import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import fr.dynamiques.sante.embedded.EmbeddedOpenSearch;
import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

/**
 * A three-node engine (the embedded mode with {@code opensearch-nodes=3}): indexes carry a replica, and when one node
 * stops, search keeps answering and writes keep being indexed; the cluster heals when the node comes back.
 */
@QuarkusTest
@TestProfile(EngineClusterProfile.class)
// Each node has the default heap (512 MB): with 256 MB, indexing the COG at start leaves a node little room on a slow machine.
@WithTestResource(value = EmbeddedServicesResource.class, initArgs = @ResourceArg(name = "opensearch-nodes", value = "3"))
class EngineClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void searchAndIndexingGoOnWhileANodeIsDown() throws Exception {
        EmbeddedOpenSearch engine = EmbeddedServicesResource.current().openSearch();
        assertThat(engine.nodeCount()).isEqualTo(3);
        JsonNode health = engine(engine, "/_cluster/health?wait_for_status=green&timeout=60s");
        assertThat(health.get("number_of_nodes").asInt()).isEqualTo(3);
        assertThat(health.get("status").asText()).isEqualTo("green");
        JsonNode settings = engine(engine, "/scheme-read/_settings").elements().next().path("settings").path("index");
        assertThat(settings.path("number_of_replicas").asText()).isEqualTo("1");
        assertThat(settings.path("auto_expand_replicas").asText()).isEqualTo("0-1");

        Indexing.await();
        long before = total();
        // Searches without pause, from before the stop to after the return; each must answer, with every scheme.
        AtomicBoolean searching = new AtomicBoolean(true);
        List<String> failures = new CopyOnWriteArrayList<>();
        int[] searches = { 0 };
        CompletableFuture<Void> searcher = CompletableFuture.runAsync(() -> {
            while (searching.get()) {
                var answer = given().queryParam("size", 1).get("/api/v1/search");
                searches[0]++;
                if (answer.statusCode() != 200) {
                    failures.add(answer.statusCode() + " " + answer.asString());
                } else if (answer.jsonPath().getLong("total") < before) {
                    failures.add("total " + answer.jsonPath().getLong("total") + " < " + before);
                }
            }
        });

        engine.stopNode(0); // the first host Hibernate Search was given
        int written = 20;
        for (int i = 0; i < written; i++) {
            create(cpts("engine-node-down-" + i, List.of("38185"), List.of()));
        }
        Indexing.await();
        assertThat(total()).isEqualTo(before + written);
        given().get("/q/health/ready").then().statusCode(200);

        engine.restartNode(0);
        JsonNode healed = engine(engine, "/_cluster/health?wait_for_status=green&timeout=120s");
        searching.set(false);
        searcher.join();
        assertThat(healed.get("status").asText()).isEqualTo("green");
        assertThat(healed.get("number_of_nodes").asInt()).isEqualTo(3);
        assertThat(failures).isEmpty();
        assertThat(searches[0]).isGreaterThan(20);
        assertThat(total()).isEqualTo(before + written);
    }

    private static long total() {
        return given().queryParam("size", 1).get("/api/v1/search").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** Asks the engine through any node that answers. */
    private static JsonNode engine(EmbeddedOpenSearch engine, String path) throws Exception {
        Exception last = null;
        for (String host : engine.hosts().split(",")) {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(URI.create("http://" + host + path))
                                .timeout(Duration.ofSeconds(150)).build(), HttpResponse.BodyHandlers.ofString());
                return JSON.readTree(answer.body());
            } catch (java.io.IOException e) {
                last = e;
            }
        }
        throw last;
    }
}
