package fr.dynamiques.sante.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.web.SignedInPagesTest;

/**
 * Closing accounts: someone leaving an ARS is deactivated or deleted (by an admin or by themselves), and from that
 * moment their tokens, their sessions and their password open nothing; each step is in the account's trail.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class AccountClosingTest {

    private static String token(long account) {
        return SchemeFixtures.admin().body(Map.of("label", "closing")).post("/api/v1/users/" + account + "/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");
    }

    private static int importAs(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(List.of(SchemeFixtures.cls("closing-dry-run"))).post("/api/v1/schemes/import?dryRun=true").statusCode();
    }

    private static int spaceWith(String session) {
        return given().redirects().follow(false).cookie("session", session).get("/espace").statusCode();
    }

    private static List<String> trail(long account) {
        return SchemeFixtures.admin().get("/api/v1/users/" + account + "/history").then().statusCode(200)
                .extract().jsonPath().getList("action");
    }

    @Test
    void anAdminDeactivatesAnAccountAndEveryCredentialStopsAtOnce() {
        long account = SignedInPagesTest.account("closing-leaving@example.org", "ARS", List.of("84"), List.of());
        String token = token(account);
        String session = SignedInPagesTest.session("closing-leaving@example.org");
        assertThat(importAs(token)).isEqualTo(200);
        assertThat(spaceWith(session)).isEqualTo(200);

        SchemeFixtures.admin().post("/api/v1/users/" + account + "/deactivate").then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(false));
        assertThat(importAs(token)).isEqualTo(401);
        assertThat(spaceWith(session)).as("the session ended: back to the sign-in").isEqualTo(303);
        // The password signs in no more, with the same answer as a wrong one.
        Response signIn = SignedInPagesTest.signIn("closing-leaving@example.org", SignedInPagesTest.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(401);

        // Reactivated by an admin: the password works again, the revoked token stays revoked.
        SchemeFixtures.admin().post("/api/v1/users/" + account + "/reactivate").then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(true));
        assertThat(SignedInPagesTest.signIn("closing-leaving@example.org", SignedInPagesTest.PASSWORD).statusCode())
                .isEqualTo(303);
        assertThat(importAs(token)).isEqualTo(401);
        assertThat(trail(account)).containsExactly("CREATE", "TOKEN_ISSUE", "DEACTIVATE", "REACTIVATE");
    }

    @Test
    void anAccountDeletesItselfAndOnlyAnAdminMayCloseAnother() {
        long leaving = SignedInPagesTest.account("closing-self@example.org", "PARTNER", List.of("84"), List.of());
        long other = SignedInPagesTest.account("closing-other@example.org", "PARTNER", List.of("84"), List.of());
        String token = token(leaving);
        String otherToken = token(other);
        // Another account, not an admin: 403 for deactivation, deletion and reactivation alike.
        given().header("Authorization", "Bearer " + otherToken).post("/api/v1/users/" + leaving + "/deactivate").then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + otherToken).delete("/api/v1/users/" + leaving).then().statusCode(403);
        given().header("Authorization", "Bearer " + token).post("/api/v1/users/" + leaving + "/reactivate").then()
                .statusCode(403);
        given().post("/api/v1/users/" + leaving + "/deactivate").then().statusCode(401);
        assertThat(importAs(token)).isEqualTo(200);

        given().header("Authorization", "Bearer " + token).delete("/api/v1/users/" + leaving).then().statusCode(204);
        assertThat(importAs(token)).isEqualTo(401);
        SchemeFixtures.admin().get("/api/v1/users/" + leaving).then().statusCode(404);
        assertThat(SchemeFixtures.admin().get("/api/v1/users").jsonPath().<String> getList("email"))
                .doesNotContain("closing-self@example.org");
        // The trail outlives the account: who deleted it is the account itself.
        Map<String, Object> deletion = SchemeFixtures.admin().get("/api/v1/users/" + leaving + "/history").jsonPath()
                .getMap("[-1]");
        assertThat(deletion).containsEntry("action", "DELETE").containsEntry("actorRole", "PARTNER");
        assertThat(((Number) deletion.get("actorId")).longValue()).isEqualTo(leaving);
        assertThat(importAs(otherToken)).as("the other account is untouched").isEqualTo(200);
    }

    @Test
    void someoneClosesTheirAccountFromTheirSpace() {
        long account = SignedInPagesTest.account("closing-page@example.org", "ARS", List.of("11"), List.of());
        String session = SignedInPagesTest.session("closing-page@example.org");
        String csrf = SignedInPagesTest.csrf(session);
        assertThat(Jsoup.parse(given().cookie("session", session).get("/espace").asString())
                .select("form[action=/espace/compte/suppression]")).hasSize(1);
        // Without the form's token: refused, the account stays.
        given().cookie("session", session).redirects().follow(false).post("/espace/compte/suppression").then().statusCode(403);
        SchemeFixtures.admin().get("/api/v1/users/" + account).then().statusCode(200);

        Response closed = given().cookie("session", session).formParam("csrf", csrf).redirects().follow(false)
                .post("/espace/compte/suppression");
        assertThat(closed.statusCode()).isEqualTo(303);
        closed.then().header("Location", endsWith("/?compte=supprime"));
        assertThat(closed.headers().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("session=;").contains("Max-Age=0"));
        assertThat(spaceWith(session)).isEqualTo(303);
        SchemeFixtures.admin().get("/api/v1/users/" + account).then().statusCode(404);
        assertThat(trail(account)).endsWith("DELETE");
    }
}
