package fr.dynamiques.sante.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;

/**
 * An officer reads, row by row, the perimeter a listing's draft resolved: the draft links each row that has one to a page
 * of its own with its communes, population and map, the same figures as the API's draft; nobody else's draft is shown.
 */
@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class ImportRowPageTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void eachRowOfADraftHasItsPerimetersPageWithItsMap() throws Exception {
        SignedInPagesTest.account("import-row-ars84@example.org", "ARS", List.of("84"), List.of());
        String session = SignedInPagesTest.session("import-row-ars84@example.org");
        byte[] sample = Files.readAllBytes(Path.of("data/samples/liste-cpts-exemple.xlsx"));
        Response sent = given().redirects().follow(false).cookie(Visitor.SESSION, session)
                .multiPart("csrf", SignedInPagesTest.csrf(session))
                .multiPart("kind", "CPTS").multiPart("file", "liste-cpts-exemple.xlsx", sample, XLSX).post("/espace/import");
        assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(303);
        String path = java.net.URI.create(sent.header("Location")).getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);

        List<Map<String, Object>> rows = SchemeFixtures.admin().get("/api/v1/imports/" + id).then().statusCode(200).extract()
                .jsonPath()
                .getList("rows");
        List<Map<String, Object>> drawn = rows.stream().filter(r -> r.get("perimeter") instanceof Map<?, ?> p
                && ((Number) p.get("communeCount")).intValue() > 0).toList();
        assertThat(drawn).as("rows with a perimeter").hasSizeGreaterThan(2);
        Document draft = SignedInPagesTest.page(session, path);
        assertThat(draft.select("a[href^=" + path + "/lignes/]")).hasSize(drawn.size());

        for (Map<String, Object> row : drawn) {
            String page = path + "/lignes/" + row.get("row");
            Element link = draft.selectFirst("#ligne-" + row.get("row") + " a[href=" + page + "]");
            assertThat(link.text()).isEqualTo("Voir la carte");
            assertThat(link.attr("aria-label")).isEqualTo("Voir la carte de la ligne " + row.get("row"));
            Document shown = SignedInPagesTest.page(session, page);
            assertThat(shown.select("h1")).hasSize(1);
            assertThat(shown.selectFirst("h1").text()).isEqualTo("Ligne " + row.get("row") + " : " + row.get("name"));
            @SuppressWarnings("unchecked")
            Map<String, Object> perimeter = (Map<String, Object>) row.get("perimeter");
            assertThat(digits(shown, "#communes")).as(page).isEqualTo(((Number) perimeter.get("communeCount")).longValue());
            assertThat(digits(shown, "#population")).as(page).isEqualTo(((Number) perimeter.get("population")).longValue());
            assertThat(shown.select("figure.commune-map svg g.m path")).as(page).isNotEmpty();
            assertThat(shown.selectFirst("figure.commune-map figcaption").text()).contains(row.get("name").toString());
            assertThat(shown.select("h2 + ul > li")).as("the territory's entries")
                    .hasSize(((List<?>) row.get("territory")).size());
            assertThat(shown.select("a[href=" + path + "#ligne-" + row.get("row") + "]")).hasSize(1);
        }

        // A row with no commune to draw has no link; its page, if asked for, says there is no map.
        for (Map<String, Object> row : rows.stream().filter(r -> !drawn.contains(r)).toList()) {
            assertThat(draft.select("#ligne-" + row.get("row") + " a[href*=/lignes/]")).isEmpty();
            Document shown = SignedInPagesTest.page(session, path + "/lignes/" + row.get("row"));
            assertThat(shown.select("figure")).isEmpty();
            assertThat(shown.text()).contains("pas de carte");
        }

        // A row the draft does not have (the title row, one past the end): not found, on a page.
        for (String absent : List.of("1", "99999")) {
            Response missing = given().cookie(Visitor.SESSION, session).get(path + "/lignes/" + absent);
            assertThat(missing.statusCode()).as(absent).isEqualTo(404);
            assertThat(missing.contentType()).startsWith("text/html");
        }
        given().cookie(Visitor.SESSION, session).get(path + "/lignes/abc").then().statusCode(404);
        // Another région's officer sees neither the draft nor its rows; a coordinator does not import.
        String page = path + "/lignes/" + drawn.get(0).get("row");
        SignedInPagesTest.account("import-row-ars11@example.org", "ARS", List.of("11"), List.of());
        String other = SignedInPagesTest.session("import-row-ars11@example.org");
        given().cookie(Visitor.SESSION, other).get(path).then().statusCode(404);
        given().cookie(Visitor.SESSION, other).get(page).then().statusCode(404);
        given().get(page).then().statusCode(403);
    }

    private static long digits(Document page, String selector) {
        Element element = page.selectFirst(selector);
        assertThat(element).as(selector).isNotNull();
        return Long.parseLong(element.text().replaceAll("\\D", ""));
    }
}
