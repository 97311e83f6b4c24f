package fr.dynamiques.sante.workflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import io.restassured.specification.RequestSpecification;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;
import fr.dynamiques.sante.web.PageForm;
import fr.dynamiques.sante.web.SignedInPagesTest;

/**
 * Proposals carry no one's data beyond what the scheme itself shows the reader: a coordinator who did not consent is
 * kept by id (never named) in what a co-coordinator reads, writes back and proposes, in the queue of the ARS, and in
 * stored proposals once decided or once the person is erased. An approval also needs the right to make the change.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class ProposalPrivacyTest {

    static final String ECHIROLLES = "38151"; // Auvergne-Rhône-Alpes (84)
    static final String PARIS = "75056"; // Île-de-France (11)
    static final String HIDDEN_EMAIL = "hidden.privacy@example.org";
    static final String HIDDEN_PHONE = "04 76 99 88 77";

    @Inject
    EntityManager em;

    private static String token(long account) {
        return SchemeFixtures.admin().body(Map.of()).post("/api/v1/users/" + account + "/tokens").then().statusCode(201)
                .extract().jsonPath().getString("token");
    }

    private static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    private List<String> storedProposals(long scheme) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select document from scheme_change where scheme_id = ?1", String.class).setParameter(1, scheme)
                .getResultList());
    }

    @Test
    void aNonConsentingCoCoordinatorNeverTravelsThroughProposals() {
        Map<String, Object> body = SchemeFixtures.cls("privacy-proposals");
        body.put("perimeter", Map.of("communes", List.of(ECHIROLLES)));
        Map<String, Object> hidden = SchemeFixtures.coordinator("Hélène", "Cachée", HIDDEN_EMAIL, false);
        hidden.put("phone", HIDDEN_PHONE);
        body.put("coordinators", new ArrayList<>(List.of(
                SchemeFixtures.coordinator("Paul", "Public", "public.privacy@example.org", true), hidden)));
        long scheme = SchemeFixtures.create(body);
        try {
            String coordinator = token(SignedInPagesTest.account("privacy-coordinator@example.org", "COORDINATOR", List.of(),
                    List.of(String.valueOf(scheme))));
            String ars84 = token(SignedInPagesTest.account("privacy-ars84@example.org", "ARS", List.of("84"), List.of()));
            long hiddenId = SchemeFixtures.admin().get("/api/v1/schemes/" + scheme).jsonPath().getLong("coordinators[1].id");

            // The co-coordinator reads the person as an id, and writes back what it read: a proposal, not a 400.
            Map<String, Object> read = new LinkedHashMap<>(
                    as(coordinator).get("/api/v1/schemes/" + scheme).then().statusCode(200)
                            .extract().jsonPath().getMap(""));
            assertThat(read.toString()).doesNotContain(HIDDEN_EMAIL).doesNotContain(HIDDEN_PHONE).doesNotContain("Cachée");
            assertThat(((List<?>) read.get("coordinators")).get(1)).asString().contains("id=" + hiddenId);
            read.put("description", "Proposée par l'API.");
            long viaApi = as(coordinator).body(read).put("/api/v1/schemes/" + scheme).then().statusCode(202)
                    .extract().jsonPath().getLong("change");

            // The same from the edit page.
            String session = SignedInPagesTest.session("privacy-coordinator@example.org");
            org.jsoup.nodes.Document form = SignedInPagesTest.page(session, "/espace/dispositifs/" + scheme + "/modifier");
            // The person who did not consent reaches the form as an id: not a letter of their data is in the page.
            assertThat(form.outerHtml()).doesNotContain(HIDDEN_EMAIL).doesNotContain(HIDDEN_PHONE).doesNotContain("Cachée");
            PageForm.of(form, "form.edit").set("description", "Proposée par la page.").submit(session, "enregistrer").then()
                    .statusCode(303);

            // Nobody but an admin reads the person in a proposal, and nothing stores their data.
            assertThat(as(coordinator).get("/api/v1/changes").asString()).doesNotContain(HIDDEN_EMAIL)
                    .doesNotContain(HIDDEN_PHONE)
                    .doesNotContain("Cachée").contains("Proposée par l'API.");
            assertThat(as(ars84).get("/api/v1/changes").asString()).doesNotContain(HIDDEN_EMAIL).doesNotContain(HIDDEN_PHONE)
                    .contains("Proposée par la page.");
            String arsSession = SignedInPagesTest.session("privacy-ars84@example.org");
            String queue = SignedInPagesTest.page(arsSession, "/espace").text();
            assertThat(queue).contains("Proposée par la page.").doesNotContain(HIDDEN_EMAIL).doesNotContain(HIDDEN_PHONE)
                    .doesNotContain("Cachée");
            assertThat(storedProposals(scheme)).hasSize(2).allSatisfy(doc -> assertThat(doc).doesNotContain(HIDDEN_EMAIL)
                    .doesNotContain(HIDDEN_PHONE).doesNotContain("Cachée"));

            // Approved: the person is still on the scheme, unchanged.
            as(ars84).post("/api/v1/changes/" + viaApi + "/approve").then().statusCode(200);
            var after = SchemeFixtures.admin().get("/api/v1/schemes/" + scheme).jsonPath();
            assertThat(after.getString("description")).isEqualTo("Proposée par l'API.");
            assertThat(after.getString("coordinators[1].email")).isEqualTo(HIDDEN_EMAIL);
            assertThat(after.getString("coordinators[1].phone")).isEqualTo(HIDDEN_PHONE);
            assertThat(after.getBoolean("coordinators[1].publicContact")).isFalse();

            // A decided proposal keeps nobody's name or contact, not even the consenting one's.
            assertThat(SchemeFixtures.admin().get("/api/v1/changes?status=APPROVED").asString())
                    .doesNotContain("public.privacy@example.org");

            // Erased, the person leaves every stored proposal, pending ones included.
            SchemeFixtures.admin().delete("/api/v1/coordinators/" + hiddenId).then().statusCode(204);
            assertThat(storedProposals(scheme)).hasSize(2).allSatisfy(doc -> assertThat(
                    io.restassured.path.json.JsonPath.from(doc).<Integer> getList("coordinators.id"))
                    .doesNotContain((int) hiddenId));
        } finally {
            for (Integer pending : SchemeFixtures.admin().get("/api/v1/changes").jsonPath().<Integer> getList("id")) {
                SchemeFixtures.admin().body(Map.of("reason", "test")).post("/api/v1/changes/" + pending + "/reject").then()
                        .statusCode(200);
            }
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void aCoordinatorKeepsOnlyThePeopleOfTheScheme() {
        long scheme = SchemeFixtures.create(SchemeFixtures.cls("privacy-keep-by-id"));
        try {
            Map<String, Object> body = new LinkedHashMap<>(
                    SchemeFixtures.admin().get("/api/v1/schemes/" + scheme).jsonPath().getMap(""));
            body.put("coordinators", List.of(Map.of("id", 999999999, "publicContact", false)));
            SchemeFixtures.admin().body(body).put("/api/v1/schemes/" + scheme).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("coordinators[0].id"));
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme).then().statusCode(204);
            Indexing.await();
        }
    }

    /**
     * An officer of a région the proposal only adds may not approve it (taking the scheme from its région), nor may the
     * officer of the scheme's région alone (putting it into another): an officer of both, or an admin, may.
     */
    @Test
    void approvingAChangeThatReachesAnotherRegionNeedsThatRegionToo() {
        Map<String, Object> body = SchemeFixtures.cls("privacy-cross-region");
        body.put("perimeter", Map.of("communes", List.of(ECHIROLLES)));
        long scheme = SchemeFixtures.create(body);
        try {
            String coordinator = token(SignedInPagesTest.account("cross-coordinator@example.org", "COORDINATOR", List.of(),
                    List.of(String.valueOf(scheme))));
            String ars11 = token(SignedInPagesTest.account("cross-ars11@example.org", "ARS", List.of("11"), List.of()));
            String ars84 = token(SignedInPagesTest.account("cross-ars84@example.org", "ARS", List.of("84"), List.of()));
            String both = token(SignedInPagesTest.account("cross-both@example.org", "ARS", List.of("11", "84"), List.of()));
            Map<String, Object> moved = new LinkedHashMap<>(
                    as(coordinator).get("/api/v1/schemes/" + scheme).jsonPath().getMap(""));
            moved.put("perimeter", Map.of("communes", List.of(PARIS)));
            long change = as(coordinator).body(moved).put("/api/v1/schemes/" + scheme).then().statusCode(202).extract()
                    .jsonPath().getLong("change");
            as(ars11).post("/api/v1/changes/" + change + "/approve").then().statusCode(403);
            as(ars84).post("/api/v1/changes/" + change + "/approve").then().statusCode(403);
            as(ars84).body(Map.of("reason", "non")).post("/api/v1/changes/" + change + "/reject").then().statusCode(403);
            assertThat(given().get("/api/v1/schemes/" + scheme).jsonPath().getList("perimeter.communes"))
                    .containsExactly(ECHIROLLES);
            as(both).post("/api/v1/changes/" + change + "/approve").then().statusCode(200);
            assertThat(given().get("/api/v1/schemes/" + scheme).jsonPath().getList("perimeter.communes"))
                    .containsExactly(PARIS);
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme).then().statusCode(204);
            Indexing.await();
        }
    }
}
