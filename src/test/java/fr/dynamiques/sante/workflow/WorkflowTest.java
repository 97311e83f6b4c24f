package fr.dynamiques.sante.workflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;

/**
 * The editing workflow through the API: a coordinator proposes, the public still sees the published version, an ARS
 * officer of another région may not decide, one of the scheme's région approves (or rejects with a reason), and the
 * audit trail keeps who, when and each field's old and new value. Then a coordinator's GDPR rights: consent
 * withdrawn (contact hidden at once) and erasure (gone, with an anonymous trace).
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class WorkflowTest {

    @Inject
    EntityManager em;

    /** An account and its token, made with the configuration's admin token. */
    record Signed(long id, String token) {
        RequestSpecification request() {
            return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
        }
    }

    private static Signed account(String email, String role, List<String> regions, List<String> schemes) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("email", email, "displayName", email, "role", role));
        body.put("regions", regions);
        body.put("schemes", schemes);
        long id = SchemeFixtures.admin().body(body).post("/api/v1/users").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String token = SchemeFixtures.admin().body(Map.of()).post("/api/v1/users/" + id + "/tokens").then().statusCode(201)
                .extract().jsonPath().getString("token");
        return new Signed(id, token);
    }

    private static JsonPath publicScheme(long id) {
        return given().get("/api/v1/schemes/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static long idOf(String ref) {
        return given().get("/api/v1/schemes?ref=" + ref).then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    @Test
    void aCoordinatorProposesAnArsOfficerOfTheRegionApprovesAndTheTrailKeepsIt() {
        long scheme = idOf("demo-cls-echirolles");
        Signed coordinator = account("wf-coordinator@example.org", "COORDINATOR", List.of(), List.of(String.valueOf(scheme)));
        Signed ars84 = account("wf-ars84@example.org", "ARS", List.of("84"), List.of());
        Signed ars11 = account("wf-ars11@example.org", "ARS", List.of("11"), List.of());
        String published = publicScheme(scheme).getString("description");
        Map<String, Object> proposal = new LinkedHashMap<>(publicScheme(scheme).getMap(""));
        proposal.put("description", "Nouvelle description proposée par la coordination.");
        try {
            var proposed = coordinator.request().body(proposal).put("/api/v1/schemes/" + scheme).then().statusCode(202)
                    .extract();
            long change = proposed.jsonPath().getLong("change");
            assertThat(proposed.header("Location")).endsWith("/api/v1/changes/" + change);
            long other = coordinator.request().body(proposal).put("/api/v1/schemes/" + scheme).then().statusCode(202)
                    .extract().jsonPath().getLong("change");
            // Two proposals now wait; the public still reads the published version, on the API and on the page.
            assertThat(publicScheme(scheme).getString("description")).isEqualTo(published);
            assertThat(given().get("/dispositifs/" + scheme).asString()).doesNotContain("Nouvelle description");

            assertThat(ars11.request().get("/api/v1/changes").jsonPath().<Integer> getList("id")).doesNotContain((int) change);
            ars11.request().post("/api/v1/changes/" + change + "/approve").then().statusCode(403);
            assertThat(ars84.request().get("/api/v1/changes").jsonPath().<Integer> getList("id")).contains((int) change);
            assertThat(coordinator.request().get("/api/v1/changes").jsonPath().<Integer> getList("id")).contains((int) change);
            // A coordinator does not approve their own proposal.
            coordinator.request().post("/api/v1/changes/" + change + "/approve").then().statusCode(403);

            ars84.request().post("/api/v1/changes/" + change + "/approve").then().statusCode(200);
            assertThat(publicScheme(scheme).getString("description"))
                    .isEqualTo("Nouvelle description proposée par la coordination.");
            ars84.request().post("/api/v1/changes/" + change + "/approve").then().statusCode(409);

            JsonPath history = ars84.request().get("/api/v1/schemes/" + scheme + "/history").then().statusCode(200).extract()
                    .jsonPath();
            int last = history.getList("$").size() - 1;
            assertThat(history.getString("[" + last + "].action")).isEqualTo("APPROVE");
            assertThat(history.getLong("[" + last + "].actorId")).isEqualTo(ars84.id());
            assertThat(history.getString("[" + last + "].actorRole")).isEqualTo("ARS");
            assertThat(history.<Map<String, Object>> getList("[" + last + "].changes")).singleElement().satisfies(c -> {
                assertThat(c.get("field")).isEqualTo("description");
                assertThat(c.get("before")).isEqualTo(published);
                assertThat(c.get("after")).isEqualTo("Nouvelle description proposée par la coordination.");
            });
            ars11.request().get("/api/v1/schemes/" + scheme + "/history").then().statusCode(403);
            given().get("/api/v1/schemes/" + scheme + "/history").then().statusCode(401);

            // The other proposal was made on the version the approval just replaced: approving it would undo that change.
            ars84.request().post("/api/v1/changes/" + other + "/approve").then().statusCode(409)
                    .body("detail", org.hamcrest.Matchers.containsString("changed since this proposal was made"));
            assertThat(publicScheme(scheme).getString("description"))
                    .isEqualTo("Nouvelle description proposée par la coordination.");
            // The other proposal: a rejection says why, and the coordinator reads it.
            ars84.request().body(Map.of("reason", " ")).post("/api/v1/changes/" + other + "/reject").then().statusCode(400);
            ars84.request().body(Map.of("reason", "Déjà publiée.")).post("/api/v1/changes/" + other + "/reject").then()
                    .statusCode(200);
            assertThat(coordinator.request().get("/api/v1/changes?status=REJECTED").jsonPath().<String> getList("reason"))
                    .contains("Déjà publiée.");

            // An invalid proposal is refused when made: nothing waits.
            Map<String, Object> invalid = new LinkedHashMap<>(proposal);
            invalid.put("perimeter", Map.of("communes", List.of("99999")));
            coordinator.request().body(invalid).put("/api/v1/schemes/" + scheme).then().statusCode(400);
            assertThat(ars84.request().get("/api/v1/changes").jsonPath().<Integer> getList("schemeId"))
                    .doesNotContain((int) scheme);
            // A coordinator's proposal on a scheme they do not coordinate: refused.
            long strasbourg = idOf("demo-cls-strasbourg-3");
            coordinator.request().body(SchemeFixtures.admin().get("/api/v1/schemes/" + strasbourg).jsonPath().getMap(""))
                    .put("/api/v1/schemes/" + strasbourg).then().statusCode(403);
        } finally {
            Map<String, Object> restore = new LinkedHashMap<>(
                    SchemeFixtures.admin().get("/api/v1/schemes/" + scheme).jsonPath().getMap(""));
            restore.put("description", published);
            SchemeFixtures.admin().body(restore).put("/api/v1/schemes/" + scheme).then().statusCode(200);
            Indexing.await();
        }
    }

    @Test
    void aCoordinatorWithdrawsConsentThenIsErasedLeavingAnAnonymousTrace() {
        Map<String, Object> body = SchemeFixtures.cls("wf-gdpr");
        body.put("coordinators",
                List.of(Map.of("firstName", "Dominique", "lastName", "Effaçable", "email", "wf-gdpr@example.org",
                        "phone", "04 00 00 00 99", "title", "Coordinatrice", "publicContact", true)));
        long scheme = SchemeFixtures.create(body);
        try {
            Signed person = account("WF-GDPR@example.org", "COORDINATOR", List.of(), List.of(String.valueOf(scheme)));
            long personId = person.request().get("/api/v1/coordinators/me").then().statusCode(200).extract().jsonPath()
                    .getLong("id");
            Indexing.await();
            assertThat(publicScheme(scheme).getString("coordinators[0].lastName")).isEqualTo("Effaçable");
            assertThat(given().get("/api/v1/search?q=Effaçable").jsonPath().getInt("total")).isEqualTo(1);
            // Someone else may not act for the person.
            Signed stranger = account("wf-stranger@example.org", "ARS", List.of("84"), List.of());
            stranger.request().delete("/api/v1/coordinators/" + personId + "/consent").then().statusCode(403);
            stranger.request().delete("/api/v1/coordinators/" + personId).then().statusCode(403);

            person.request().delete("/api/v1/coordinators/" + personId + "/consent").then().statusCode(204);
            assertThat(publicScheme(scheme).getString("coordinators[0].lastName")).isNull();
            assertThat(publicScheme(scheme).getString("coordinators[0].email")).isNull();
            assertThat(given().get("/dispositifs/" + scheme).asString()).doesNotContain("Effaçable").doesNotContain("wf-gdpr@");
            Indexing.await();
            assertThat(given().get("/api/v1/search?q=Effaçable").jsonPath().getInt("total")).isZero();

            person.request().delete("/api/v1/coordinators/" + personId).then().statusCode(204);
            assertThat(SchemeFixtures.admin().get("/api/v1/schemes/" + scheme).jsonPath().getList("coordinators"))
                    .isNullOrEmpty();
            SchemeFixtures.admin().get("/api/v1/coordinators/" + personId).then().statusCode(404);
            long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from person where id = :id").setParameter("id", personId).getSingleResult()).longValue());
            assertThat(rows).isZero();
            // The trail keeps that a coordination came and went, by an id that now names no one: nothing personal.
            String trail = SchemeFixtures.admin().get("/api/v1/schemes/" + scheme + "/history").then().statusCode(200).extract()
                    .asString();
            assertThat(trail).contains("\"person\":" + personId).doesNotContain("Effaçable").doesNotContain("Dominique")
                    .doesNotContain("wf-gdpr@").doesNotContain("04 00 00 00 99");
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme).then().statusCode(204);
            Indexing.await();
        }
    }
}
