package fr.dynamiques.sante.geo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.search.FreshRegistryProfile;

/**
 * Perimeters and territories as GeoJSON: dissolved from the shared borders of the communes' topology (the outline is
 * exactly the member communes' edges that no other member shares), closed, wound as RFC 7946 asks, and read back by
 * GDAL (Debian's gdal-bin, as QGIS reads them) as valid geometries whose area is the sum of their communes'.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class GeoJsonTest {

    static final Path WORK = Path.of("target/geojson");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    private static JsonNode geojson(String path) throws IOException {
        String body = given().get(path).then().statusCode(200).contentType("application/geo+json").extract().asString();
        return JSON.readTree(body);
    }

    private long idOf(String ref) {
        return given().get("/api/v1/schemes?ref=" + ref).jsonPath().getLong("items[0].id");
    }

    @SuppressWarnings("unchecked")
    private List<String> communesOf(long scheme) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select commune_code from scheme_commune where scheme_id = :id order by 1").setParameter("id", scheme)
                .getResultList());
    }

    /** Every edge of a geometry, as its two ends (rounded as written), in either direction. */
    private static Map<String, Integer> edges(JsonNode geometry, Map<String, Integer> into) {
        List<JsonNode> polygons = new ArrayList<>();
        if (geometry.get("type").asText().equals("Polygon")) {
            polygons.add(geometry.get("coordinates"));
        } else {
            geometry.get("coordinates").forEach(polygons::add);
        }
        for (JsonNode polygon : polygons) {
            for (JsonNode ring : polygon) {
                assertThat(ring.size()).as("a ring has at least 4 positions").isGreaterThanOrEqualTo(4);
                assertThat(ring.get(0)).as("a ring is closed").isEqualTo(ring.get(ring.size() - 1));
                for (int i = 0; i + 1 < ring.size(); i++) {
                    String a = ring.get(i).toString();
                    String b = ring.get(i + 1).toString();
                    into.merge(a.compareTo(b) < 0 ? a + b : b + a, 1, Integer::sum);
                }
            }
        }
        return into;
    }

    /** Twice the signed area of a ring in degrees (positive: counterclockwise). */
    private static double area2(JsonNode ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            sum += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        return sum;
    }

    @Test
    void aPerimeterIsTheBorderOfItsCommunesAndNothingInside() throws IOException {
        long id = idOf("demo-cpts-sud-est-grenoblois");
        List<String> communes = communesOf(id);
        assertThat(communes).hasSizeGreaterThan(3);
        JsonNode perimeter = geojson("/api/v1/schemes/" + id + "/perimeter.geojson");
        Map<String, Object> scheme = given().get("/api/v1/schemes/" + id).jsonPath().getMap("");
        assertThat(perimeter.get("type").asText()).isEqualTo("Feature");
        JsonNode properties = perimeter.get("properties");
        for (String field : List.of("ref", "name", "kind", "status", "source")) {
            assertThat(properties.get(field).asText()).as(field).isEqualTo(String.valueOf(scheme.get(field)));
        }
        assertThat(properties.get("id").asLong()).isEqualTo(id);
        assertThat(properties.get("population").asLong()).isEqualTo(((Number) scheme.get("population")).longValue());
        assertThat(properties.get("communeCount").asInt()).isEqualTo(communes.size());
        // What a map of schemes is filtered and labelled by in a GIS: dates, themes, départements.
        assertThat(properties.get("startDate").asText()).isEqualTo(String.valueOf(scheme.get("startDate")));
        assertThat(properties.get("departments").asText().split("; ")).containsExactlyInAnyOrderElementsOf(
                ((List<?>) scheme.get("departments")).stream().map(d -> String.valueOf(((Map<?, ?>) d).get("code"))).toList());
        assertThat(properties.get("themes").asText().split("; ")).containsExactlyInAnyOrderElementsOf(
                ((List<?>) scheme.get("themes")).stream().map(String::valueOf).toList());

        Map<String, Integer> members = new HashMap<>();
        for (String commune : communes) {
            edges(geojson("/api/v1/territories/communes/" + commune + "/outline.geojson").get("geometry"), members);
        }
        Map<String, Integer> border = edges(perimeter.get("geometry"), new HashMap<>());
        // The outline is exactly the members' edges that no other member shares: no inner border, nothing missing.
        assertThat(border.keySet()).allSatisfy(edge -> assertThat(members.get(edge)).as("edge %s", edge).isEqualTo(1));
        assertThat(members.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(border.keySet());
        assertThat(members.values()).contains(2);
        // Exterior rings counterclockwise, holes clockwise (RFC 7946).
        JsonNode geometry = perimeter.get("geometry");
        JsonNode firstPolygon = geometry.get("type").asText().equals("Polygon") ? geometry.get("coordinates")
                : geometry.get("coordinates").get(0);
        assertThat(area2(firstPolygon.get(0))).isPositive();
        for (int i = 1; i < firstPolygon.size(); i++) {
            assertThat(area2(firstPolygon.get(i))).isNegative();
        }
    }

    @Test
    void aMistakenAddressIsAProblemNotAMap() {
        given().get("/api/v1/schemes/abc/perimeter.geojson").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/schemes/999999999/perimeter.geojson").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/territories/planets/38/outline.geojson").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/territories/departments/99/outline.geojson").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/coverage/white-zones.geojson?kind=CPTS").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void gdalReadsPerimetersAsValidShapesWithTheAreaOfTheirCommunes() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/ogrinfo").canExecute(), "GDAL (Debian's gdal-bin) is not installed: skipped. "
                + "CI installs it (.ci/run).");
        for (String ref : List.of("demo-cpts-sud-est-grenoblois", "demo-cls-pays-voironnais-2",
                "demo-cls-evry-courcouronnes-2")) {
            long id = idOf(ref);
            Path perimeter = save(ref + ".geojson", given().get("/api/v1/schemes/" + id + "/perimeter.geojson").asString());
            ArrayNode features = JSON.createArrayNode();
            for (String commune : communesOf(id)) {
                features.add(geojson("/api/v1/territories/communes/" + commune + "/outline.geojson"));
            }
            ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
            collection.set("features", features);
            Path communes = save(ref + "-communes.geojson", collection.toString());

            Map<String, String> dissolved = ogr(perimeter,
                    "SELECT ST_IsValid(geometry) AS valid, ST_IsValidReason(geometry) AS why, "
                            + "ST_Area(geometry) AS area, count(*) AS features FROM \"" + layer(perimeter) + "\"");
            assertThat(dissolved.get("valid")).as("%s: %s", ref, dissolved.get("why")).isEqualTo("1");
            assertThat(dissolved.get("features")).isEqualTo("1");
            Map<String, String> parts = ogr(communes,
                    "SELECT sum(ST_Area(geometry)) AS area, min(ST_IsValid(geometry)) AS valid FROM \""
                            + layer(communes) + "\"");
            assertThat(parts.get("valid")).isEqualTo("1");
            double area = Double.parseDouble(dissolved.get("area"));
            double sum = Double.parseDouble(parts.get("area"));
            assertThat(Math.abs(area - sum) / sum).as("%s: its area %s against its communes' %s", ref, area, sum)
                    .isLessThan(0.01);
        }
    }

    @Test
    void theRegistryMapATerritorysOutlineAndTheWhiteZonesAreReadByGdal() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/ogrinfo").canExecute(), "GDAL (Debian's gdal-bin) is not installed: skipped. "
                + "CI installs it (.ci/run).");
        Path map = save("schemes.geojson", given().get("/api/v1/schemes/export.geojson").then().statusCode(200)
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"license\"")).extract().asString());
        long schemes = given().get("/api/v1/schemes?size=1").jsonPath().getLong("total");
        Map<String, String> all = ogr(map,
                "SELECT count(*) AS features, sum(ST_IsValid(geometry)) AS valid FROM \"" + layer(map) + "\"");
        assertThat(Long.parseLong(all.get("features"))).isEqualTo(schemes);
        assertThat(Long.parseLong(all.get("valid"))).isEqualTo(schemes);

        Path isere = save("isere.geojson", given().get("/api/v1/territories/departments/38/outline.geojson").asString());
        Map<String, String> outline = ogr(isere, "SELECT ST_IsValid(geometry) AS valid, ST_IsValidReason(geometry) AS why, "
                + "ST_NumGeometries(geometry) AS parts FROM \"" + layer(isere) + "\"");
        assertThat(outline.get("valid")).as(outline.get("why")).isEqualTo("1");

        List<String> uncovered = given().get("/api/v1/coverage/white-zones?department=38&kind=CPTS").jsonPath()
                .getList("communes.code");
        Path zones = save("white-zones-38.geojson",
                given().get("/api/v1/coverage/white-zones.geojson?department=38&kind=CPTS").asString());
        Map<String, String> white = ogr(zones,
                "SELECT count(*) AS features, group_concat(CASE WHEN ST_IsValid(geometry) THEN NULL "
                        + "ELSE code END) AS invalid FROM \"" + layer(zones) + "\"");
        assertThat(Integer.parseInt(white.get("features"))).isEqualTo(uncovered.size());
        // Each commune as published; of Isère's, two outlines self-intersect in the source file itself (28 of 34,875 in all,
        // listed in data/README.md): the dissolved outlines above are valid.
        assertThat(white.get("invalid")).isEqualTo("38093,38153");
    }

    private static Path save(String name, String body) throws IOException {
        Files.createDirectories(WORK);
        return Files.writeString(WORK.resolve(name), body, StandardCharsets.UTF_8);
    }

    private static String layer(Path file) {
        return file.getFileName().toString().replaceAll("\\.geojson$", "");
    }

    /** The first row of a SpatiaLite query run by ogrinfo on the file, as field to value. */
    private static Map<String, String> ogr(Path file, String sql) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ogrinfo", "-ro", "-q", "-dialect", "SQLite", "-sql", sql, file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> row = new HashMap<>();
        for (String line : output.split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s+(\\w+) \\(\\w+\\) = (.*)$").matcher(line);
            if (m.matches()) {
                row.putIfAbsent(m.group(1), m.group(2).strip());
            }
        }
        return row;
    }
}
