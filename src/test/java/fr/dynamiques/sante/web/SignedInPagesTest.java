package fr.dynamiques.sante.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import fr.dynamiques.sante.account.Throttle;
import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;

/**
 * Signing in and the signed-in pages: cookie flags, no account enumeration, throttling, CSRF on every form, sign-out,
 * role and scope on page actions, security headers, and the "still accurate" confirmation.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
public class SignedInPagesTest {

    @Inject
    EntityManager em;

    public static final String PASSWORD = "un mot de passe assez long";

    /** An account with a password, made with the configuration's admin token. */
    public static long account(String email, String role, List<String> regions, List<String> schemes) {
        Map<String, Object> body = new LinkedHashMap<>(
                Map.of("email", email, "displayName", email, "role", role, "password", PASSWORD));
        body.put("regions", regions);
        body.put("schemes", schemes);
        return SchemeFixtures.admin().body(body).post("/api/v1/users").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    /**
     * The sign-in form's answer to these credentials, posted as a browser does: the form's token taken from the form, and
     * the page's origin in an Origin header (which cross-origin rules must not mistake for another site's request).
     */
    public static Response signIn(String email, String password) {
        Response form = given().get("/connexion");
        String token = Jsoup.parse(form.asString()).selectFirst("input[name=csrf]").val();
        return given().redirects().follow(false).cookie(SignInPage.FORM_COOKIE, form.cookie(SignInPage.FORM_COOKIE))
                .header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .formParam("email", email).formParam("password", password).formParam("csrf", token).post("/connexion");
    }

    public static String session(String email) {
        Response answer = signIn(email, PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(303);
        return answer.cookie(Visitor.SESSION);
    }

    public static Document page(String session, String path) {
        return Jsoup.parse(given().cookie(Visitor.SESSION, session).get(path).then().statusCode(200).extract().asString());
    }

    public static String csrf(String session) {
        return page(session, "/espace").selectFirst("input[name=csrf]").val();
    }

    static long idOf(String ref) {
        return given().get("/api/v1/schemes?ref=" + ref).then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    @Test
    void signingInSetsASafeSessionCookieAndSigningOutEndsIt() {
        account("pages-admin@example.org", "ADMIN", List.of(), List.of());
        Response answer = signIn("Pages-Admin@example.org", PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/espace");
        String setCookie = answer.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(Visitor.SESSION + "="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax").contains("Path=/");
        String session = answer.cookie(Visitor.SESSION);
        assertThat(page(session, "/espace").selectFirst("h1").text()).isEqualTo("Mon espace");

        // Signed-in pages are never stored; anonymous ones may be.
        assertThat(given().cookie(Visitor.SESSION, session).get("/espace").header("Cache-Control")).isEqualTo("no-store");
        assertThat(given().cookie(Visitor.SESSION, session).get("/").header("Cache-Control")).isEqualTo("no-store");
        assertThat(given().get("/connexion").header("Cache-Control")).isEqualTo("no-store");
        assertThat(given().get("/").header("Cache-Control")).isNull();

        // Signing out needs the form's token too: without it nothing happens, neither on the server nor to the cookie.
        Response refused = given().cookie(Visitor.SESSION, session).redirects().follow(false).formParam("csrf", "wrong")
                .post("/deconnexion");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith(Visitor.SESSION + "="));
        assertThat(page(session, "/espace").selectFirst("h1").text()).isEqualTo("Mon espace");
        // With it, the session ends on the server: the same cookie, sent again, opens nothing.
        given().cookie(Visitor.SESSION, session).redirects().follow(false).formParam("csrf", csrf(session)).post("/deconnexion")
                .then().statusCode(303);
        given().cookie(Visitor.SESSION, session).redirects().follow(false).get("/espace").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/connexion"));
    }

    /** Guesses sent at once are counted one after the other: no more than the limit is ever checked. */
    @Test
    void parallelGuessesAreThrottledToo() throws Exception {
        account("pages-parallel@example.org", "ARS", List.of("84"), List.of());
        java.time.Instant start = java.time.Instant.now();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int guess = i;
                answers.add(pool.submit(() -> signIn("pages-parallel@example.org", "parallel guess " + guess).statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(Throttle.PER_EMAIL);
        } finally {
            pool.shutdownNow();
            // The failures counted against this machine's address would throttle the other tests' sign-ins.
            String address = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest("address:127.0.0.1".getBytes(StandardCharsets.UTF_8)));
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("delete from sign_in_failure where key = :key and at >= :start")
                            .setParameter("key", address).setParameter("start", start).executeUpdate());
        }
    }

    @Test
    void aWrongEmailAndAWrongPasswordLookTheSameAndGuessingIsThrottled() throws Exception {
        account("pages-guessed@example.org", "ARS", List.of("84"), List.of());
        Response unknown = signIn("nobody-here@example.org", PASSWORD);
        Response wrong = signIn("pages-guessed@example.org", "not the password at all");
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(unknown.asString()).selectFirst("[role=alert]").text())
                .isEqualTo(Jsoup.parse(wrong.asString()).selectFirst("[role=alert]").text())
                .isEqualTo("Adresse ou mot de passe incorrect.");
        for (int i = 1; i < Throttle.PER_EMAIL; i++) {
            assertThat(signIn("pages-guessed@example.org", "guess " + i).statusCode()).isEqualTo(401);
        }
        // Five failures: even the right password waits now.
        assertThat(signIn("pages-guessed@example.org", PASSWORD).statusCode()).isEqualTo(429);
        // Failures counted by another directory process sharing the database throttle this one too.
        String shared = "pages-shared@example.org";
        account(shared, "ARS", List.of("84"), List.of());
        String key = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(("email:" + shared).getBytes(StandardCharsets.UTF_8)));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < Throttle.PER_EMAIL; i++) {
                em.createNativeQuery("insert into sign_in_failure (key, at) values (:key, now())").setParameter("key", key)
                        .executeUpdate();
            }
            // One from long ago, which the next failure sweeps away: the table holds one window of failures only.
            em.createNativeQuery("insert into sign_in_failure (key, at) values ('stale', now() - interval '1 hour')")
                    .executeUpdate();
        });
        assertThat(signIn(shared, PASSWORD).statusCode()).isEqualTo(429);
        signIn("nobody-at-all@example.org", "wrong password again");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from sign_in_failure where key = 'stale'").getSingleResult()).intValue())).isZero();
        // A form without its cookie's token (another site posting it): refused.
        given().formParam("email", "pages-admin@example.org").formParam("password", PASSWORD).formParam("csrf", "x")
                .post("/connexion").then().statusCode(403);
    }

    @Test
    void formsNeedTheSessionsTokenAndActionsStayWithinScope() {
        Map<String, Object> body = SchemeFixtures.cls("pages-stale");
        body.put("lastVerified", "2024-01-15");
        long scheme = SchemeFixtures.create(body);
        try {
            account("pages-ars84@example.org", "ARS", List.of("84"), List.of());
            account("pages-ars11@example.org", "ARS", List.of("11"), List.of());
            String ars84 = session("pages-ars84@example.org");
            String ars11 = session("pages-ars11@example.org");
            // Not checked for a year: listed for the ARS of its région and on /echeances.
            assertThat(page(ars84, "/espace").select("section:has(#a-verifier) a").eachAttr("href"))
                    .contains("/dispositifs/" + scheme);
            assertThat(page(ars11, "/espace").select("a[href=/dispositifs/" + scheme + "]")).isEmpty();
            assertThat(Jsoup.parse(given().get("/echeances?region=84").asString()).select("section:has(#non-verifiees) a")
                    .eachAttr("href"))
                    .contains("/dispositifs/" + scheme);
            assertThat(Jsoup.parse(given().get("/echeances?region=84").asString())
                    .select("section:has(#non-verifiees) li:has(a[href=/dispositifs/"
                            + scheme + "])")
                    .text()).contains("vérifiée le 15 janvier 2024");
            // The database filters that list by région and kind, as the rest of the page.
            for (String elsewhere : List.of("/echeances?region=11", "/echeances?region=84&kind=CLSM")) {
                assertThat(Jsoup.parse(given().get(elsewhere).asString()).select("a[href=/dispositifs/" + scheme + "]"))
                        .as(elsewhere).isEmpty();
            }

            // Without the token, or with another session's: 403, nothing changes.
            given().cookie(Visitor.SESSION, ars84).post("/espace/dispositifs/" + scheme + "/verifie").then().statusCode(403);
            given().cookie(Visitor.SESSION, ars84).formParam("csrf", csrf(ars11))
                    .post("/espace/dispositifs/" + scheme + "/verifie")
                    .then().statusCode(403);
            given().formParam("csrf", csrf(ars84)).post("/espace/dispositifs/" + scheme + "/verifie").then().statusCode(403);
            // Out of scope with a good token: 403.
            given().cookie(Visitor.SESSION, ars11).formParam("csrf", csrf(ars11))
                    .post("/espace/dispositifs/" + scheme + "/verifie")
                    .then().statusCode(403);
            assertThat(given().get("/api/v1/schemes/" + scheme).jsonPath().getString("lastVerified")).isEqualTo("2024-01-15");

            given().cookie(Visitor.SESSION, ars84).formParam("csrf", csrf(ars84)).redirects().follow(false)
                    .post("/espace/dispositifs/" + scheme + "/verifie").then().statusCode(303);
            assertThat(given().get("/api/v1/schemes/" + scheme).jsonPath().getString("lastVerified"))
                    .isEqualTo(LocalDate.now().toString());
            assertThat(page(ars84, "/espace").select("section:has(#a-verifier) a[href=/dispositifs/" + scheme + "]")).isEmpty();
            // The trail shows on the scheme's page to those who answer for it, not to the public.
            assertThat(page(ars84, "/dispositifs/" + scheme).select("section:has(#modifications) tbody tr").text())
                    .contains("lastVerified");
            assertThat(Jsoup.parse(given().get("/dispositifs/" + scheme).asString()).select("#modifications")).isEmpty();
            given().cookie(Visitor.SESSION, ars11).get("/espace/dispositifs/" + scheme + "/modifier").then().statusCode(403);
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void anEditFormOpenedBeforeAnotherChangeSaysSoAndOverwritesNothing() {
        long scheme = SchemeFixtures.create(SchemeFixtures.cls("pages-concurrent"));
        try {
            account("pages-editor@example.org", "ARS", List.of("84"), List.of());
            String session = session("pages-editor@example.org");
            String version = page(session, "/espace/dispositifs/" + scheme + "/modifier").selectFirst("input[name=version]")
                    .val();
            // The registry's revision of the scheme, not a digest of what the reader may not see.
            assertThat(version).matches("\\d+");
            // Meanwhile, someone else publishes a change through the API.
            Map<String, Object> body = new LinkedHashMap<>(
                    SchemeFixtures.admin().get("/api/v1/schemes/" + scheme).jsonPath().getMap(""));
            body.put("description", "Publiée entre-temps.");
            SchemeFixtures.admin().body(body).put("/api/v1/schemes/" + scheme).then().statusCode(200);

            Response stale = submitEdit(session, scheme, version, "Écrite sur l'ancienne version.");
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(Jsoup.parse(stale.asString()).selectFirst("h1").text()).contains("a changé");
            assertThat(given().get("/api/v1/schemes/" + scheme).jsonPath().getString("description"))
                    .isEqualTo("Publiée entre-temps.");

            // Reopened, the form carries the current version and publishes.
            String fresh = page(session, "/espace/dispositifs/" + scheme + "/modifier").selectFirst("input[name=version]")
                    .val();
            assertThat(submitEdit(session, scheme, fresh, "Écrite sur la version à jour.").statusCode()).isEqualTo(303);
            assertThat(given().get("/api/v1/schemes/" + scheme).jsonPath().getString("description"))
                    .isEqualTo("Écrite sur la version à jour.");
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme).then().statusCode(204);
            Indexing.await();
        }
    }

    /** The scheme's edit form, opened on {@code version}, sent back with another description. */
    private static Response submitEdit(String session, long scheme, String version, String description) {
        return PageForm.of(page(session, "/espace/dispositifs/" + scheme + "/modifier"), "form.edit").set("version", version)
                .set("description", description).submit(session, "enregistrer");
    }

    @Test
    void pagesSendSecurityHeaders() {
        Response home = given().get("/");
        assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'")
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(given().get("/static/site.js").header("Content-Security-Policy")).isNotNull();
        // Pages built as a Response say their type, charset and language like the others.
        Response request = given().get("/connexion/demande?dispositif=" + idOf("demo-cls-echirolles"));
        assertThat(request.header("Content-Type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(request.header("Content-Language")).isEqualTo("fr");
        assertThat(request.header("Vary")).contains("Accept-Encoding");
    }

    @Test
    void aCoordinatorWithdrawsConsentFromTheirSpace() {
        Map<String, Object> body = SchemeFixtures.cls("pages-consent");
        body.put("coordinators",
                List.of(Map.of("firstName", "Alix", "lastName", "Consentante", "email", "pages-consent@example.org",
                        "title", "Coordinatrice", "publicContact", true)));
        long scheme = SchemeFixtures.create(body);
        try {
            account("pages-consent@example.org", "COORDINATOR", List.of(), List.of(String.valueOf(scheme)));
            String session = session("pages-consent@example.org");
            assertThat(given().get("/api/v1/schemes/" + scheme).jsonPath().getString("coordinators[0].lastName"))
                    .isEqualTo("Consentante");
            Document space = page(session, "/espace");
            assertThat(space.select("#mes-donnees")).hasSize(1);
            given().formParam("csrf", "forged").cookie(Visitor.SESSION, session).post("/espace/consentement/retrait").then()
                    .statusCode(403);
            assertThat(given().get("/api/v1/schemes/" + scheme).jsonPath().getString("coordinators[0].lastName"))
                    .isEqualTo("Consentante");

            given().formParam("csrf", csrf(session)).cookie(Visitor.SESSION, session).redirects().follow(false)
                    .post("/espace/consentement/retrait").then().statusCode(303);
            assertThat(given().get("/api/v1/schemes/" + scheme).jsonPath().getString("coordinators[0].lastName")).isNull();
            assertThat(given().get("/dispositifs/" + scheme).asString()).doesNotContain("Consentante");
            assertThat(page(session, "/espace").select("#mes-donnees")).isEmpty();
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme).then().statusCode(204);
            Indexing.await();
        }
    }

    /** An account request from the form (its cookie token, as a browser sends it). */
    private static Response askForAccount(long scheme, String name, String email) {
        Response form = given().get("/connexion/demande?dispositif=" + scheme);
        assertThat(form.statusCode()).isEqualTo(200);
        String token = Jsoup.parse(form.asString()).selectFirst("input[name=csrf]").val();
        return given().redirects().follow(false).cookie(SignInPage.FORM_COOKIE, form.cookie(SignInPage.FORM_COOKIE))
                .formParam("csrf", token).formParam("dispositif", String.valueOf(scheme)).formParam("name", name)
                .formParam("email", email).formParam("message", "coordinatrice depuis 2024").post("/connexion/demande");
    }

    @Test
    void aCoordinatorAsksForAnAccountAndTheRegionsArsSeesAndClosesTheRequest() {
        long scheme = idOf("demo-cls-echirolles");
        assertThat(Jsoup.parse(given().get("/dispositifs/" + scheme).asString())
                .select("a[href=/connexion/demande?dispositif=" + scheme + "]"))
                .hasSize(1);
        assertThat(Jsoup.parse(given().get("/connexion").asString()).text()).contains("Demander un compte pour ce dispositif");
        // Without the form's token: refused, nothing recorded.
        given().formParam("dispositif", String.valueOf(scheme)).formParam("name", "X").formParam("email", "x@example.org")
                .post("/connexion/demande").then().statusCode(403);
        Response bad = askForAccount(scheme, "Camille Exemple", "pas une adresse");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.asString()).select(".errors a[href=#email]")).hasSize(1);
        Response sent = askForAccount(scheme, "Camille Exemple", "camille.request@example.org");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(sent.asString()).selectFirst("[role=status]").text()).contains("Votre demande est enregistrée");
        // From one address, a few requests in a quarter of an hour, whatever the emails: then a 429 that says why.
        for (int i = 1; i < Throttle.REQUESTS_PER_ADDRESS; i++) {
            assertThat(askForAccount(scheme, "Flot " + i, "flood" + i + ".request@example.org").statusCode()).isEqualTo(200);
        }
        Response flooded = askForAccount(scheme, "Flot", "flood.request@example.org");
        assertThat(flooded.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(flooded.asString()).text()).contains("Trop de demandes");
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from account_request where email like 'flood%'").executeUpdate());

        account("request-ars84@example.org", "ARS", List.of("84"), List.of());
        account("request-ars11@example.org", "ARS", List.of("11"), List.of());
        String ars84 = session("request-ars84@example.org");
        String ars11 = session("request-ars11@example.org");
        Element request = page(ars84, "/espace")
                .selectFirst("section:has(#demandes) li:has(a[href=mailto:camille.request@example.org])");
        assertThat(request).as("the région's ARS sees the request").isNotNull();
        assertThat(request.text()).contains("Camille Exemple", "coordinatrice depuis 2024");
        assertThat(page(ars11, "/espace").select("a[href=mailto:camille.request@example.org]"))
                .as("another région's ARS does not").isEmpty();
        // A page of them, the oldest first, saying more wait.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into account_request (scheme_id, name, email, created_at) "
                        + "select ?1, 'Lot ' || n, 'lot' || n || '.request@example.org', now() + n * interval '1 second' "
                        + "from generate_series(1, 60) n").setParameter(1, scheme).executeUpdate());
        Document crowded = page(ars84, "/espace");
        assertThat(crowded.select("section:has(#demandes) li")).hasSize(SpacePage.REQUESTS_SHOWN);
        assertThat(Integer.parseInt(crowded.selectFirst("#demandes").text().replaceAll("\\D", ""))).isGreaterThanOrEqualTo(61);
        assertThat(crowded.select("section:has(#demandes)").text()).contains("Les 50 plus anciennes sont affichées");
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from account_request where email like 'lot%'").executeUpdate());
        String close = request.selectFirst("form").attr("action");
        given().cookie(Visitor.SESSION, ars11).formParam("csrf", csrf(ars11)).post(close).then().statusCode(404);
        given().cookie(Visitor.SESSION, ars84).formParam("csrf", csrf(ars84)).redirects().follow(false).post(close).then()
                .statusCode(303);
        assertThat(page(ars84, "/espace").select("a[href=mailto:camille.request@example.org]")).as("closed: erased").isEmpty();
        assertThat(((Number) em
                .createNativeQuery("select count(*) from account_request where email = 'camille.request@example.org'")
                .getSingleResult()).intValue()).isZero();
    }
}
