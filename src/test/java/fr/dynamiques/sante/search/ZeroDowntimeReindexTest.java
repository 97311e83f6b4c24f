package fr.dynamiques.sante.search;

import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.demo.SyntheticRegistry;
import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeDocument;

/**
 * Rebuilding the scheme index never takes search away: the 3,000-scheme synthetic registry is searched without pause
 * while it is rebuilt, and no answer counts fewer schemes than before the rebuild.
 */
@QuarkusTest
@TestProfile(LargeRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class ZeroDowntimeReindexTest {

    @Inject
    SearchMapping mapping;
    @Inject
    ObjectMapper json;
    @Inject
    DataSource dataSource;

    @Test
    void searchKeepsEveryResultDuringARebuild() throws Exception {
        List<SchemeDocument> registry = SyntheticRegistry.generate(1, 2026);
        admin().body(registry).post("/api/v1/schemes/import").then().statusCode(200);
        Indexing.await();
        long all = total("");
        long sante = total("santé");
        assertThat(all).isGreaterThanOrEqualTo(registry.size());
        assertThat(sante).isPositive();
        String before = readIndex();

        admin().post("/api/v1/admin/reindex").then().statusCode(202);
        List<long[]> seen = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(120);
        String state;
        do {
            seen.add(new long[] { total(""), total("santé") });
            state = admin().get("/api/v1/admin/reindex").then().statusCode(200).extract().jsonPath().getString("state");
        } while (state.equals("RUNNING") && Instant.now().isBefore(deadline));
        assertThat(state).isEqualTo("DONE");
        seen.add(new long[] { total(""), total("santé") });

        // Searched all along while it ran (a rebuild of 3,000 takes 1 to 7 s here: several rounds), never fewer results.
        assertThat(seen.size()).isGreaterThanOrEqualTo(4);
        assertThat(seen).allSatisfy(counts -> {
            assertThat(counts[0]).isGreaterThanOrEqualTo(all);
            assertThat(counts[1]).isGreaterThanOrEqualTo(sante);
        });
        // Search now reads the new index; the old one is dropped once the searches sent to it are answered.
        String after = readIndex();
        assertThat(after).isNotEqualTo(before);
        await("old index dropped").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .pollInSameThread().until(() -> engine("/_cat/indices/scheme-*?h=index").strip().lines().count() <= 1);
        assertThat(engine("/_cat/indices/scheme-*?h=index").strip().lines().toList()).containsExactly(after);
    }

    @Test
    void aRebuildInterruptedByACrashIsUndoneAtStart() throws Exception {
        String live = readIndex();
        IndexRollover.start(mapping, json); // and the process dies before committing
        assertThat(engine("/_cat/indices/scheme-*?h=index").strip().lines().count()).isEqualTo(2);
        assertThat(IndexRollover.recover(mapping, json)).isTrue();
        assertThat(engine("/_cat/indices/scheme-*?h=index").strip().lines().toList()).containsExactly(live);
        assertThat(engine("/_alias/scheme-write")).contains(live);
        assertThat(IndexRollover.recover(mapping, json)).isFalse();
    }

    @Test
    void aRolloverClosedWithoutACommitIsRolledBack() throws Exception {
        String live = readIndex();
        try (IndexRollover rollover = IndexRollover.start(mapping, json)) {
            assertThat(engine("/_cat/indices/scheme-*?h=index").strip().lines().count()).isEqualTo(2);
        }
        assertThat(engine("/_cat/indices/scheme-*?h=index").strip().lines().toList()).containsExactly(live);
        assertThat(engine("/_alias/scheme-write")).contains(live);
        assertThat(readIndex()).isEqualTo(live);
        assertThat(IndexRollover.recover(mapping, json)).as("nothing left to repair").isFalse();
    }

    @Test
    void anOldIndexLeftByAProcessStoppedBeforeDroppingItIsDroppedAtStart() throws Exception {
        String live = readIndex();
        // What a commit leaves for a moment: the previous index, without any alias, waiting to be dropped.
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + EmbeddedServicesResource.current().openSearch().hosts() + "/scheme-000999"))
                .PUT(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(IndexRollover.recover(mapping, json)).isTrue();
        assertThat(engine("/_cat/indices/scheme-*?h=index").strip().lines().toList()).containsExactly(live);
        assertThat(engine("/_alias/scheme-write")).contains(live);
        assertThat(readIndex()).isEqualTo(live);
    }

    @Test
    void oneRebuildAtATimeWhicheverProcessAsks() throws Exception {
        String live = readIndex();
        // What another process of the directory holds while it rebuilds.
        try (RebuildLock other = RebuildLock.tryTake(dataSource).orElseThrow()) {
            admin().post("/api/v1/admin/reindex").then().statusCode(409).contentType("application/problem+json");
            assertThat(RebuildLock.tryTake(dataSource)).isEmpty();
        }
        assertThat(engine("/_cat/indices/scheme-*?h=index").strip().lines().toList()).containsExactly(live);
        try (RebuildLock released = RebuildLock.tryTake(dataSource).orElseThrow()) {
            assertThat(released).isNotNull();
        }
    }

    private static long total(String q) {
        JsonPath page = given().queryParam("q", q).queryParam("size", 1).get("/api/v1/search").then().statusCode(200).extract()
                .jsonPath();
        return page.getLong("total");
    }

    /** The index the read alias points at. */
    private static String readIndex() throws Exception {
        return engine("/_cat/aliases/scheme-read?h=index").strip();
    }

    private static String engine(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + EmbeddedServicesResource.current().openSearch().hosts() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
