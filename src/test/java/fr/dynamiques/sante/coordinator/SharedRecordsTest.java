package fr.dynamiques.sante.coordinator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
import fr.dynamiques.sante.web.SignedInPagesTest;

/**
 * People and organisations are shared by the schemes that name them: a write never changes what another scheme shows
 * unless its caller may edit that scheme too, and every change a scheme shows is in that scheme's trail.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class SharedRecordsTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    private long organisationsNamed(String name) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from organisation where name = ?1").setParameter(1, name).getSingleResult()).longValue());
    }

    /** An organisation no scheme names any more leaves the registry; one still named stays. */
    @Test
    void organisationsNoSchemeNamesAreRemoved() {
        Map<String, Object> body = SchemeFixtures.cls("shared-orphan");
        List<Object> partners = new ArrayList<>((List<?>) body.get("partners"));
        partners.add(SchemeFixtures.partner("Association éphémère du test", "ASSOCIATION", "PARTNER"));
        body.put("partners", partners);
        long id = SchemeFixtures.create(body);
        try {
            assertThat(organisationsNamed("Association éphémère du test")).isEqualTo(1);
            partners.remove(partners.size() - 1);
            SchemeFixtures.admin().body(body).put("/api/v1/schemes/" + id).then().statusCode(200);
            assertThat(organisationsNamed("Association éphémère du test")).isZero();
            assertThat(organisationsNamed("Ville d'Échirolles")).isEqualTo(1);
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
            Indexing.await();
        }
    }

    static final String TOULOUSE = "31555"; // Occitanie (76)
    static final String ECHIROLLES = "38151"; // Auvergne-Rhône-Alpes (84)

    private static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    private static String tokenOf(String email, String role, List<String> regions, List<String> schemes) {
        long id = SignedInPagesTest.account(email, role, regions, schemes);
        return SchemeFixtures.admin().body(Map.of()).post("/api/v1/users/" + id + "/tokens").then().statusCode(201)
                .extract().jsonPath().getString("token");
    }

    private static Map<String, Object> coordinator(String first, String last, String email) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("firstName", first);
        c.put("lastName", last);
        c.put("email", email);
        c.put("title", "Coordination (fictive)");
        c.put("publicContact", true);
        return c;
    }

    private static Map<String, Object> scheme(String ref, String commune, Map<String, Object> coordinator) {
        Map<String, Object> body = SchemeFixtures.cls(ref);
        body.put("perimeter", Map.of("communes", List.of(commune)));
        body.put("coordinators", new ArrayList<>(List.of(coordinator)));
        return body;
    }

    private static JsonPath read(long id) {
        return given().get("/api/v1/schemes/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> trail(long id) {
        return SchemeFixtures.admin().get("/api/v1/schemes/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("");
    }

    @Test
    void aCoordinatorsNameIsNotRewrittenFromAnotherRegion() {
        long occitanie = SchemeFixtures
                .create(scheme("shared-occitanie", TOULOUSE, coordinator("Alix", "Occitane", "alix.shared@example.org")));
        long ara = SchemeFixtures
                .create(scheme("shared-ara", ECHIROLLES, coordinator("Basile", "Isérois", "basile.shared@example.org")));
        String ars84 = tokenOf("shared-ars84@example.org", "ARS", List.of("84"), List.of());
        try {
            int trailBefore = trail(occitanie).size();

            // An ARS officer of 84 names the Occitanie coordinator's email under another name: the write answers as it would
            // for an address nobody has, and the person keeps their recorded name (theirs or an admin's to correct).
            Map<String, Object> body = new LinkedHashMap<>(
                    SchemeFixtures.admin().get("/api/v1/schemes/" + ara).jsonPath().getMap(""));
            List<Object> coordinators = new ArrayList<>((List<?>) body.get("coordinators"));
            coordinators.add(coordinator("Mallory", "Usurpée", "Alix.Shared@example.org"));
            body.put("coordinators", coordinators);
            as(ars84).body(body).put("/api/v1/schemes/" + ara).then().statusCode(200);
            assertThat(read(occitanie).getString("coordinators[0].lastName")).isEqualTo("Occitane");
            assertThat(trail(occitanie)).hasSize(trailBefore);
            assertThat(SchemeFixtures.admin().get("/api/v1/schemes/" + ara).jsonPath().getList("coordinators.lastName"))
                    .containsExactly("Isérois", "Occitane");

            // A dry-run import tells nothing either: the same answer for a coordinator's address under another name as for
            // an address nobody has.
            String known = as(ars84)
                    .body(List.of(scheme("shared-ara-import", ECHIROLLES,
                            coordinator("Mallory", "Usurpée", "alix.shared@example.org"))))
                    .post("/api/v1/schemes/import?dryRun=true").then().statusCode(200).extract().asString();
            String unknown = as(ars84)
                    .body(List.of(scheme("shared-ara-import", ECHIROLLES,
                            coordinator("Mallory", "Usurpée", "nobody.shared@example.org"))))
                    .post("/api/v1/schemes/import?dryRun=true").then().statusCode(200).extract().asString();
            assertThat(known).isEqualTo(unknown).doesNotContain("Occitane");
            given().queryParam("ref", "shared-ara-import").get("/api/v1/schemes").then().body("total",
                    org.hamcrest.Matchers.equalTo(0));

            // Named as recorded, the person joins the scheme of 84: nothing changes in Occitanie.
            coordinators.set(1, coordinator("Alix", "Occitane", "alix.shared@example.org"));
            as(ars84).body(body).put("/api/v1/schemes/" + ara).then().statusCode(200);
            assertThat(read(ara).getList("coordinators.lastName")).contains("Occitane");
            assertThat(trail(occitanie)).hasSize(trailBefore);

            // An admin may rename through a scheme write: the other scheme shows it, and its trail says so, without a name.
            coordinators.set(1, coordinator("Alix", "Occitane-Rhône", "alix.shared@example.org"));
            SchemeFixtures.admin().body(body).put("/api/v1/schemes/" + ara).then().statusCode(200);
            assertThat(read(occitanie).getString("coordinators[0].lastName")).isEqualTo("Occitane-Rhône");
            List<Map<String, Object>> after = trail(occitanie);
            assertThat(after).hasSize(trailBefore + 1);
            String recorded = after.get(after.size() - 1).toString();
            assertThat(recorded).contains("coordinators").contains("identity").doesNotContain("Occitane")
                    .doesNotContain("Alix");
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + ara).then().statusCode(204);
            SchemeFixtures.admin().delete("/api/v1/schemes/" + occitanie).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void thePersonCorrectsTheirNameEverywhereAndEachTrailRecordsIt() {
        long occitanie = SchemeFixtures
                .create(scheme("shared-self-76", TOULOUSE, coordinator("Camille", "Erronée", "camille.shared@example.org")));
        long ara = SchemeFixtures
                .create(scheme("shared-self-84", ECHIROLLES, coordinator("Camille", "Erronée", "camille.shared@example.org")));
        try {
            String self = tokenOf("camille.shared@example.org", "COORDINATOR", List.of(), List.of(String.valueOf(ara)));
            String stranger = tokenOf("shared-stranger@example.org", "ARS", List.of("84"), List.of());
            long person = as(self).get("/api/v1/coordinators/me").then().statusCode(200).extract().jsonPath().getLong("id");
            as(stranger).body(Map.of("firstName", "Camille", "lastName", "Volée")).put("/api/v1/coordinators/" + person).then()
                    .statusCode(403);
            as(self).body(Map.of("firstName", "", "lastName", "Corrigée")).put("/api/v1/coordinators/" + person).then()
                    .statusCode(400);
            int before76 = trail(occitanie).size();
            int before84 = trail(ara).size();

            as(self).body(Map.of("firstName", "Camille", "lastName", "Corrigée")).put("/api/v1/coordinators/" + person).then()
                    .statusCode(200)
                    .body("lastName", org.hamcrest.Matchers.equalTo("Corrigée"));
            assertThat(read(occitanie).getString("coordinators[0].lastName")).isEqualTo("Corrigée");
            assertThat(read(ara).getString("coordinators[0].lastName")).isEqualTo("Corrigée");
            assertThat(trail(occitanie)).hasSize(before76 + 1);
            assertThat(trail(ara)).hasSize(before84 + 1);
            assertThat(trail(ara).get(before84).toString()).doesNotContain("Corrigée").doesNotContain("Erronée");
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + ara).then().statusCode(204);
            SchemeFixtures.admin().delete("/api/v1/schemes/" + occitanie).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void anOrganisationSharedWithAnotherRegionKeepsItsIdentifiers() {
        Map<String, Object> partner = new LinkedHashMap<>(
                Map.of("organisation", new LinkedHashMap<>(Map.of("name", "Mutuelle partagée de test", "type", "OTHER")),
                        "roles", List.of("PARTNER")));
        Map<String, Object> inOccitanie = scheme("shared-org-76", TOULOUSE,
                coordinator("Dana", "Test", "dana.shared@example.org"));
        inOccitanie.put("partners", List.of(partner));
        long occitanie = SchemeFixtures.create(inOccitanie);
        String ars84 = tokenOf("shared-org-ars84@example.org", "ARS", List.of("84"), List.of());
        Map<String, Object> withSiret = new LinkedHashMap<>(
                Map.of("organisation", new LinkedHashMap<>(Map.of("name", "Mutuelle partagée de test",
                        "type", "ASSOCIATION", "siret", "12345678900011")), "roles", List.of("FUNDER")));
        Map<String, Object> inAra = scheme("shared-org-84", ECHIROLLES, coordinator("Eli", "Test", "eli.shared@example.org"));
        inAra.put("partners", List.of(withSiret));
        long ara = as(ars84).body(inAra).post("/api/v1/schemes").then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            // The ARS of 84 may not edit the Occitanie scheme: the organisation it shows is unchanged, and so is its trail.
            assertThat(read(occitanie).getMap("partners[0].organisation")).doesNotContainKey("siret").containsEntry("type",
                    "OTHER");
            assertThat(trail(occitanie)).hasSize(1);
            // An admin's write fills the organisation in, and the Occitanie scheme's trail records what it now shows.
            SchemeFixtures.admin().body(inAra).put("/api/v1/schemes/" + ara).then().statusCode(200);
            assertThat(read(occitanie).getString("partners[0].organisation.siret")).isEqualTo("12345678900011");
            assertThat(trail(occitanie)).hasSize(2);
            assertThat(trail(occitanie).get(1).toString()).contains("partners");
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + ara).then().statusCode(204);
            SchemeFixtures.admin().delete("/api/v1/schemes/" + occitanie).then().statusCode(204);
            Indexing.await();
        }
    }
}
