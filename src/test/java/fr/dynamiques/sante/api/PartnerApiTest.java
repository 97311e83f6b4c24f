package fr.dynamiques.sante.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;

/**
 * What a partner integrating the API relies on beyond the data: validators and 304s, If-Match against lost updates,
 * cache directives, CORS for web applications, a change feed to mirror the registry, 400 for unknown parameters,
 * the open data's licence, and compression.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class PartnerApiTest {

    @Inject
    DataSource dataSource;

    static final String PARTNER_ORIGIN = "https://partenaire.example.org";

    private static Map<String, Object> current(long id) {
        return new LinkedHashMap<>(SchemeFixtures.admin().get("/api/v1/schemes/" + id).jsonPath().getMap(""));
    }

    @Test
    void aSchemeHasAnEtagAndAnUnchangedOneIsA304() {
        Map<String, Object> scheme = SchemeFixtures.cls("etag-read");
        scheme.put("coordinators", List.of(Map.of("firstName", "Noa", "lastName", "Discrète", "email", "noa.etag@example.org",
                "title", "Coordinatrice (fictive)", "publicContact", false)));
        long id = SchemeFixtures.create(scheme);
        try {
            Response first = given().get("/api/v1/schemes/" + id);
            String etag = first.header("ETag");
            // Compressed (REST Assured accepts gzip): a tag of its own, and answers vary on Accept-Encoding.
            assertThat(etag).matches("\"[A-Za-z0-9_-]{22}~gzip\"");
            assertThat(first.header("Vary")).contains("Accept-Encoding");
            String plain = given().config(io.restassured.RestAssured.config().decoderConfig(
                    io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders())).get("/api/v1/schemes/" + id)
                    .header("ETag");
            assertThat(plain).matches("\"[A-Za-z0-9_-]{22}\"").isEqualTo(etag.replace("~gzip", ""));
            assertThat(first.header("Last-Modified")).isNotBlank();
            assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");
            given().header("If-None-Match", etag).get("/api/v1/schemes/" + id).then().statusCode(304).header("ETag", etag);
            // If-None-Match compares weakly: a tag a proxy weakened still matches.
            given().header("If-None-Match", "W/" + etag).get("/api/v1/schemes/" + id).then().statusCode(304);
            given().header("If-None-Match", "\"something-else\"").get("/api/v1/schemes/" + id).then().statusCode(200);
            // The admin's view, with personal data, is another representation: another tag, kept private.
            Response full = SchemeFixtures.admin().get("/api/v1/schemes/" + id);
            assertThat(full.header("ETag")).isNotEqualTo(etag);
            assertThat(full.header("Cache-Control")).isEqualTo("private, no-cache");

            Map<String, Object> body = current(id);
            body.put("description", "Changed, so the tag moves.");
            String written = SchemeFixtures.admin().body(body).put("/api/v1/schemes/" + id).then().statusCode(200).extract()
                    .header("ETag");
            assertThat(written).isEqualTo(SchemeFixtures.admin().get("/api/v1/schemes/" + id).header("ETag"));
            given().header("If-None-Match", etag).get("/api/v1/schemes/" + id).then().statusCode(200)
                    .body("description", equalTo("Changed, so the tag moves."));
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
        }
    }

    @Test
    void twoEditorsCannotSilentlyOverwriteEachOther() {
        long id = SchemeFixtures.create(SchemeFixtures.cls("etag-lost-update"));
        // Both editors read the same version.
        Response read = SchemeFixtures.admin().get("/api/v1/schemes/" + id);
        String seen = read.header("ETag");
        Map<String, Object> first = new LinkedHashMap<>(read.jsonPath().getMap(""));
        Map<String, Object> second = new LinkedHashMap<>(read.jsonPath().getMap(""));
        first.put("description", "Written by the first editor.");
        second.put("description", "Written by the second editor.");

        SchemeFixtures.admin().header("If-Match", seen).body(first).put("/api/v1/schemes/" + id).then().statusCode(200);
        SchemeFixtures.admin().header("If-Match", seen).body(second).put("/api/v1/schemes/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        assertThat(current(id).get("description")).isEqualTo("Written by the first editor.");
        // A weak tag never matches (If-Match compares strongly); several tags, one current: it does.
        String now = SchemeFixtures.admin().get("/api/v1/schemes/" + id).header("ETag");
        SchemeFixtures.admin().header("If-Match", "W/" + now).body(second).put("/api/v1/schemes/" + id).then().statusCode(412);
        SchemeFixtures.admin().header("If-Match", seen + ", " + now).body(second).put("/api/v1/schemes/" + id).then()
                .statusCode(200);
        // DELETE too: a stale tag keeps the scheme, the current one removes it.
        SchemeFixtures.admin().header("If-Match", now).delete("/api/v1/schemes/" + id).then().statusCode(412);
        given().get("/api/v1/schemes/" + id).then().statusCode(200);
        String last = SchemeFixtures.admin().get("/api/v1/schemes/" + id).header("ETag");
        SchemeFixtures.admin().header("If-Match", last).delete("/api/v1/schemes/" + id).then().statusCode(204);
        Indexing.await();
    }

    @Test
    void listsExportsAndTerritoriesRevalidateAndSayHowLongToKeepThem() {
        for (String path : List.of("/api/v1/schemes?department=38", "/api/v1/schemes/export.json", "/api/v1/schemes/export.csv",
                "/api/v1/territories/communes/38151", "/api/v1/territories/communes/38151/schemes",
                "/api/v1/coverage?level=region")) {
            Response first = given().get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.header("ETag");
            assertThat(etag).as(path).isNotBlank();
            assertThat(first.header("Cache-Control")).as(path).startsWith("public, max-age=");
            assertThat(given().header("If-None-Match", etag).get(path).statusCode()).as(path).isEqualTo(304);
            assertThat(given().header("If-Modified-Since", first.header("Last-Modified")).get(path).statusCode()).as(path)
                    .isEqualTo(304);
        }
        String registry = given().get("/api/v1/schemes/export.json").header("ETag");
        String commune = given().get("/api/v1/territories/communes/38151").header("ETag");
        long id = SchemeFixtures.create(SchemeFixtures.cls("etag-registry-moves"));
        try {
            // A write moves the registry's validators, not the referential's.
            given().header("If-None-Match", registry).get("/api/v1/schemes/export.json").then().statusCode(200);
            given().header("If-None-Match", commune).get("/api/v1/territories/communes/38151").then().statusCode(304);
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
            Indexing.await();
        }
        // Answers that are not public reads are never stored: an issued token above all.
        assertThat(SchemeFixtures.admin().get("/api/v1/users").header("Cache-Control")).isEqualTo("no-store");
        assertThat(SchemeFixtures.admin().get("/api/v1/schemes?size=1").header("Cache-Control")).isEqualTo("private, no-cache");
    }

    @Test
    void webApplicationsOfOtherOriginsReadButDoNotWrite() {
        Response preflight = given().header("Origin", PARTNER_ORIGIN).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match").options("/api/v1/schemes");
        assertThat(preflight.statusCode()).isIn(200, 204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET").doesNotContain("PUT")
                .doesNotContain("POST");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");

        for (String method : List.of("PUT", "POST", "DELETE")) {
            Response write = given().header("Origin", PARTNER_ORIGIN).header("Access-Control-Request-Method", method)
                    .header("Access-Control-Request-Headers", "authorization,content-type").options("/api/v1/schemes");
            assertThat(write.header("Access-Control-Allow-Methods")).as(method).satisfiesAnyOf(
                    m -> assertThat(m).isNull(), m -> assertThat(m).doesNotContain(method));
            assertThat(write.header("Access-Control-Allow-Headers")).as(method).satisfiesAnyOf(
                    h -> assertThat(h).isNull(), h -> assertThat(h.toLowerCase()).doesNotContain("authorization"));
        }
        // A write sent anyway (not from a browser, which would have stopped at the preflight) gains nothing from CORS.
        Response write = given().header("Origin", PARTNER_ORIGIN).header("Authorization", "Bearer " + SchemeFixtures.TOKEN)
                .contentType("application/json").body(SchemeFixtures.cls("cors-write")).post("/api/v1/schemes");
        assertThat(write.header("Access-Control-Allow-Origin")).isNull();
        if (write.statusCode() == 201) {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + write.jsonPath().getLong("id")).then().statusCode(204);
        }
        // The pages are left alone: a same-origin form posted by a browser carries an Origin header too.
        assertThat(given().header("Origin", PARTNER_ORIGIN).get("/").header("Access-Control-Allow-Origin")).isNull();
        Response read = given().header("Origin", PARTNER_ORIGIN).get("/api/v1/schemes?kind=CLS");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag");
    }

    @Test
    void aMirrorFollowsTheChangeFeedDeletionsIncluded() {
        JsonPath all = given().queryParam("since", 0).queryParam("size", 500).get("/api/v1/schemes/changes").then()
                .statusCode(200)
                .extract().jsonPath();
        assertThat(all.getBoolean("more")).isFalse();
        long registered = given().get("/api/v1/schemes?size=1").jsonPath().getLong("total");
        assertThat(all.getList("items.findAll { !it.deleted }")).hasSize((int) registered);
        long next = all.getLong("next");
        assertThat(all.<Number> getList("items.revision")).isSorted();

        long id = SchemeFixtures.create(SchemeFixtures.cls("feed-created"));
        Map<String, Object> body = current(id);
        body.put("description", "Second version.");
        SchemeFixtures.admin().body(body).put("/api/v1/schemes/" + id).then().statusCode(200);
        SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
        long other = SchemeFixtures.create(SchemeFixtures.cls("feed-kept"));
        try {
            JsonPath since = given().queryParam("since", next).get("/api/v1/schemes/changes").then().statusCode(200).extract()
                    .jsonPath();
            // The deleted scheme comes once, as a tombstone (its writes before are superseded); the kept one, as it is.
            assertThat(since.<String> getList("items.ref")).containsExactly("feed-created", "feed-kept");
            assertThat(since.getBoolean("items[0].deleted")).isTrue();
            assertThat(since.<Object> get("items[0].scheme")).isNull();
            assertThat(since.getString("items[1].scheme.ref")).isEqualTo("feed-kept");
            assertThat(since.getLong("next")).isEqualTo(since.getLong("items[1].revision"));

            // Paged: one at a time, more says when to go on, and nothing comes twice.
            JsonPath page = given().queryParam("since", next).queryParam("size", 1).get("/api/v1/schemes/changes").jsonPath();
            assertThat(page.getBoolean("more")).isTrue();
            JsonPath rest = given().queryParam("since", page.getLong("next")).queryParam("size", 1)
                    .get("/api/v1/schemes/changes").jsonPath();
            assertThat(rest.<String> getList("items.ref")).containsExactly("feed-kept");
            assertThat(rest.getBoolean("more")).isFalse();
            given().queryParam("since", since.getLong("next")).get("/api/v1/schemes/changes").then().body("items",
                    org.hamcrest.Matchers.empty());
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + other).then().statusCode(204);
            Indexing.await();
        }
        given().queryParam("since", -1).get("/api/v1/schemes/changes").then().statusCode(400).body("errors[0].field",
                equalTo("since"));
        given().queryParam("size", 501).get("/api/v1/schemes/changes").then().statusCode(400).body("errors[0].field",
                equalTo("size"));
    }

    @Test
    void relabellingAKindReachesMirrorsAndValidatorsOfItsSchemes() {
        Map<String, Object> clsm = given().get("/api/v1/kinds").jsonPath().getMap("find { it.code == 'CLSM' }");
        String list = given().get("/api/v1/schemes?kind=CLSM").header("ETag");
        long since = given().queryParam("since", 0).queryParam("size", 500).get("/api/v1/schemes/changes").jsonPath()
                .getLong("next");
        Map<String, Object> relabelled = new LinkedHashMap<>(Map.of("labelFr", clsm.get("labelFr") + " (renommé)",
                "labelEn", clsm.get("labelEn"), "features", clsm.get("features")));
        try {
            SchemeFixtures.admin().body(relabelled).put("/api/v1/kinds/CLSM").then().statusCode(200);
            given().header("If-None-Match", list).get("/api/v1/schemes?kind=CLSM").then().statusCode(200)
                    .body("items[0].kindLabel", equalTo(clsm.get("labelFr") + " (renommé)"));
            JsonPath changes = given().queryParam("since", since).get("/api/v1/schemes/changes").jsonPath();
            assertThat(changes.<String> getList("items.scheme.kind")).isNotEmpty().containsOnly("CLSM");
            assertThat(changes.getList("items")).hasSize(given().get("/api/v1/schemes?kind=CLSM").jsonPath().getInt("total"));
        } finally {
            SchemeFixtures.admin()
                    .body(Map.of("labelFr", clsm.get("labelFr"), "labelEn", clsm.get("labelEn"), "features",
                            clsm.get("features")))
                    .put("/api/v1/kinds/CLSM").then().statusCode(200);
        }
    }

    @Test
    void unknownQueryParametersAreRefusedNotIgnored() {
        given().queryParam("updatedSince", "2026-11-01T00:00:00Z").get("/api/v1/schemes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("updatedSince"));
        given().queryParam("departement", "38").get("/api/v1/schemes").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("department"));
        given().queryParam("q", "x").get("/api/v1/territories/communes/38151").then().statusCode(400);
        given().queryParam("department", "38").get("/api/v1/schemes").then().statusCode(200);
    }

    @Test
    void exportsSayTheirLicenceAndAreCompressed() {
        Response export = given()
                .config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get("/api/v1/schemes/export.json");
        assertThat(export.header("Content-Encoding")).isEqualTo("gzip");
        long compressed = export.asByteArray().length;
        long plain = given().header("Accept-Encoding", "identity").get("/api/v1/schemes/export.json").asByteArray().length;
        assertThat(compressed).isLessThan(plain / 3);
        for (String path : List.of("/api/v1/schemes/export.json", "/api/v1/schemes/export.csv")) {
            assertThat(given().get(path).header("Link")).as(path)
                    .contains("<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel=\"license\"")
                    .contains("</api/v1/open-data>; rel=\"describedby\"");
        }
        JsonPath dataset = given().get("/api/v1/open-data").then().statusCode(200).extract().jsonPath();
        assertThat(dataset.getString("licence.id")).isEqualTo("etalab-2.0");
        assertThat(dataset.getList("distributions.url", String.class)).contains("/api/v1/schemes/export.json",
                "/api/v1/schemes/export.csv",
                "/api/v1/schemes/export.geojson");
        // Every file the description lists is there, in the media type it says.
        for (int i = 0; i < dataset.getList("distributions").size(); i++) {
            String url = dataset.getString("distributions[" + i + "].url");
            assertThat(given().get(url).then().statusCode(200).extract().contentType()).as(url)
                    .startsWith(dataset.getString("distributions[" + i + "].mediaType"));
        }
        assertThat(dataset.getInt("referential.year")).isEqualTo(2026);
    }

    @Test
    void theRegistryStateBehindEveryValidatorIsReadFromIndexesOnly() throws Exception {
        // The planner would scan a table this small anyway; with scans priced out, a maximum read without an index shows
        // as an Aggregate over a Seq Scan (45 ms at 99,000 schemes), one read from an index as a Limit over an index scan.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local enable_seqscan = off");
            try (ResultSet plan = statement.executeQuery("explain (format json) " + RegistryState.QUERY)) {
                assertThat(plan.next()).isTrue();
                assertThat(plan.getString(1)).contains("Index Only Scan").doesNotContain("Seq Scan")
                        .doesNotContain("\"Aggregate\"");
            }
            connection.rollback();
        }
    }
}
