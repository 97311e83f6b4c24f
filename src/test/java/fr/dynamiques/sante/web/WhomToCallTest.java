package fr.dynamiques.sante.web;

import static fr.dynamiques.sante.web.Pages.api;
import static fr.dynamiques.sante.web.Pages.page;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;

/**
 * Whom to call about a commune, on its page and on the search page's card: the ARS of its région (data/ars/ars.csv,
 * corrected by admins only), and kind by kind the nearest schemes at work, at a distance computed here from the
 * commune outlines themselves, with whom to ask about each.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class WhomToCallTest {

    private static final String BRETAGNE_SITE = "https://www.bretagne.ars.sante.fr";

    private static String communeCode(String name) {
        return api("/api/v1/territories?q=" + name + "&level=commune")
                .getList("findAll { it.name == '" + name + "' }.code", String.class)
                .get(0);
    }

    private static Element whom(String path) {
        Element section = page(path).selectFirst("section.whom");
        assertThat(section).as("the 'Qui contacter ?' section of " + path).isNotNull();
        assertThat(section.selectFirst("h2").text()).isEqualTo("Qui contacter ?");
        return section;
    }

    @Test
    void aCommuneNothingCoversNamesTheArsOfItsRegionWithALinkToItsSite() throws IOException {
        String quimper = communeCode("Quimper");
        assertThat(api("/api/v1/schemes?commune=" + quimper).getLong("total")).isZero();
        Element agency = whom("/territoires/communes/" + quimper).selectFirst(".agency");
        assertThat(agency.text()).contains("ARS Bretagne");
        assertThat(agency.select("a[href=" + BRETAGNE_SITE + "]")).hasSize(1);
        // In English too.
        Element english = org.jsoup.Jsoup.parse(given().header("Accept-Language", "en").get("/territoires/communes/" + quimper)
                .then().statusCode(200).extract().asString()).selectFirst("section.whom");
        assertThat(english.selectFirst("h2").text()).isEqualTo("Whom to contact");
        assertThat(english.select(".agency a[href=" + BRETAGNE_SITE + "]").text()).isEqualTo("website of the ARS Bretagne");
        // The search page's card for the commune says the same.
        Element card = page("/recherche?q=Quimper").selectFirst("section.named .whom");
        assertThat(card).as("whom to call on the search card").isNotNull();
        assertThat(card.select(".agency a[href=" + BRETAGNE_SITE + "]")).hasSize(1);
        // Overseas too: Mayotte has its own ARS.
        assertThat(whom("/territoires/communes/" + communeCode("Mamoudzou"))
                .select(".agency a[href=https://www.mayotte.ars.sante.fr]"))
                .hasSize(1);
        // The API lists the data file's agencies.
        List<String> file = Files.readAllLines(Path.of("data/ars/ars.csv"), StandardCharsets.UTF_8).stream().skip(1)
                .filter(l -> !l.isBlank()).map(l -> l.split(";")[0]).toList();
        assertThat(file).hasSize(18);
        assertThat(api("/api/v1/agencies").getList("region", String.class))
                .containsExactlyElementsOf(file.stream().sorted().toList());
        // Every one a région of the COG (its name known).
        assertThat(api("/api/v1/agencies").getList("regionName", String.class)).doesNotContainNull().contains("Bretagne",
                "Mayotte");
    }

    @Test
    void theNearestCptsIsNamedWithItsDistanceBetweenCommuneCentroids() throws IOException {
        String quimper = communeCode("Quimper");
        List<String> perimeter = List.of(communeCode("Brest"), communeCode("Plougastel-Daoulas"));
        long cpts = SchemeFixtures.create(SchemeFixtures.cpts("whom-cpts-brest", perimeter, List.of()));
        try {
            // Independently: centroids from the outlines' file, the great-circle distance, the nearest commune of the perimeter.
            JsonNode topology = topology();
            double[] origin = centroid(topology, quimper);
            String nearest = null;
            double km = Double.MAX_VALUE;
            for (String code : perimeter) {
                double d = kilometres(origin, centroid(topology, code));
                if (d < km) {
                    km = d;
                    nearest = code;
                }
            }
            String nearestName = api("/api/v1/territories/communes/" + nearest).getString("name");
            Element item = whom("/territoires/communes/" + quimper).selectFirst("ul.nearest > li[data-kind=CPTS]");
            assertThat(item).as("the nearest CPTS").isNotNull();
            assertThat(item.text())
                    .contains("aucun dispositif de ce type ne la couvre ; le plus proche est à " + Math.round(km) + " km ("
                            + nearestName + ")");
            assertThat(item.select("a[href=/dispositifs/" + cpts + "]").text()).isEqualTo("CPTS de test whom-cpts-brest");
            // On its own commune it covers, not at a distance.
            Element here = whom("/territoires/communes/" + nearest).selectFirst("ul.nearest > li[data-kind=CPTS]");
            assertThat(here.text()).contains("la commune est couverte par");
            assertThat(here.select("a[href=/dispositifs/" + cpts + "]")).hasSize(1);
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + cpts);
        }
    }

    @Test
    void theNearestSchemesCarrierIsWhomToCallWithItsPublicContacts() {
        String quimper = communeCode("Quimper");
        Map<String, Object> body = SchemeFixtures.cls("whom-cls-brest");
        body.put("name", "Contrat local de santé de Brest (test)");
        body.put("perimeter", new LinkedHashMap<>(Map.of("communes", List.of(communeCode("Brest")))));
        Map<String, Object> carrier = new LinkedHashMap<>(
                Map.of("name", "Centre communal d'action sociale de Test Brest", "type", "OTHER",
                        "website", "https://ccas-brest.example.org", "email", "accueil@ccas-brest.example.org", "phone",
                        "02 98 00 00 01"));
        body.put("partners", new ArrayList<>(List.of(Map.of("organisation", carrier, "roles", List.of("CARRIER")),
                SchemeFixtures.partner("ARS Bretagne", "ARS", "SIGNATORY"))));
        body.remove("fundings");
        body.put("coordinators",
                List.of(SchemeFixtures.coordinator("Dominique", "Fictif", "dominique.whom@example.org", false)));
        long cls = SchemeFixtures.create(body);
        try {
            Element item = whom("/territoires/communes/" + quimper)
                    .selectFirst("ul.nearest > li[data-kind=CLS] li:has(a[href=/dispositifs/" + cls + "])");
            assertThat(item).as("the nearest CLS").isNotNull();
            assertThat(item.text())
                    .contains("à contacter : son porteur", "Centre communal d'action sociale de Test Brest", "02 98 00 00 01")
                    .doesNotContain("dominique.whom");
            assertThat(item.select("a[href=mailto:accueil@ccas-brest.example.org]")).hasSize(1);
            assertThat(item.select("a[href=https://ccas-brest.example.org]")).hasSize(1);
            // The search page's card names it the same way.
            Element card = page("/recherche?q=Quimper").selectFirst("section.named .whom li[data-kind=CLS]");
            assertThat(card.select("a[href=mailto:accueil@ccas-brest.example.org]")).hasSize(1);
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + cls);
        }
    }

    @Test
    void anAdminCorrectsTheSiteOfAnArsAndThePagesFollow() {
        String quimper = communeCode("Quimper");
        String contactPage = BRETAGNE_SITE + "/nous-contacter";
        try {
            SchemeFixtures.admin()
                    .body(Map.of("name", "ARS Bretagne", "website", contactPage, "email", "accueil@bretagne.example.org"))
                    .put("/api/v1/agencies/53").then().statusCode(200);
            assertThat(api("/api/v1/agencies/53").getString("website")).isEqualTo(contactPage);
            Element agency = whom("/territoires/communes/" + quimper).selectFirst(".agency");
            assertThat(agency.select("a[href=" + contactPage + "]")).hasSize(1);
            assertThat(agency.select("a[href=" + BRETAGNE_SITE + "]")).isEmpty();
            assertThat(agency.select("a[href=mailto:accueil@bretagne.example.org]")).hasSize(1);
            assertThat(page("/recherche?q=Quimper").select("section.named .whom .agency a[href=" + contactPage + "]"))
                    .hasSize(1);
            // Not an address: refused at its field, nothing written.
            SchemeFixtures.admin().body(Map.of("name", "ARS Bretagne", "website", "javascript:alert(1)"))
                    .put("/api/v1/agencies/53")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.hasItem("website"));
            assertThat(api("/api/v1/agencies/53").getString("website")).isEqualTo(contactPage);
            SchemeFixtures.admin().body(Map.of("name", "ARS Bretagne")).put("/api/v1/agencies/99").then().statusCode(404);
        } finally {
            SchemeFixtures.admin().body(Map.of("name", "ARS Bretagne", "website", BRETAGNE_SITE)).put("/api/v1/agencies/53")
                    .then().statusCode(200);
        }
    }

    @Test
    void onlyAnAdminChangesAnArs() {
        long officer = SignedInPagesTest.account("whom-ars53@example.org", "ARS", List.of("53"), List.of());
        String token = SchemeFixtures.admin().body(Map.of("label", "tests")).post("/api/v1/users/" + officer + "/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");
        Map<String, Object> change = Map.of("name", "ARS Bretagne", "website", "https://bretagne.example.org");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(change).put("/api/v1/agencies/53")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(change).put("/api/v1/agencies/53").then().statusCode(401);
        assertThat(api("/api/v1/agencies/53").getString("website")).isEqualTo(BRETAGNE_SITE);
        assertThat(
                whom("/territoires/communes/" + communeCode("Quimper")).select(".agency a[href=https://bretagne.example.org]"))
                .isEmpty();
    }

    // The distance as the page should compute it, from the outlines' file read here: a TopoJSON topology whose arcs are
    // delta-encoded on an integer grid, each commune a (Multi)Polygon of rings of arc indexes (~i: arc i reversed).

    private static JsonNode topology() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("data/geo/communes-cog2025.topojson.gz")))) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The area-weighted centroid of the commune's rings, [longitude, latitude] in degrees. */
    private static double[] centroid(JsonNode topology, String code) {
        JsonNode geometry = null;
        for (JsonNode g : topology.get("objects").get("communes").get("geometries")) {
            if (g.get("id").asText().equals(code)) {
                geometry = g;
            }
        }
        assertThat(geometry).as("outline of " + code).isNotNull();
        JsonNode scale = topology.get("transform").get("scale");
        JsonNode translate = topology.get("transform").get("translate");
        List<JsonNode> polygons = new ArrayList<>();
        if (geometry.get("type").asText().equals("Polygon")) {
            polygons.add(geometry.get("arcs"));
        } else {
            geometry.get("arcs").forEach(polygons::add);
        }
        double a = 0;
        double cx = 0;
        double cy = 0;
        double[] first = null;
        for (JsonNode polygon : polygons) {
            for (JsonNode ring : polygon) {
                List<double[]> points = new ArrayList<>();
                for (JsonNode index : ring) {
                    int i = index.asInt();
                    List<double[]> arc = new ArrayList<>();
                    long x = 0;
                    long y = 0;
                    for (JsonNode delta : topology.get("arcs").get(i < 0 ? ~i : i)) {
                        x += delta.get(0).asLong();
                        y += delta.get(1).asLong();
                        arc.add(new double[] { x * scale.get(0).asDouble() + translate.get(0).asDouble(),
                                y * scale.get(1).asDouble() + translate.get(1).asDouble() });
                    }
                    if (i < 0) {
                        java.util.Collections.reverse(arc);
                    }
                    points.addAll(arc);
                }
                if (first == null) {
                    first = points.get(0);
                }
                for (int k = 1; k < points.size(); k++) {
                    double x0 = points.get(k - 1)[0] - first[0];
                    double y0 = points.get(k - 1)[1] - first[1];
                    double x1 = points.get(k)[0] - first[0];
                    double y1 = points.get(k)[1] - first[1];
                    double cross = x0 * y1 - x1 * y0;
                    a += cross;
                    cx += (x0 + x1) * cross;
                    cy += (y0 + y1) * cross;
                }
            }
        }
        return new double[] { first[0] + cx / (3 * a), first[1] + cy / (3 * a) };
    }

    /** Haversine, on the mean Earth radius. */
    private static double kilometres(double[] p, double[] q) {
        double dLat = Math.toRadians(q[1] - p[1]);
        double dLon = Math.toRadians(q[0] - p[0]);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(p[1])) * Math.cos(Math.toRadians(q[1])) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
    }
}
