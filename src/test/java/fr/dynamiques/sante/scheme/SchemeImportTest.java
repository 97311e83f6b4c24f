package fr.dynamiques.sante.scheme;

import static fr.dynamiques.sante.scheme.SchemeFixtures.TOKEN;
import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cls;
import static fr.dynamiques.sante.scheme.SchemeFixtures.coordinator;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.demo.SyntheticRegistry;
import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class SchemeImportTest {

    @Test
    void importUpsertsOnRef() {
        admin().body(List.of(cls("import-a"), cpts("import-b", List.of("38421"), List.of())))
                .when().post("/api/v1/schemes/import").then().statusCode(200)
                .body("created", equalTo(2)).body("updated", equalTo(0)).body("dryRun", equalTo(false));
        Map<String, Object> changed = cls("import-a");
        changed.put("status", "ENDED");
        admin().body(List.of(changed, cls("import-c"))).when().post("/api/v1/schemes/import").then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(1));
        given().queryParam("ref", "import-a").get("/api/v1/schemes").then()
                .body("total", equalTo(1)).body("items[0].status", equalTo("ENDED"));
    }

    @Test
    void oneInvalidRowAndNothingIsWritten() {
        create(cls("atomic-existing"));
        Map<String, Object> update = cls("atomic-existing");
        update.put("status", "ENDED");
        Map<String, Object> invalid = cls("atomic-invalid");
        invalid.put("perimeter", Map.of("communes", List.of("38151", "99999")));
        invalid.put("endDate", "1999-01-01");
        JsonPath answer = admin().body(List.of(cls("atomic-new"), update, invalid)).when().post("/api/v1/schemes/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("created", equalTo(0)).body("updated", equalTo(0))
                .extract().jsonPath();
        assertThat(answer.getList("errors.row", Integer.class)).containsOnly(3);
        assertThat(answer.getList("errors.field", String.class)).containsExactlyInAnyOrder("endDate", "perimeter.communes[1]");

        given().queryParam("ref", "atomic-new").get("/api/v1/schemes").then().body("total", equalTo(0));
        given().queryParam("ref", "atomic-existing").get("/api/v1/schemes").then().body("items[0].status", equalTo("ACTIVE"));
    }

    @Test
    void rowsThatAreNotSchemesAreReportedWithTheOthers() {
        JsonPath answer = admin().body("[{\"ref\": \"typed-1\", \"startDate\": \"soon\"}, null, 42]")
                .when().post("/api/v1/schemes/import").then().statusCode(400).extract().jsonPath();
        assertThat(answer.getList("errors.row", Integer.class)).contains(1, 2, 3);
        assertThat(answer.getList("errors.field", String.class)).contains("startDate");
        admin().body("{\"ref\": \"not-an-array\"}").when().post("/api/v1/schemes/import").then().statusCode(400);
    }

    @Test
    void dryRunCountsAndWritesNothing() {
        create(cls("dry-existing"));
        admin().queryParam("dryRun", "true").body(List.of(cls("dry-existing"), cls("dry-new")))
                .when().post("/api/v1/schemes/import").then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("dryRun", equalTo(true));
        given().queryParam("ref", "dry-new").get("/api/v1/schemes").then().body("total", equalTo(0));
        admin().queryParam("dryRun", "maybe").body(List.of()).when().post("/api/v1/schemes/import").then().statusCode(400);
    }

    @Test
    void anEmptyFileIsAMistake() {
        admin().body(List.of()).when().post("/api/v1/schemes/import").then().statusCode(400);
        given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv").body("ref,name,kind\n")
                .when().post("/api/v1/schemes/import").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv").body("")
                .when().post("/api/v1/schemes/import").then().statusCode(400);
    }

    @Test
    void csvColumnsLeftOutKeepTheirStoredValues() {
        Map<String, Object> body = cls("csv-partial");
        body.put("coordinators", List.of(coordinator("Kim", "Gardé", "kim.partial@example.org", false)));
        create(body);
        String csv = "ref,name,status\ncsv-partial,Nouveau nom du CLS,RENEWAL\n";
        given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/schemes/import").then().statusCode(200).body("updated", equalTo(1));
        admin().queryParam("ref", "csv-partial").get("/api/v1/schemes").then()
                .body("items[0].name", equalTo("Nouveau nom du CLS"))
                .body("items[0].status", equalTo("RENEWAL"))
                .body("items[0].kind", equalTo("CLS"))
                .body("items[0].coordinators[0].lastName", equalTo("Gardé"))
                .body("items[0].partners.size()", equalTo(2))
                .body("items[0].fundings[0].amountEuros", equalTo(35000.0f));
    }

    @Test
    void refRepeatedInOneFileIsAnError() {
        admin().body(List.of(cls("repeat"), cls("repeat"))).when().post("/api/v1/schemes/import").then().statusCode(400)
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("ref"));
    }

    @Test
    void previousContractMayComeLaterInTheSameFile() {
        Map<String, Object> second = cls("file-cls2");
        second.put("previousRef", "file-cls1");
        Map<String, Object> first = cls("file-cls1");
        first.put("generation", 1);
        admin().body(List.of(second, first)).when().post("/api/v1/schemes/import").then().statusCode(200).body("created",
                equalTo(2));
        long id = given().queryParam("ref", "file-cls2").get("/api/v1/schemes").then().extract().jsonPath()
                .getLong("items[0].id");
        given().get("/api/v1/schemes/" + id).then().body("history.ref",
                org.hamcrest.Matchers.contains("file-cls1", "file-cls2"));
    }

    @Test
    void csvImportTakesCommaOrSemicolonAndReportsCellsByRowAndColumn() {
        String csv = "ref,name,kind,status,startDate,communes,themes,partners\n"
                + "csv-1,CLS du test CSV,CLS,ACTIVE,2022-01-01,38151|38185,santé mentale|nutrition,"
                + "\"[{\"\"organisation\"\":{\"\"name\"\":\"\"ARS Auvergne-Rhône-Alpes\"\",\"\"type\"\":\"\"ARS\"\"},\"\"roles\"\":[\"\"SIGNATORY\"\"]}]\"\n";
        given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/schemes/import").then().statusCode(200).body("created", equalTo(1));
        given().queryParam("ref", "csv-1").get("/api/v1/schemes").then()
                .body("items[0].communeCount", equalTo(2))
                .body("items[0].themes", org.hamcrest.Matchers.contains("santé mentale", "nutrition"))
                .body("items[0].partners[0].roles", org.hamcrest.Matchers.contains("SIGNATORY"));

        String excel = "\uFEFFref;name;kind;status;startDate;communes\ncsv-2;CLS au point-virgule;CLS;ACTIVE;2022-01-01;38151\n";
        given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv; charset=UTF-8").body(excel)
                .when().post("/api/v1/schemes/import").then().statusCode(200).body("created", equalTo(1));
        // What a French spreadsheet saves: semicolons, Windows-1252.
        byte[] windows = "ref;name;kind;status;communes\ncsv-5;Contrat local de santé d'Échirolles;CLS;ACTIVE;38151\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv").body(windows)
                .when().post("/api/v1/schemes/import").then().statusCode(200);
        given().queryParam("ref", "csv-5").get("/api/v1/schemes").then()
                .body("items[0].name", equalTo("Contrat local de santé d'Échirolles"));

        String bad = "ref,name,kind,status,startDate,communes,colour\n"
                + "csv-3,Ok,CLS,ACTIVE,2022-01-01,38151,\n"
                + "csv-4,Bad date,CLS,ACTIVE,01/01/2022,38151,\n";
        JsonPath answer = given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv").body(bad)
                .when().post("/api/v1/schemes/import").then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(answer.getList("errors.field", String.class)).contains("colour", "startDate");
        assertThat(answer.getList("errors.row", Integer.class)).contains(0, 2);
        given().queryParam("ref", "csv-3").get("/api/v1/schemes").then().body("total", equalTo(0));
    }

    @Test
    void csvExportThenImportGivesTheSameRegistry() throws Exception {
        seedRichSchemes("csv-rt");
        String before = admin().when().get("/api/v1/schemes/export.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        changeSchemes("csv-rt");

        given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv; charset=UTF-8").body(before)
                .when().post("/api/v1/schemes/import").then().statusCode(200);
        String after = admin().when().get("/api/v1/schemes/export.csv").then().statusCode(200).extract().asString();

        Map<String, Map<String, String>> rowsBefore = csvRows(before);
        Map<String, Map<String, String>> rowsAfter = csvRows(after);
        assertThat(rowsBefore).containsKeys("csv-rt-1", "csv-rt-2", "csv-rt-3");
        assertThat(rowsAfter).isEqualTo(rowsBefore);
        assertThat(rowsBefore.get("csv-rt-1").get("coordinators")).contains("Discret");
        assertThat(rowsBefore.get("csv-rt-1").get("name")).as("a spreadsheet does not run it").startsWith("'=1+1");
    }

    @Test
    void jsonExportThenImportGivesTheSameRegistry() {
        seedRichSchemes("json-rt");
        String before = admin().when().get("/api/v1/schemes/export.json").then().statusCode(200).extract().asString();
        changeSchemes("json-rt");
        admin().body(before).when().post("/api/v1/schemes/import").then().statusCode(200);
        String after = admin().when().get("/api/v1/schemes/export.json").then().statusCode(200).extract().asString();
        assertThat(jsonRows(after)).isEqualTo(jsonRows(before)).containsKeys("json-rt-1", "json-rt-2", "json-rt-3");
    }

    @Test
    void syntheticRegistryImportsWhole() {
        List<SchemeDocument> synthetic = SyntheticRegistry.generate(0.05, 2026);
        Map<String, Long> byKind = synthetic.stream()
                .collect(Collectors.groupingBy(SchemeDocument::kind, Collectors.counting()));
        Map<String, Integer> before = totalsByKind(byKind.keySet());
        admin().body(synthetic).when().post("/api/v1/schemes/import").then().statusCode(200)
                .body("created", equalTo(synthetic.size()));
        Map<String, Integer> after = totalsByKind(byKind.keySet());
        byKind.forEach((kind, count) -> assertThat(after.get(kind) - before.get(kind)).as(kind).isEqualTo(count.intValue()));
        // Generated twice, the same registry.
        assertThat(SyntheticRegistry.generate(0.05, 2026)).isEqualTo(synthetic);
        List<Map<String, Object>> cpts = given().queryParam("kind", "CPTS").queryParam("size", 200).get("/api/v1/schemes")
                .then().extract().jsonPath().getList("items");
        assertThat(cpts).extracting(c -> c.get("size")).contains(1, 2, 3, 4);
    }

    /** Three schemes with every kind of field: lineage, amendments, people, money, self-assessment. */
    private static void seedRichSchemes(String prefix) {
        Map<String, Object> first = cls(prefix + "-1");
        first.put("generation", 1);
        first.put("status", "ENDED");
        first.put("endDate", "2022-12-31");
        first.put("description", "Un contrat \"complet\", avec des virgules, des ; et des\nretours à la ligne.");
        first.put("name", "=1+1 n'est pas une formule (" + prefix + ")");
        first.put("coordinators", List.of(coordinator("Alex", "Public", prefix + ".alex@example.org", true),
                coordinator("Sam", "Discret", prefix + ".sam@example.org", false)));
        first.put("approach", List.of(Map.of("criterion", "PARTNERSHIP", "score", 2, "comment", "bon"),
                Map.of("criterion", "BOTTOM_UP", "score", 0)));
        first.put("projectStep", "EVALUATION");
        first.put("amendments",
                List.of(Map.of("date", "2021-02-01", "title", "Avenant n°1", "summary", "axe | santé mentale")));
        Map<String, Object> second = cls(prefix + "-2");
        second.put("previousRef", prefix + "-1");
        second.put("generation", 2);
        second.put("startDate", "2023-01-01");
        second.put("endDate", null);
        Map<String, Object> third = cpts(prefix + "-3", List.of("38421"), List.of("200018166"));
        third.put("themes", List.of("soins non programmés"));
        admin().body(List.of(first, second, third)).when().post("/api/v1/schemes/import").then().statusCode(200);
    }

    /** Deletes the last contract and changes another, so that the import has work to undo. */
    private static void changeSchemes(String prefix) {
        long second = given().queryParam("ref", prefix + "-2").get("/api/v1/schemes").then().extract().jsonPath()
                .getLong("items[0].id");
        admin().when().delete("/api/v1/schemes/" + second).then().statusCode(204);
        Map<String, Object> third = cpts(prefix + "-3", List.of("38151"), List.of());
        long id = given().queryParam("ref", prefix + "-3").get("/api/v1/schemes").then().extract().jsonPath()
                .getLong("items[0].id");
        admin().body(third).when().put("/api/v1/schemes/" + id).then().statusCode(200);
    }

    private static final List<String> CHANGING = List.of("id", "createdAt", "updatedAt");

    private static Map<String, Map<String, String>> csvRows(String csv) throws Exception {
        List<Map<String, String>> rows = new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>> readValues(csv).readAll();
        rows.forEach(row -> CHANGING.forEach(row::remove));
        return rows.stream().collect(Collectors.toMap(row -> row.get("ref"), Function.identity(), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, Map<String, Object>> jsonRows(String json) {
        try {
            List<Map<String, Object>> rows = Arrays.asList(new ObjectMapper().readValue(json, Map[].class));
            List<Map<String, Object>> copies = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                Map<String, Object> copy = new TreeMap<>(row);
                CHANGING.forEach(copy::remove);
                // History ids change when a contract is recreated; the refs must not.
                copies.add(copy);
            }
            return copies.stream()
                    .collect(Collectors.toMap(r -> (String) r.get("ref"), Function.identity(), (a, b) -> a, TreeMap::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> totalsByKind(java.util.Set<String> kinds) {
        Map<String, Integer> totals = new TreeMap<>();
        kinds.forEach(kind -> totals.put(kind, given().queryParam("kind", kind).queryParam("size", 1).get("/api/v1/schemes")
                .then().statusCode(200).extract().path("total")));
        return totals;
    }
}
