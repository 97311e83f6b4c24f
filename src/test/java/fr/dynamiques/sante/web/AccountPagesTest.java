package fr.dynamiques.sante.web;

import static fr.dynamiques.sante.web.SignedInPagesTest.PASSWORD;
import static fr.dynamiques.sante.web.SignedInPagesTest.account;
import static fr.dynamiques.sante.web.SignedInPagesTest.csrf;
import static fr.dynamiques.sante.web.SignedInPagesTest.idOf;
import static fr.dynamiques.sante.web.SignedInPagesTest.page;
import static fr.dynamiques.sante.web.SignedInPagesTest.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.restassured.specification.RequestSpecification;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;

/**
 * The accounts pages of admins and ARS officers: creating an account from a request, within the officer's scope only;
 * tokens issued and revoked on the page as the API's; who may edit which scheme; forms refused without their token or
 * with bad input, nothing written.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
public class AccountPagesTest {

    @Inject
    EntityManager em;

    /** A request waiting for an account on the scheme, as the public form leaves it. */
    private long request(long scheme, String name, String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("insert into account_request (scheme_id, name, "
                        + "email, created_at) values (?1, ?2, ?3, now()) returning id").setParameter(1, scheme)
                        .setParameter(2, name)
                        .setParameter(3, email).getSingleResult()).longValue());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static RequestSpecification as(String session) {
        return given().cookie(Visitor.SESSION, session).redirects().follow(false).formParam("csrf", csrf(session));
    }

    /** The creation form posted with these fields (the session's token added). */
    private static Response create(String session, Map<String, ?> fields) {
        RequestSpecification request = as(session);
        fields.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(v -> request.formParam(name, v));
            } else {
                request.formParam(name, value);
            }
        });
        return request.post("/espace/comptes/nouveau");
    }

    private static Map<String, Object> user(String email) {
        return SchemeFixtures.admin().get("/api/v1/users").jsonPath().<Map<String, Object>> getList("")
                .stream().filter(u -> email.equals(u.get("email"))).findFirst().orElse(null);
    }

    @Test
    void anArsOfficerCreatesACoordinatorAccountFromARequest() {
        long scheme = idOf("demo-cls-echirolles");
        account("accpages-ars84@example.org", "ARS", List.of("84"), List.of());
        String ars84 = session("accpages-ars84@example.org");
        long request = request(scheme, "Camille Demande", "accpages-camille@example.org");

        // Linked from the space, in general and from the request.
        Document space = page(ars84, "/espace");
        assertThat(space.select("section:has(#demandes) a[href=/espace/comptes]")).hasSize(1);
        assertThat(space.select("a[href=/espace/comptes/nouveau?demande=" + request + "]")).hasSize(1);
        Element listed = page(ars84, "/espace/comptes")
                .selectFirst("section:has(#demandes) li:has(a[href=mailto:accpages-camille@example.org])");
        assertThat(listed).isNotNull();
        Element link = listed.selectFirst("a[href=/espace/comptes/nouveau?demande=" + request + "]");
        assertThat(link.text()).isEqualTo("Créer le compte");

        // Prefilled from the request; an officer is offered coordinator and partner accounts only.
        Document form = page(ars84, link.attr("href"));
        assertThat(form.selectFirst("#email").val()).isEqualTo("accpages-camille@example.org");
        assertThat(form.selectFirst("#displayName").val()).isEqualTo("Camille Demande");
        assertThat(form.selectFirst("#role-COORDINATOR").hasAttr("checked")).isTrue();
        assertThat(form.select("input[name=role]").eachAttr("value")).containsExactly("COORDINATOR", "PARTNER");
        assertThat(form.selectFirst("#schemes").val()).isEqualTo(String.valueOf(scheme));
        assertThat(form.selectFirst("input[name=demande]").val()).isEqualTo(String.valueOf(request));
        assertThat(form.select("#regions input[name=regions]").eachAttr("value")).containsExactly("84");
        assertThat(form.selectFirst("label[for=password]")).isNotNull();

        Response created = create(ars84, Map.of("demande", String.valueOf(request), "email", "accpages-camille@example.org",
                "displayName", "Camille Demande", "role", "COORDINATOR", "schemes", String.valueOf(scheme), "password",
                PASSWORD));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/espace/comptes?fait=cree-demande");
        // The request served its purpose: erased. The account coordinates the scheme and signs in.
        assertThat(count("select count(*) from account_request where id = " + request)).isZero();
        Map<String, Object> account = user("accpages-camille@example.org");
        assertThat(account).containsEntry("role", "COORDINATOR").containsEntry("schemes", List.of((int) scheme));
        assertThat(SignedInPagesTest.signIn("accpages-camille@example.org", PASSWORD).statusCode()).isEqualTo(303);
        // Recorded as the API records it: created by an ARS officer.
        assertThat(
                SchemeFixtures.admin().get("/api/v1/users/" + account.get("id") + "/history").jsonPath().getList("actorRole"))
                .containsExactly("ARS");
        // The coordinator's account does not reach the accounts pages.
        String coordinator = session("accpages-camille@example.org");
        given().cookie(Visitor.SESSION, coordinator).get("/espace/comptes").then().statusCode(403);
        given().redirects().follow(false).get("/espace/comptes").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/connexion"));

        // Without a password: created, API tokens only (no sign-in to the pages).
        assertThat(create(ars84, Map.of("email", "accpages-nopassword@example.org", "displayName", "Sans mot de passe",
                "role", "COORDINATOR", "schemes", String.valueOf(scheme))).statusCode()).isEqualTo(303);
        assertThat(user("accpages-nopassword@example.org")).isNotNull();
    }

    @Test
    void anArsOfficerCreatesNothingBeyondTheirRegions() {
        long inside = idOf("demo-cls-echirolles");
        long outside = idOf("demo-cls-vitry-sur-seine");
        account("accpages-scope84@example.org", "ARS", List.of("84"), List.of());
        account("accpages-scope11@example.org", "ARS", List.of("11"), List.of());
        String ars84 = session("accpages-scope84@example.org");

        Response admin = create(ars84,
                Map.of("email", "accpages-would-admin@example.org", "displayName", "X", "role", "ADMIN"));
        assertThat(admin.statusCode()).isEqualTo(403);
        Document refused = Jsoup.parse(admin.asString());
        assertThat(refused.selectFirst("#role-error")).isNotNull();
        assertThat(refused.select("[role=alert] a[href=#role]")).hasSize(1);
        assertThat(refused.selectFirst("#email").val()).isEqualTo("accpages-would-admin@example.org");
        assertThat(create(ars84,
                Map.of("email", "accpages-would-ars@example.org", "displayName", "X", "role", "ARS", "regions", "84"))
                .statusCode()).isEqualTo(403);
        Response elsewhere = create(ars84, Map.of("email", "accpages-would-coordinate@example.org", "displayName", "X",
                "role", "COORDINATOR", "schemes", inside + ", " + outside));
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(elsewhere.asString()).selectFirst("#schemes").attr("aria-invalid")).isEqualTo("true");
        assertThat(create(ars84, Map.of("email", "accpages-would-partner@example.org", "displayName", "X", "role", "PARTNER",
                "regions", List.of("84", "11"))).statusCode()).isEqualTo(403);
        for (String email : List.of("admin", "ars", "coordinate", "partner")) {
            assertThat(user("accpages-would-" + email + "@example.org")).as(email).isNull();
        }
        // A partner of its own région: allowed.
        assertThat(create(ars84,
                Map.of("email", "accpages-partner84@example.org", "displayName", "Partenaire 84", "role", "PARTNER",
                        "regions", "84"))
                .statusCode()).isEqualTo(303);
        assertThat(user("accpages-partner84@example.org")).containsEntry("regions", List.of("84"));

        // Another région's officer neither sees the request nor opens it.
        long request = request(inside, "Dominique Ailleurs", "accpages-dominique@example.org");
        String ars11 = session("accpages-scope11@example.org");
        assertThat(page(ars11, "/espace/comptes").select("a[href=mailto:accpages-dominique@example.org]")).isEmpty();
        given().cookie(Visitor.SESSION, ars11).get("/espace/comptes/nouveau?demande=" + request).then().statusCode(404);
        assertThat(create(ars11, Map.of("demande", String.valueOf(request), "email", "accpages-dominique@example.org",
                "displayName", "D", "role", "PARTNER", "regions", "11")).statusCode()).isEqualTo(404);
        assertThat(count("select count(*) from account_request where id = " + request)).isOne();
        assertThat(user("accpages-dominique@example.org")).isNull();
    }

    @Test
    void aTokenIssuedOnThePageWorksUntilRevokedThere() {
        long me = account("accpages-tokens@example.org", "ARS", List.of("84"), List.of());
        long other = account("accpages-other@example.org", "PARTNER", List.of("84"), List.of());
        String session = session("accpages-tokens@example.org");
        Element row = page(session, "/espace/comptes").selectFirst("#compte-" + me);
        assertThat(row.selectFirst("form[action=/espace/comptes/" + me + "/jetons]")).isNotNull();
        assertThat(row.selectFirst("input[name=days]").val()).isEqualTo("90");
        // Someone else's tokens are theirs or an admin's to issue, as in the API: listed, without the form.
        Element others = page(session, "/espace/comptes").selectFirst("#compte-" + other);
        assertThat(others).isNotNull();
        assertThat(others.select("form")).isEmpty();
        as(session).formParam("label", "x").post("/espace/comptes/" + other + "/jetons").then().statusCode(403);

        Response issued = as(session).formParam("label", "tableur ARS").formParam("days", "30")
                .post("/espace/comptes/" + me + "/jetons");
        assertThat(issued.statusCode()).isEqualTo(200);
        String secret = Jsoup.parse(issued.asString()).selectFirst("code#jeton").text();
        assertThat(secret).startsWith("dts_");
        given().header("Authorization", "Bearer " + secret).get("/api/v1/users/" + me).then().statusCode(200);
        // Shown once: the page lists the token without its secret.
        Document listed = page(session, "/espace/comptes");
        assertThat(listed.html()).doesNotContain(secret);
        Element token = listed.selectFirst("#compte-" + me + " li:contains(tableur ARS)");
        String revoke = token.selectFirst("form").attr("action");
        as(session).post(revoke).then().statusCode(303).header("Location",
                org.hamcrest.Matchers.endsWith("/espace/comptes?fait=revoque"));
        given().header("Authorization", "Bearer " + secret).get("/api/v1/users/" + me).then().statusCode(401);
        assertThat(page(session, "/espace/comptes").selectFirst("#compte-" + me + " li:contains(tableur ARS)").text())
                .contains("révoqué");
        assertThat(SchemeFixtures.admin().get("/api/v1/users/" + me + "/history").jsonPath().getList("action"))
                .containsSubsequence("TOKEN_ISSUE", "TOKEN_REVOKE");

        // A validity out of range: the form again, the field at fault marked, nothing issued.
        long tokens = count("select count(*) from access_token where account_id = " + me);
        Response bad = as(session).formParam("label", "trop long").formParam("days", "400")
                .post("/espace/comptes/" + me + "/jetons");
        assertThat(bad.statusCode()).isEqualTo(400);
        Document form = Jsoup.parse(bad.asString());
        assertThat(form.selectFirst("#days").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.selectFirst("#days").attr("aria-describedby")).isEqualTo("days-error");
        assertThat(form.selectFirst("#label").val()).isEqualTo("trop long");
        assertThat(as(session).formParam("days", "quatre-vingt-dix").post("/espace/comptes/" + me + "/jetons").statusCode())
                .isEqualTo(400);
        assertThat(count("select count(*) from access_token where account_id = " + me)).isEqualTo(tokens);
    }

    @Test
    void whoMayEditNamesTheRightAccounts() {
        long echirolles = idOf("demo-cls-echirolles");
        long vitry = idOf("demo-cls-vitry-sur-seine");
        account("accpages-editors-ars84@example.org", "ARS", List.of("84"), List.of());
        account("accpages-editors-ars11@example.org", "ARS", List.of("11"), List.of());
        account("accpages-editors-coordinator@example.org", "COORDINATOR", List.of(), List.of(String.valueOf(echirolles)));
        account("accpages-editors-elsewhere@example.org", "COORDINATOR", List.of(), List.of(String.valueOf(vitry)));
        account("accpages-editors-admin@example.org", "ADMIN", List.of(), List.of());

        Document ars84 = page(session("accpages-editors-ars84@example.org"), "/espace/comptes");
        Element row = ars84.selectFirst("section:has(#qui-modifie) tr:has(a[href=/dispositifs/" + echirolles + "])");
        assertThat(row.selectFirst("th[scope=row]")).isNotNull();
        assertThat(row.select("td").get(1).text()).contains("accpages-editors-ars84@example.org").doesNotContain("ars11");
        assertThat(row.select("td").get(2).text()).contains("accpages-editors-coordinator@example.org")
                .doesNotContain("elsewhere");
        assertThat(ars84.select("section:has(#qui-modifie) a[href=/dispositifs/" + vitry + "]")).as("not of its régions")
                .isEmpty();
        assertThat(ars84.selectFirst("section:has(#qui-modifie)").text()).contains("accpages-editors-admin@example.org");
        assertThat(ars84.selectFirst("section:has(#qui-modifie) caption")).isNotNull();
        // The accounts it oversees: itself and those of its régions only.
        List<String> overseen = ars84.select("section:has(#comptes) tbody th[scope=row] .meta").eachText();
        assertThat(overseen).contains("accpages-editors-ars84@example.org", "accpages-editors-coordinator@example.org")
                .doesNotContain("accpages-editors-ars11@example.org", "accpages-editors-elsewhere@example.org",
                        "accpages-editors-admin@example.org");

        Document admin = page(session("accpages-editors-admin@example.org"), "/espace/comptes");
        Element elsewhere = admin.selectFirst("section:has(#qui-modifie) tr:has(a[href=/dispositifs/" + vitry + "])");
        assertThat(elsewhere.select("td").get(1).text()).contains("accpages-editors-ars11@example.org").doesNotContain("ars84");
        assertThat(elsewhere.select("td").get(2).text()).contains("accpages-editors-elsewhere@example.org");
        assertThat(admin.select("section:has(#comptes) tbody th[scope=row] .meta").eachText())
                .contains("accpages-editors-ars11@example.org", "accpages-editors-elsewhere@example.org");
        // An admin may create any role.
        assertThat(page(session("accpages-editors-admin@example.org"), "/espace/comptes/nouveau").select("input[name=role]")
                .eachAttr("value"))
                .containsExactly("ADMIN", "ARS", "COORDINATOR", "PARTNER");
        assertThat(page(session("accpages-editors-admin@example.org"), "/espace/comptes?lang=en").selectFirst("h1").text())
                .isEqualTo("Accounts");
    }

    @Test
    void formsNeedTheTokenAndBadInputIsRefusedWithTheFieldAtFault() {
        account("accpages-form@example.org", "ARS", List.of("84"), List.of());
        String session = session("accpages-form@example.org");
        long scheme = idOf("demo-cls-echirolles");
        // Without the session's token: refused, nothing written.
        given().cookie(Visitor.SESSION, session).formParam("email", "accpages-forged@example.org").formParam("displayName", "F")
                .formParam("role", "COORDINATOR").formParam("schemes", String.valueOf(scheme)).post("/espace/comptes/nouveau")
                .then().statusCode(403);
        assertThat(user("accpages-forged@example.org")).isNull();

        Response bad = create(session,
                Map.of("email", "pas une adresse", "displayName", "Gardé tel quel", "role", "COORDINATOR",
                        "schemes", String.valueOf(scheme), "password", "court"));
        assertThat(bad.statusCode()).isEqualTo(400);
        Document form = Jsoup.parse(bad.asString());
        assertThat(form.selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.selectFirst("#email").attr("aria-describedby")).isEqualTo("email-error");
        assertThat(form.selectFirst("#email-error").text()).isEqualTo("donnez une adresse électronique valide");
        assertThat(form.selectFirst("#password").attr("aria-describedby")).contains("password-error");
        assertThat(form.select("[role=alert] a").eachAttr("href")).containsExactly("#email", "#password");
        assertThat(form.selectFirst("#displayName").val()).isEqualTo("Gardé tel quel");
        assertThat(form.selectFirst("#role-COORDINATOR").hasAttr("checked")).isTrue();
        assertThat(form.selectFirst("#password").val()).as("a password is never sent back").isEmpty();

        Response taken = create(session,
                Map.of("email", "ACCPAGES-form@example.org", "displayName", "Doublon", "role", "COORDINATOR",
                        "schemes", String.valueOf(scheme)));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(taken.asString()).selectFirst("#email-error").text())
                .isEqualTo("un compte utilise déjà cette adresse");
        assertThat(count("select count(*) from account where email = 'accpages-form@example.org'")).isOne();

        Response unknown = create(session,
                Map.of("email", "accpages-unknown@example.org", "displayName", "X", "role", "COORDINATOR",
                        "schemes", "no-such-scheme"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unknown.asString()).selectFirst("#schemes-error")).isNotNull();
        assertThat(user("accpages-unknown@example.org")).isNull();
    }
}
