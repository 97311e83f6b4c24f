package fr.dynamiques.sante.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
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
import fr.dynamiques.sante.web.SignedInPagesTest;

/**
 * The role matrix: each role (and an anonymous caller) against each write endpoint of the API, in and out of its
 * scope, with the status it must get. Accounts and tokens are made through the API with the configuration's admin
 * token (the bootstrap credential). Schemes a case writes are deleted after the test.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class RoleMatrixTest {

    static final String ECHIROLLES = "38151"; // Isère, Auvergne-Rhône-Alpes (84)
    static final String PARIS = "75056"; // Île-de-France (11)

    static Map<String, String> tokens;
    static Map<String, Long> accounts;
    static Map<String, String> sessions;
    static int sequence;

    @Inject
    EntityManager em;

    /** What a case sends, given the role's name (refs stay unique across cases). */
    record Case(String endpoint, String role, Function<String, Integer> send, int expected) {
    }

    @BeforeEach
    void accounts() {
        if (tokens != null) {
            return;
        }
        tokens = new LinkedHashMap<>();
        accounts = new LinkedHashMap<>();
        sessions = new LinkedHashMap<>();
        long echirolles = idOf("demo-cls-echirolles");
        account("admin", "ADMIN", List.of(), List.of());
        account("ars84", "ARS", List.of("84"), List.of());
        account("ars11", "ARS", List.of("11"), List.of());
        account("coordinator", "COORDINATOR", List.of(), List.of(String.valueOf(echirolles)));
        account("partner84", "PARTNER", List.of("84"), List.of());
    }

    private static void account(String name, String role, List<String> regions, List<String> schemes) {
        long id = SchemeFixtures.admin()
                .body(Map.of("email", name + "@example.org", "displayName", "Test " + name, "role", role,
                        "regions", regions, "schemes", schemes, "password", SignedInPagesTest.PASSWORD))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.put(name, id);
        tokens.put(name, SchemeFixtures.admin().body(Map.of("label", "tests")).post("/api/v1/users/" + id + "/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token"));
        sessions.put(name, SignedInPagesTest.session(name + "@example.org"));
    }

    private static RequestSpecification as(String role) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return role.equals("anonymous") ? request : request.header("Authorization", "Bearer " + tokens.get(role));
    }

    private static long idOf(String ref) {
        return given().get("/api/v1/schemes?ref=" + ref).then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    private static Map<String, Object> scheme(String commune) {
        Map<String, Object> body = SchemeFixtures.cls("roles-" + (++sequence));
        body.put("perimeter", Map.of("communes", List.of(commune)));
        return body;
    }

    /** A scheme made by the admin for a case to change or delete. */
    private static long made(String commune) {
        return SchemeFixtures.create(scheme(commune));
    }

    @Test
    void eachRoleGetsWhatItsScopeAllows() {
        List<String> roles = List.of("admin", "ars84", "ars11", "coordinator", "partner84", "anonymous");
        List<Case> cases = new ArrayList<>();
        Map<String, Integer> create = Map.of("admin", 201, "ars84", 201, "ars11", 403, "coordinator", 403, "partner84", 403,
                "anonymous", 401);
        Map<String, Integer> change = Map.of("admin", 200, "ars84", 200, "ars11", 403, "coordinator", 403, "partner84", 403,
                "anonymous", 401);
        Map<String, Integer> remove = Map.of("admin", 204, "ars84", 204, "ars11", 403, "coordinator", 403, "partner84", 403,
                "anonymous", 401);
        Map<String, Integer> importing = Map.of("admin", 200, "ars84", 200, "ars11", 403, "coordinator", 403, "partner84", 200,
                "anonymous", 401);
        Map<String, Integer> adminOnly = Map.of("admin", 200, "ars84", 403, "ars11", 403, "coordinator", 403, "partner84", 403,
                "anonymous", 401);
        Map<String, Object> cls = given().get("/api/v1/kinds").jsonPath().getMap("find { it.code == 'CLS' }");
        Map<String, Object> kindBody = Map.of("labelFr", cls.get("labelFr"), "labelEn", cls.get("labelEn"), "features",
                cls.get("features"));
        for (String role : roles) {
            cases.add(new Case("POST /schemes in 84", role,
                    r -> as(r).body(scheme(ECHIROLLES)).post("/api/v1/schemes").statusCode(), create.get(role)));
            cases.add(new Case("PUT /schemes/{id} in 84", role, r -> {
                long id = made(ECHIROLLES);
                return as(r).body(SchemeFixtures.admin().get("/api/v1/schemes/" + id).jsonPath().getMap(""))
                        .put("/api/v1/schemes/" + id).statusCode();
            }, change.get(role)));
            cases.add(new Case("DELETE /schemes/{id} in 84", role,
                    r -> as(r).delete("/api/v1/schemes/" + made(ECHIROLLES)).statusCode(), remove.get(role)));
            cases.add(new Case("POST /schemes/import in 84", role,
                    r -> as(r).body(List.of(scheme(ECHIROLLES))).post("/api/v1/schemes/import").statusCode(),
                    importing.get(role)));
            cases.add(new Case("PUT /kinds/CLS", role, r -> as(r).body(kindBody).put("/api/v1/kinds/CLS").statusCode(),
                    adminOnly.get(role)));
            cases.add(new Case("GET /users", role, r -> as(r).get("/api/v1/users").statusCode(), adminOnly.get(role)));
        }
        // Out of scope, even for those who may write in 84: a scheme in Paris, or one moved there.
        for (String role : List.of("ars84", "partner84")) {
            cases.add(new Case("POST /schemes/import in 11", role,
                    r -> as(r).body(List.of(scheme(PARIS))).post("/api/v1/schemes/import").statusCode(), 403));
        }
        cases.add(new Case("POST /schemes in 11", "ars84", r -> as(r).body(scheme(PARIS)).post("/api/v1/schemes").statusCode(),
                403));
        cases.add(new Case("PUT /schemes/{id} moved from 84 to 11", "ars84", r -> {
            long id = made(ECHIROLLES);
            Map<String, Object> body = new LinkedHashMap<>(
                    SchemeFixtures.admin().get("/api/v1/schemes/" + id).jsonPath().getMap(""));
            body.put("perimeter", Map.of("communes", List.of(PARIS)));
            return as(r).body(body).put("/api/v1/schemes/" + id).statusCode();
        }, 403));
        cases.add(new Case("PUT /schemes/{id} in 11", "ars11", r -> {
            long id = made(PARIS);
            return as(r).body(SchemeFixtures.admin().get("/api/v1/schemes/" + id).jsonPath().getMap(""))
                    .put("/api/v1/schemes/" + id).statusCode();
        }, 200));
        cases.add(new Case("POST /users", "ars84",
                r -> as(r).body(Map.of("email", "x@example.org", "displayName", "X", "role", "ADMIN"))
                        .post("/api/v1/users").statusCode(),
                403));
        cases.add(new Case("POST /users/{own id}/tokens", "coordinator",
                r -> as(r).body(Map.of()).post("/api/v1/users/" + accounts.get(r) + "/tokens")
                        .statusCode(),
                201));
        cases.add(new Case("POST /users/{other's id}/tokens", "coordinator", r -> as(r).body(Map.of())
                .post("/api/v1/users/" + accounts.get("ars84") + "/tokens").statusCode(), 403));
        cases.add(new Case("POST /admin/reindex", "ars84", r -> as(r).post("/api/v1/admin/reindex").statusCode(), 403));
        cases.add(new Case("POST /admin/backups", "ars84", r -> as(r).post("/api/v1/admin/backups").statusCode(), 403));
        cases.add(new Case("GET /admin/backups", "partner84", r -> as(r).get("/api/v1/admin/backups").statusCode(), 403));

        // The same rules on the pages (signed in with a session, each form with the session's token) and on the
        // workflow's and the audit's API.
        long echirolles = idOf("demo-cls-echirolles");
        Map<String, Integer> confirmPage = Map.of("admin", 303, "ars84", 303, "ars11", 403, "coordinator", 303, "partner84",
                403, "anonymous", 403);
        Map<String, Integer> history = Map.of("admin", 200, "ars84", 200, "ars11", 403, "coordinator", 200, "partner84", 403,
                "anonymous", 401);
        Map<String, Integer> decide = Map.of("admin", 200, "ars84", 200, "ars11", 403, "coordinator", 403, "partner84", 403,
                "anonymous", 401);
        Map<String, Integer> decidePage = Map.of("admin", 303, "ars84", 303, "ars11", 403, "coordinator", 403, "partner84", 403,
                "anonymous", 403);
        for (String role : roles) {
            cases.add(new Case("POST /espace/dispositifs/{id}/verifie (page) in 84", role,
                    r -> page(r).post("/espace/dispositifs/" + echirolles + "/verifie").statusCode(), confirmPage.get(role)));
            cases.add(new Case("GET /espace/dispositifs/{id}/modifier (page) in 84", role,
                    r -> page(r).get("/espace/dispositifs/" + echirolles + "/modifier").statusCode(),
                    Map.of("admin", 200, "ars84", 200, "ars11", 403, "coordinator", 200, "partner84", 403, "anonymous", 403)
                            .get(role)));
            cases.add(new Case("GET /schemes/{id}/history in 84", role,
                    r -> as(r).get("/api/v1/schemes/" + echirolles + "/history").statusCode(),
                    history.get(role)));
            cases.add(new Case("POST /changes/{id}/approve in 84", role,
                    r -> as(r).post("/api/v1/changes/" + proposal() + "/approve").statusCode(),
                    decide.get(role)));
            cases.add(new Case("POST /changes/{id}/reject in 84", role, r -> as(r).body(Map.of("reason", "non"))
                    .post("/api/v1/changes/" + proposal() + "/reject").statusCode(), decide.get(role)));
            cases.add(new Case("POST /espace/changements/{id}/approuver (page) in 84", role,
                    r -> page(r).post("/espace/changements/" + proposal() + "/approuver").statusCode(), decidePage.get(role)));
        }
        // A form's token is required whatever the request's type, and on the path as routed.
        for (String role : List.of("admin", "ars84", "coordinator")) {
            cases.add(new Case("POST /espace/changements/{id}/approuver without type nor token (page)", role,
                    r -> given().redirects().follow(false).cookie("session", sessions.get(r))
                            .post("/espace/changements/" + proposal() + "/approuver").statusCode(),
                    403));
            cases.add(new Case("POST /api/%2e%2e/espace/dispositifs/{id}/verifie without token (page)", role,
                    r -> given().urlEncodingEnabled(false).redirects().follow(false).cookie("session", sessions.get(r))
                            .formParam("csrf", "none").post("/api/%2e%2e/espace/dispositifs/" + echirolles + "/verifie")
                            .statusCode(),
                    403));
        }
        // Following a contract changes it: only those who may edit it may name it as previous.
        for (String role : List.of("admin", "ars84", "ars11")) {
            cases.add(new Case("POST /schemes in 11 following a contract of 84", role, r -> {
                Map<String, Object> next = scheme(PARIS);
                next.put("previousRef",
                        SchemeFixtures.admin().get("/api/v1/schemes/" + made(ECHIROLLES)).jsonPath().getString("ref"));
                next.put("generation", 3);
                return as(r).body(next).post("/api/v1/schemes").statusCode();
            }, Map.of("admin", 201, "ars84", 403, "ars11", 403).get(role)));
            cases.add(new Case("POST /schemes/import in 11 following a contract of 84", role, r -> {
                Map<String, Object> next = scheme(PARIS);
                next.put("previousRef",
                        SchemeFixtures.admin().get("/api/v1/schemes/" + made(ECHIROLLES)).jsonPath().getString("ref"));
                next.put("generation", 3);
                return as(r).body(List.of(next)).post("/api/v1/schemes/import").statusCode();
            }, Map.of("admin", 200, "ars84", 403, "ars11", 403).get(role)));
        }
        cases.add(new Case("PUT /schemes/{id} own scheme (a proposal)", "coordinator", r -> as(r)
                .body(SchemeFixtures.admin().get("/api/v1/schemes/" + echirolles).jsonPath().getMap(""))
                .put("/api/v1/schemes/" + echirolles)
                .statusCode(), 202));

        try {
            List<String> wrong = new ArrayList<>();
            for (Case c : cases) {
                int status = c.send().apply(c.role());
                if (status != c.expected()) {
                    wrong.add(c.endpoint() + " as " + c.role() + ": " + status + " instead of " + c.expected());
                }
            }
            assertThat(wrong).as("cases answered otherwise than the matrix").isEmpty();
            // Refused imports wrote nothing: no scheme of these tests lies in Paris but those the admin made.
            assertThat(given().get("/api/v1/schemes?commune=" + PARIS + "&size=200").jsonPath().<String> getList("items.ref"))
                    .allSatisfy(ref -> assertThat(ref).startsWith("roles-"));
        } finally {
            // Proposals left pending by the cases are closed, so that other tests see an empty queue.
            for (Integer pending : SchemeFixtures.admin().get("/api/v1/changes").jsonPath().<Integer> getList("id")) {
                SchemeFixtures.admin().body(Map.of("reason", "test")).post("/api/v1/changes/" + pending + "/reject").then()
                        .statusCode(200);
            }
            for (String ref : given().get("/api/v1/schemes?size=200").jsonPath().<String> getList("items.ref")) {
                if (ref.startsWith("roles-")) {
                    SchemeFixtures.admin().delete("/api/v1/schemes/" + idOf(ref)).then().statusCode(204);
                }
            }
            fr.dynamiques.sante.search.Indexing.await();
        }
    }

    /** A page request as this role: its session cookie and its session's form token (none for the anonymous). */
    private static RequestSpecification page(String role) {
        RequestSpecification request = given().redirects().follow(false);
        if (role.equals("anonymous")) {
            return request.formParam("csrf", "none");
        }
        String session = sessions.get(role);
        return request.cookie("session", session).formParam("csrf", SignedInPagesTest.csrf(session));
    }

    /** A fresh pending proposal of the coordinator on their scheme (Échirolles, in 84). */
    private static long proposal() {
        long echirolles = idOf("demo-cls-echirolles");
        return as("coordinator").body(SchemeFixtures.admin().get("/api/v1/schemes/" + echirolles).jsonPath().getMap(""))
                .put("/api/v1/schemes/" + echirolles).then().statusCode(202).extract().jsonPath().getLong("change");
    }

    @Test
    void tokensAreStoredHashedAndStopWorkingWhenRevokedOrExpired() throws Exception {
        String token = tokens.get("ars84");
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from access_token where hash = :hash").setParameter("hash", hash).getSingleResult())
                .longValue());
        assertThat(stored).isEqualTo(1);
        long plain = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from access_token where hash = :token").setParameter("token", token).getSingleResult())
                .longValue());
        assertThat(plain).isZero();

        // A token of its own, revoked: refused from then on.
        long me = accounts.get("ars84");
        Map<String, Object> issued = as("ars84").body(Map.of("label", "to revoke")).post("/api/v1/users/" + me + "/tokens")
                .then().statusCode(201).extract().jsonPath().getMap("");
        RequestSpecification withIt = given().contentType(ContentType.JSON).header("Authorization",
                "Bearer " + issued.get("token"));
        withIt.body(List.of(scheme(ECHIROLLES))).post("/api/v1/schemes/import?dryRun=true").then().statusCode(200);
        as("ars84").delete("/api/v1/users/" + me + "/tokens/" + issued.get("id")).then().statusCode(204);
        // Refused as an invalid token (RFC 6750): 401 with error="invalid_token".
        given().header("Authorization", "Bearer " + issued.get("token")).contentType(ContentType.JSON)
                .body(List.of(scheme(ECHIROLLES)))
                .post("/api/v1/schemes/import?dryRun=true").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"));

        // An expired token: refused.
        Map<String, Object> other = as("ars84").body(Map.of("days", 1)).post("/api/v1/users/" + me + "/tokens")
                .then().statusCode(201).extract().jsonPath().getMap("");
        QuarkusTransaction.requiringNew()
                .run(() -> em
                        .createNativeQuery("update access_token set expires_at = now() - interval '1 second' where id = :id")
                        .setParameter("id", ((Number) other.get("id")).longValue()).executeUpdate());
        given().header("Authorization", "Bearer " + other.get("token")).contentType(ContentType.JSON)
                .body(List.of(scheme(ECHIROLLES)))
                .post("/api/v1/schemes/import?dryRun=true").then().statusCode(401);
        // The configuration's admin token keeps working (bootstrap).
        SchemeFixtures.admin().get("/api/v1/users").then().statusCode(200);
    }

    /** A signed-in page reached through a path that routing normalises is still never stored. */
    @Test
    void aSignedInPageReachedThroughDotSegmentsIsNotStored() {
        var answer = given().urlEncodingEnabled(false).cookie("session", sessions.get("ars84")).get("/api/%2e%2e/espace");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    /** A successor made within one's scope: the predecessor's trail says so, and its revision moves. */
    @Test
    void followingAContractIsRecordedInThePredecessorsTrail() {
        long previous = made(ECHIROLLES);
        String ref = SchemeFixtures.admin().get("/api/v1/schemes/" + previous).jsonPath().getString("ref");
        String tag = given().get("/api/v1/schemes/" + previous).header("ETag");
        int trail = SchemeFixtures.admin().get("/api/v1/schemes/" + previous + "/history").jsonPath().getList("").size();
        Map<String, Object> next = scheme(ECHIROLLES);
        next.put("previousRef", ref);
        next.put("generation", 3);
        long successor = as("ars84").body(next).post("/api/v1/schemes").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        try {
            List<Map<String, Object>> after = SchemeFixtures.admin().get("/api/v1/schemes/" + previous + "/history").jsonPath()
                    .getList("");
            assertThat(after).hasSize(trail + 1);
            assertThat(after.get(after.size() - 1).toString()).contains("successor").contains((String) next.get("ref"));
            assertThat(given().get("/api/v1/schemes/" + previous).header("ETag")).isNotEqualTo(tag);
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + successor).then().statusCode(204);
            SchemeFixtures.admin().delete("/api/v1/schemes/" + previous).then().statusCode(204);
        }
    }

    /** A partner creates schemes of its régions; its changes to records already there wait for the ARS's approval. */
    @Test
    void aPartnersImportProposesItsChangesToExistingRecords() {
        long existing = made(ECHIROLLES);
        Map<String, Object> changed = new LinkedHashMap<>(
                SchemeFixtures.admin().get("/api/v1/schemes/" + existing).jsonPath().getMap(""));
        String description = (String) changed.get("description");
        changed.put("description", "Changée par un partenaire.");
        Map<String, Object> created = scheme(ECHIROLLES);
        try {
            as("partner84").body(List.of(changed, created)).post("/api/v1/schemes/import?dryRun=true").then().statusCode(200)
                    .body("created", org.hamcrest.Matchers.equalTo(1)).body("proposed", org.hamcrest.Matchers.equalTo(1))
                    .body("updated", org.hamcrest.Matchers.equalTo(0));
            as("partner84").body(List.of(changed, created)).post("/api/v1/schemes/import").then().statusCode(200)
                    .body("created", org.hamcrest.Matchers.equalTo(1)).body("proposed", org.hamcrest.Matchers.equalTo(1));
            assertThat(given().get("/api/v1/schemes/" + existing).jsonPath().getString("description")).isEqualTo(description);
            List<Map<String, Object>> pending = as("ars84").get("/api/v1/changes").jsonPath()
                    .getList("findAll { it.schemeId == " + existing + " }");
            assertThat(pending).hasSize(1);
            as("ars84").post("/api/v1/changes/" + pending.get(0).get("id") + "/approve").then().statusCode(200);
            assertThat(given().get("/api/v1/schemes/" + existing).jsonPath().getString("description"))
                    .isEqualTo("Changée par un partenaire.");
            // The same file again: nothing left to propose.
            as("partner84").body(List.of(given().get("/api/v1/schemes/" + existing).jsonPath().getMap("")))
                    .post("/api/v1/schemes/import")
                    .then().statusCode(200).body("proposed", org.hamcrest.Matchers.equalTo(0))
                    .body("updated", org.hamcrest.Matchers.equalTo(0));
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + existing).then().statusCode(204);
            SchemeFixtures.admin().delete("/api/v1/schemes/" + idOf((String) created.get("ref"))).then().statusCode(204);
        }
    }

    /** Imports, dry runs included, are counted per account: past the limit, a 429 that says when to come back. */
    @Test
    void importsAreThrottledPerAccount() {
        account("importer84", "ARS", List.of("84"), List.of());
        for (int i = 0; i < fr.dynamiques.sante.account.Throttle.IMPORTS_PER_ACCOUNT; i++) {
            assertThat(as("importer84").body(List.of()).post("/api/v1/schemes/import?dryRun=true").statusCode()).isEqualTo(400);
        }
        as("importer84").body(List.of()).post("/api/v1/schemes/import?dryRun=true").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", "900");
        // Another account is not held back by this one.
        as("ars84").body(List.of()).post("/api/v1/schemes/import?dryRun=true").then().statusCode(400);
    }

    @Test
    void accountsAreCheckedBeforeTheyExist() {
        SchemeFixtures.admin()
                .body(Map.of("email", "not-an-email", "displayName", "", "role", "KING", "regions", List.of("99")))
                .post("/api/v1/users").then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().<String> getList("errors.field")
                .containsAll(List.of("email", "displayName", "role", "regions"));
        SchemeFixtures.admin()
                .body(Map.of("email", "ARS84@example.org", "displayName", "Again", "role", "ARS", "regions", List.of("84")))
                .post("/api/v1/users").then().statusCode(409);
        SchemeFixtures.admin().body(Map.of("email", "lonely@example.org", "displayName", "Lonely", "role", "COORDINATOR"))
                .post("/api/v1/users").then().statusCode(400);
    }
}
