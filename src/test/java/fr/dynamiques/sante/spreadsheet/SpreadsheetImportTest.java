package fr.dynamiques.sante.spreadsheet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import fr.dynamiques.sante.access.BearerOrSessionMechanism;
import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.web.SignedInPagesTest;

/**
 * Listings as ARS officers keep them (a title row, French headers, free-text territories with typos and homonyms,
 * French dates, typed dates), in .xlsx, .ods and a Windows-1252 ';' CSV: previewed, choices made, committed, imported
 * again unchanged, undone; and the files people get wrong refused with nothing written.
 */
@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the listings cover the same places: each test leaves none of its records
class SpreadsheetImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

    static final List<String> HEADER = List.of("Nom CPTS", "Territoire", "Dpt", "Date de signature", "Fin", "Porteur",
            "Coordonnateur·rice", "Contact", "Site", "Président-e");

    /** The listing's rows, in the header's order; the start date is typed as a date in the spreadsheets. */
    static List<List<Object>> rows(String tag) {
        return List.of(
                List.of("CPTS Pays d'Aix " + tag, "Aix-en-Provence, Éguilles, Venelles", "13", LocalDate.of(2023, 7, 12),
                        "31/12/2027",
                        "Association CPTS du Pays d'Aix", "Camille Exemple", "camille.exemple@example.org",
                        "www.cpts-aix.example.org", "Dr Martin"),
                List.of("CPTS Voironnais " + tag, "Communauté d'agglo du Pays Voironnais", "38", LocalDate.of(2022, 3, 1), "",
                        "", "", "", "", ""),
                List.of("CPTS Saint-Martin " + tag, "St Martin d'Hères et Échirolles", "38", LocalDate.of(2021, 1, 15), "2026",
                        "", "", "", "", ""),
                List.of("CPTS Paris 18 " + tag, "Paris 18e", "75", LocalDate.of(2024, 2, 1), "", "", "", "", "", ""),
                List.of("CPTS Valence " + tag, "Valence", "26", LocalDate.of(2020, 9, 30), "", "", "", "", "", ""),
                List.of("CPTS Sainte-Victoire " + tag, "Eguille; Venelles", "13", LocalDate.of(2024, 5, 2), "", "", "", "", "",
                        ""),
                List.of("CPTS Ouest Réunion " + tag, "Saint-Paul", "", LocalDate.of(2023, 11, 20), "", "", "", "", "", ""));
    }

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + SchemeFixtures.TOKEN);
    }

    static byte[] xlsx(String tag) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Listing ARS", "1.0");
        Worksheet sheet = workbook.newWorksheet("CPTS");
        sheet.value(0, 0, "Listing des CPTS de la région, mis à jour le 15/11/2026");
        for (int c = 0; c < HEADER.size(); c++) {
            sheet.value(1, c, HEADER.get(c));
        }
        List<List<Object>> rows = rows(tag);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof LocalDate date) {
                    sheet.value(r + 2, c, date);
                    sheet.style(r + 2, c).format("dd/mm/yyyy").set();
                } else if (!value.toString().isEmpty()) {
                    sheet.value(r + 2, c, value.toString());
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    static byte[] ods(String tag) throws Exception {
        List<List<Object>> rows = rows(tag);
        Sheet sheet = new Sheet("Listing", rows.size() + 1, HEADER.size());
        for (int c = 0; c < HEADER.size(); c++) {
            sheet.getRange(0, c).setValue(HEADER.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (!value.toString().isEmpty()) {
                    sheet.getRange(r + 1, c).setValue(value);
                }
            }
        }
        SpreadSheet book = new SpreadSheet();
        book.appendSheet(sheet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.save(out);
        return out.toByteArray();
    }

    /** As French Excel saves "CSV (séparateur : point-virgule)": Windows-1252, semicolons, dates as text. */
    static byte[] csv(String tag) {
        StringBuilder text = new StringBuilder(String.join(";", HEADER)).append("\r\n");
        for (List<Object> row : rows(tag)) {
            text.append(String.join(";", row.stream().map(v -> v instanceof LocalDate d
                    ? String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear())
                    : v.toString().contains(",") || v.toString().contains(";") ? "\"" + v + "\"" : v.toString()).toList()))
                    .append("\r\n");
        }
        return text.toString().getBytes(Charset.forName("windows-1252"));
    }

    static JsonPath draft(byte[] file, String type, String name) {
        return admin().contentType(type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").body(file)
                .post("/api/v1/imports?kind=CPTS").then().log().ifValidationFails().statusCode(201)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    static Map<String, Object> row(JsonPath draft, String name) {
        return draft.<Map<String, Object>> getList("rows").stream().filter(r -> name.equals(r.get("name"))).findFirst()
                .orElseThrow();
    }

    static long population(String level, String code) {
        return given().get("/api/v1/territories/" + level + "/" + code).then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath().getLong("population");
    }

    /** The white zones of CPTS in a département: commune code to population, from the coverage API. */
    static Map<String, Long> whiteZones(String department) {
        Map<String, Long> white = new HashMap<>();
        given().get("/api/v1/coverage/white-zones?kind=CPTS&department=" + department).then().log().ifValidationFails()
                .statusCode(200).extract().jsonPath()
                .<Map<String, Object>> getList("communes")
                .forEach(c -> white.put((String) c.get("code"), ((Number) c.get("population")).longValue()));
        return white;
    }

    @Test
    @Order(1)
    void anXlsxListingIsPreviewedChosenCommittedReimportedUnchangedThenUndone() throws Exception {
        Map<String, Long> whiteBefore = whiteZones("13");
        JsonPath draft = draft(xlsx("X"), XLSX, "Listing CPTS.xlsx");
        String id = draft.getString("id");
        assertThat(draft.getString("sheet")).isEqualTo("CPTS");
        assertThat(draft.getString("status")).isEqualTo("DRAFT");
        // Columns read from their French headers; one no field fits is left out.
        Map<String, String> fields = new HashMap<>();
        draft.<Map<String, Object>> getList("columns")
                .forEach(c -> fields.put((String) c.get("header"), (String) c.get("field")));
        assertThat(fields).containsEntry("Nom CPTS", "name").containsEntry("Territoire", "territory")
                .containsEntry("Dpt", "department")
                .containsEntry("Date de signature", "startDate").containsEntry("Fin", "endDate")
                .containsEntry("Porteur", "carrier")
                .containsEntry("Coordonnateur·rice", "coordinatorName").containsEntry("Contact", "coordinatorEmail")
                .containsEntry("Site", "website").containsEntry("Président-e", null);
        assertThat(draft.getInt("summary.rows")).isEqualTo(7);
        assertThat(draft.getInt("summary.create")).isEqualTo(5);
        assertThat(draft.getInt("summary.needsChoice")).isEqualTo(2);

        Map<String, Object> aix = row(draft, "CPTS Pays d'Aix X");
        assertThat(aix.get("row")).isEqualTo(3); // the spreadsheet's own numbering, title row included
        assertThat(aix.get("action")).isEqualTo("create");
        @SuppressWarnings("unchecked")
        Map<String, Object> aixPerimeter = (Map<String, Object>) aix.get("perimeter");
        assertThat(aixPerimeter.get("communes")).isEqualTo(List.of("13001", "13032", "13113"));
        long aixPopulation = population("communes", "13001") + population("communes", "13032")
                + population("communes", "13113");
        assertThat(((Number) aixPerimeter.get("population")).longValue()).isEqualTo(aixPopulation);
        assertThat(perimeterOf(draft, "CPTS Voironnais X").get("epcis")).isEqualTo(List.of("243800984"));
        assertThat(perimeterOf(draft, "CPTS Saint-Martin X").get("communes")).isEqualTo(List.of("38421", "38151"));
        assertThat(perimeterOf(draft, "CPTS Paris 18 X").get("arrondissements")).isEqualTo(List.of("75118"));
        assertThat(perimeterOf(draft, "CPTS Valence X").get("communes")).isEqualTo(List.of("26362")); // the Drôme's, by its Dpt

        // A typo: the right commune among the first three candidates; a homonym: every Saint-Paul, none picked.
        List<Map<String, Object>> typo = candidates(draft, "CPTS Sainte-Victoire X", "Eguille");
        assertThat(typo.subList(0, Math.min(3, typo.size())).stream().map(c -> c.get("code"))).contains("13032");
        List<Map<String, Object>> homonyms = candidates(draft, "CPTS Ouest Réunion X", "Saint-Paul");
        assertThat(homonyms.stream().map(c -> c.get("code"))).contains("97415", "19235", "33458");

        // Nothing is written while a row waits for a choice.
        admin().post("/api/v1/imports/" + id + "/commit").then().log().ifValidationFails().statusCode(409)
                .contentType("application/problem+json");
        assertThat(given().get("/api/v1/schemes?ref=cpts-13-cpts-pays-d-aix-x").jsonPath().getInt("total")).isZero();

        JsonPath chosen = admin().contentType(ContentType.JSON).body(Map.of("choices", List.of(
                Map.of("row", 8, "given", "Eguille", "code", "13032"),
                Map.of("row", 9, "given", "Saint-Paul", "code", "97415"))))
                .put("/api/v1/imports/" + id).then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        assertThat(chosen.getInt("summary.needsChoice")).isZero();
        assertThat(chosen.getInt("summary.create")).isEqualTo(7);

        JsonPath committed = admin().post("/api/v1/imports/" + id + "/commit").then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
        assertThat(committed.getInt("created")).isEqualTo(7);
        long aixId = idOf("cpts-13-cpts-pays-d-aix-x");
        JsonPath aixScheme = admin().get("/api/v1/schemes/" + aixId).then().log().ifValidationFails().statusCode(200).extract()
                .jsonPath();
        assertThat(aixScheme.getString("startDate")).isEqualTo("2023-07-12");
        assertThat(aixScheme.getString("endDate")).isEqualTo("2027-12-31");
        assertThat(aixScheme.getString("website")).isEqualTo("https://www.cpts-aix.example.org");
        assertThat(aixScheme.getString("partners[0].organisation.name")).isEqualTo("Association CPTS du Pays d'Aix");
        assertThat(aixScheme.getList("partners[0].roles")).containsExactly("CARRIER");
        assertThat(aixScheme.getString("coordinators[0].lastName")).isEqualTo("Exemple");
        assertThat(aixScheme.getBoolean("coordinators[0].publicContact")).isFalse(); // a spreadsheet carries no consent
        assertThat(aixScheme.getLong("population")).isEqualTo(aixPopulation);
        // The trail names the import.
        assertThat(admin().get("/api/v1/schemes/" + aixId + "/history").jsonPath().getString("[0].batch")).isEqualTo(id);

        // Coverage follows, as computed from the codes: the communes that were white zones are no longer, by their population.
        Map<String, Long> whiteAfter = whiteZones("13");
        Set<String> covered = new HashSet<>(whiteBefore.keySet());
        covered.removeAll(whiteAfter.keySet());
        Set<String> expected = new HashSet<>(Set.of("13001", "13032", "13113"));
        expected.retainAll(whiteBefore.keySet());
        assertThat(covered).isEqualTo(expected);

        // The same file next year, unchanged: every row found, nothing to write, no revision, no trail entry.
        int trail = admin().get("/api/v1/schemes/" + aixId + "/history").jsonPath().getList("").size();
        JsonPath again = draft(xlsx("X"), XLSX, "Listing CPTS 2027.xlsx");
        String againId = again.getString("id");
        again = admin().contentType(ContentType.JSON).body(Map.of("choices", List.of(
                Map.of("row", 8, "given", "Eguille", "code", "13032"),
                Map.of("row", 9, "given", "Saint-Paul", "code", "97415"))))
                .put("/api/v1/imports/" + againId).then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("summary.unchanged")).as(again.prettify()).isEqualTo(7);
        assertThat(row(again, "CPTS Pays d'Aix X").get("match").toString()).contains("how=name").contains("id=" + aixId);
        String etag = given().get("/api/v1/schemes/" + aixId).then().extract().header("ETag");
        JsonPath nothing = admin().post("/api/v1/imports/" + againId + "/commit").then().log().ifValidationFails()
                .statusCode(200).extract().jsonPath();
        assertThat(nothing.getInt("created") + nothing.getInt("updated")).isZero();
        assertThat(nothing.getInt("unchanged")).isEqualTo(7);
        assertThat(given().get("/api/v1/schemes/" + aixId).then().extract().header("ETag")).isEqualTo(etag);
        assertThat(admin().get("/api/v1/schemes/" + aixId + "/history").jsonPath().getList("")).hasSize(trail);

        // The report, row by row.
        String report = admin().get("/api/v1/imports/" + id + "/report.csv").then().log().ifValidationFails().statusCode(200)
                .extract().asString();
        assertThat(report).contains("CPTS Pays d'Aix X").contains(";create;");
        byte[] workbook = admin().get("/api/v1/imports/" + id + "/report.xlsx").then().log().ifValidationFails().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        // As a workbook: what was read first, then the rows, counts as numbers.
        try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(workbook))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = book.getSheets().toList();
            assertThat(sheets.stream().map(org.dhatim.fastexcel.reader.Sheet::getName)).containsExactly("À propos", "Lignes");
            Map<String, String> about = new HashMap<>();
            sheets.get(0).read().stream().filter(r -> r.getCellCount() > 1 && r.getOptionalCell(1).isPresent())
                    .forEach(r -> about.put(r.getCell(0).getText(), r.getCell(1).getText()));
            assertThat(about).containsEntry("Fichier importé", "Listing CPTS.xlsx").containsKeys("Source",
                    "Extrait le (heure de Paris)", "Licence");
            List<org.dhatim.fastexcel.reader.Row> lines = sheets.get(1).read();
            int population = lines.get(0).stream().map(org.dhatim.fastexcel.reader.Cell::getText).toList()
                    .indexOf("Population");
            org.dhatim.fastexcel.reader.Row aixLine = lines.stream()
                    .filter(r -> "CPTS Pays d'Aix X"
                            .equals(r.getOptionalCell(1).map(org.dhatim.fastexcel.reader.Cell::getText).orElse("")))
                    .findFirst().orElseThrow();
            assertThat(aixLine.getCell(0).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
            assertThat(aixLine.getCell(population).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
        }
        assertThat(admin().get("/api/v1/imports").jsonPath().getList("id")).contains(id, againId);

        // Undone: what it created is gone.
        JsonPath undone = admin().post("/api/v1/imports/" + id + "/undo").then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
        assertThat(undone.getInt("removed")).isEqualTo(7);
        given().get("/api/v1/schemes/" + aixId).then().log().ifValidationFails().statusCode(404);
        assertThat(whiteZones("13")).isEqualTo(whiteBefore);
        admin().post("/api/v1/imports/" + id + "/undo").then().log().ifValidationFails().statusCode(409);
    }

    @Test
    @Order(2)
    void anUpdateIsShownFieldByFieldAndItsUndoRestoresTheRecordUnlessChangedSince() throws Exception {
        JsonPath first = draft(xlsx("U"), XLSX, "listing.xlsx");
        String firstId = first.getString("id");
        admin().contentType(ContentType.JSON).body(Map.of("skip", List.of(8, 9))).put("/api/v1/imports/" + firstId).then().log()
                .ifValidationFails().statusCode(200);
        assertThat(admin().post("/api/v1/imports/" + firstId + "/commit").then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath().getInt("created")).isEqualTo(5);
        long aixId = idOf("cpts-13-cpts-pays-d-aix-u");

        // A new end date in next year's file: an update, its one change shown before it is written.
        byte[] changed = new String(csv("U"), Charset.forName("windows-1252")).replace("31/12/2027", "30/06/2028")
                .getBytes(Charset.forName("windows-1252"));
        JsonPath next = draft(changed, "text/csv", "listing.csv");
        String nextId = next.getString("id");
        admin().contentType(ContentType.JSON).body(Map.of("skip", List.of(7, 8))).put("/api/v1/imports/" + nextId).then().log()
                .ifValidationFails().statusCode(200);
        next = admin().get("/api/v1/imports/" + nextId).then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        Map<String, Object> aix = row(next, "CPTS Pays d'Aix U");
        assertThat(aix.get("action")).isEqualTo("update");
        assertThat(aix.get("changes").toString()).contains("field=endDate").contains("2027-12-31").contains("2028-06-30");
        assertThat(next.getInt("summary.unchanged")).isEqualTo(4);
        admin().post("/api/v1/imports/" + nextId + "/commit").then().log().ifValidationFails().statusCode(200);
        assertThat(given().get("/api/v1/schemes/" + aixId).jsonPath().getString("endDate")).isEqualTo("2028-06-30");

        // Undone: back to 2027.
        admin().post("/api/v1/imports/" + nextId + "/undo").then().log().ifValidationFails().statusCode(200);
        assertThat(given().get("/api/v1/schemes/" + aixId).jsonPath().getString("endDate")).isEqualTo("2027-12-31");

        // The first import's undo, once someone changed one of its records: refused, naming it; nothing undone.
        Map<String, Object> record = new HashMap<>(admin().get("/api/v1/schemes/" + aixId).jsonPath().getMap(""));
        record.put("description", "Changé à la main depuis l'import");
        SchemeFixtures.admin().body(record).put("/api/v1/schemes/" + aixId).then().log().ifValidationFails().statusCode(200);
        String refused = admin().post("/api/v1/imports/" + firstId + "/undo").then().log().ifValidationFails().statusCode(409)
                .extract().asString();
        assertThat(refused).contains("CPTS Pays d'Aix U");
        given().get("/api/v1/schemes/" + aixId).then().log().ifValidationFails().statusCode(200);
        for (String ref : List.of("cpts-13-cpts-pays-d-aix-u", "cpts-38-cpts-voironnais-u", "cpts-38-cpts-saint-martin-u",
                "cpts-75-cpts-paris-18-u", "cpts-26-cpts-valence-u")) {
            admin().delete("/api/v1/schemes/" + idOf(ref)).then().log().ifValidationFails().statusCode(204);
        }
    }

    @Test
    @Order(3)
    void anOdsAndAWindows1252CsvReadAsTheXlsxDoes() throws Exception {
        for (var file : List.of(Map.entry(ods("O"), ODS), Map.entry(csv("C"), "text/csv"))) {
            String tag = file.getValue().equals(ODS) ? "O" : "C";
            JsonPath draft = draft(file.getKey(), file.getValue(), file.getValue().equals(ODS) ? "listing.ods" : "listing.csv");
            assertThat(draft.getInt("summary.rows")).isEqualTo(7);
            assertThat(draft.getInt("summary.create")).as(draft.prettify()).isEqualTo(5);
            assertThat(perimeterOf(draft, "CPTS Saint-Martin " + tag).get("communes")).isEqualTo(List.of("38421", "38151"));
            assertThat(row(draft, "CPTS Voironnais " + tag).get("errors")).isEqualTo(List.of());
            assertThat(candidates(draft, "CPTS Sainte-Victoire " + tag, "Eguille").stream().limit(3).map(c -> c.get("code")))
                    .contains("13032");
        }
    }

    @Test
    @Order(4)
    void filesPeopleGetWrongAreRefusedClearlyAndNothingIsKept() throws Exception {
        int before = admin().get("/api/v1/imports").jsonPath().getList("").size();
        // Text under an .xlsx name.
        admin().contentType(XLSX).header("Content-Disposition", "attachment; filename=\"listing.xlsx\"").body(csv("Z"))
                .post("/api/v1/imports").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(".xlsx"));
        // A zip bomb: a small archive unpacking to hundreds of megabytes.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 210; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(2 * 1024 * 1024);
        admin().contentType(XLSX).body(bomb.toByteArray()).post("/api/v1/imports").then().log().ifValidationFails()
                .statusCode(413).contentType("application/problem+json");
        // Over 20 MB (a larger body is refused by the transport before it travels: HostileInputTest).
        admin().contentType("text/csv").body(new byte[20 * 1024 * 1024 + 512 * 1024]).post("/api/v1/imports").then().log()
                .ifValidationFails().statusCode(413)
                .contentType("application/problem+json");
        // An empty sheet.
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(empty, "test", "1.0");
        workbook.newWorksheet("Vide");
        workbook.finish();
        admin().contentType(XLSX).body(empty.toByteArray()).post("/api/v1/imports").then().log().ifValidationFails()
                .statusCode(400).contentType("application/problem+json");
        // An old .xls.
        admin().contentType("application/octet-stream")
                .body(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 })
                .post("/api/v1/imports").then().log().ifValidationFails().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString(".xls"));
        assertThat(admin().get("/api/v1/imports").jsonPath().getList("")).hasSize(before);

        // A formula cell, a row with no name, an unknown column, two rows for one scheme: each said at its row.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook book = new Workbook(out, "test", "1.0");
        Worksheet sheet = book.newWorksheet("Listing");
        List<String> header = List.of("Nom", "Communes", "Dpt", "Site", "Colonne inconnue");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        sheet.value(1, 0, "CPTS Formule W");
        sheet.value(1, 1, "Grenoble");
        sheet.value(1, 2, "38");
        sheet.formula(1, 3, "LOWER(\"HTTPS://EXAMPLE.ORG\")");
        sheet.value(2, 1, "Voiron");
        sheet.value(3, 0, "CPTS Double W");
        sheet.value(3, 1, "Échirolles");
        sheet.value(4, 0, "CPTS Double W");
        sheet.value(4, 1, "Échirolles");
        sheet.value(4, 2, "38");
        book.finish();
        JsonPath draft = draft(out.toByteArray(), XLSX, "erreurs.xlsx");
        assertThat(draft.getList("columns.field")).containsExactly("name", "communes", "department", "website", null);
        assertThat(row(draft, "CPTS Formule W").get("warnings").toString()).contains("formula");
        Map<String, Object> nameless = draft.<Map<String, Object>> getList("rows").stream().filter(r -> r.get("row").equals(3))
                .findFirst().orElseThrow();
        assertThat(nameless.get("action")).isEqualTo("error");
        assertThat(nameless.get("errors").toString()).contains("field=name");
        Map<String, Object> second = draft.<Map<String, Object>> getList("rows").stream().filter(r -> r.get("row").equals(5))
                .findFirst().orElseThrow();
        assertThat(second.get("errors").toString()).contains("row 4");
        long total = given().get("/api/v1/schemes?size=1").jsonPath().getLong("total");
        admin().post("/api/v1/imports/" + draft.getString("id") + "/commit").then().log().ifValidationFails().statusCode(409)
                .contentType("application/problem+json");
        assertThat(given().get("/api/v1/schemes?size=1").jsonPath().getLong("total")).isEqualTo(total);

        // Roles: a coordinator does not import; nobody sees another's draft.
        given().contentType(XLSX).body(xlsx("R")).post("/api/v1/imports").then().log().ifValidationFails().statusCode(401);
        given().get("/api/v1/imports/" + draft.getString("id")).then().log().ifValidationFails().statusCode(401);
        admin().get("/api/v1/imports/not-an-id").then().log().ifValidationFails().statusCode(404)
                .contentType("application/problem+json");
        admin().contentType(ContentType.JSON).body(Map.of("columns", Map.of("1", "nowhere")))
                .put("/api/v1/imports/" + draft.getString("id"))
                .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json");
        // A choice that names no row's name, another sheet that is not there: 400, the draft as it was.
        admin().contentType(ContentType.JSON).body(Map.of("choices", List.of(Map.of("row", 2, "code", "38185"))))
                .put("/api/v1/imports/" + draft.getString("id")).then().log().ifValidationFails().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("choices[0].given"));
        admin().contentType(ContentType.JSON).body(Map.of("sheet", "Nulle part"))
                .put("/api/v1/imports/" + draft.getString("id"))
                .then().log().ifValidationFails().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("Listing"));
        assertThat(admin().get("/api/v1/imports/" + draft.getString("id")).jsonPath().getString("sheet")).isEqualTo("Listing");
    }

    /** The form as a browser sends it: hidden fields, each select's chosen option, and the radios picked. */
    static Map<String, List<String>> form(Element form, Map<String, String> picked) {
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        form.select("input[type=hidden]")
                .forEach(i -> fields.computeIfAbsent(i.attr("name"), k -> new java.util.ArrayList<>()).add(i.val()));
        form.select("select").forEach(select -> {
            Element chosen = select.selectFirst("option[selected]");
            fields.put(select.attr("name"), List.of(chosen == null ? select.selectFirst("option").val() : chosen.val()));
        });
        picked.forEach((name, value) -> fields.put(name, List.of(value)));
        return fields;
    }

    @Test
    @Order(5)
    void anArsOfficerBringsAListingInOnThePagesWithoutJavaScript() {
        SignedInPagesTest.account("import-ars84@example.org", "ARS", List.of("84"), List.of());
        String session = SignedInPagesTest.session("import-ars84@example.org");
        Document start = SignedInPagesTest.page(session, "/espace/import");
        Element upload = start.selectFirst("form[action=/espace/import]");
        assertThat(upload.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(start.selectFirst("label[for=file]")).isNotNull();
        String csrf = upload.selectFirst("input[name=csrf]").val();
        byte[] listing = ("Nom;Territoire;Dpt;Début\r\nCPTS Page Voiron;Voiron;38;01/02/2024\r\nCPTS Page Typo;Echirole;38;15/03/2023\r\n")
                .getBytes(Charset.forName("windows-1252"));

        // Without the session's token, nothing is kept.
        given().redirects().follow(false).cookie(BearerOrSessionMechanism.SESSION_COOKIE, session)
                .multiPart("file", "liste.csv", listing, "text/csv")
                .post("/espace/import").then().statusCode(403);
        Response sent = given().redirects().follow(false).cookie(BearerOrSessionMechanism.SESSION_COOKIE, session)
                .multiPart("csrf", csrf)
                .multiPart("kind", "CPTS").multiPart("file", "liste.csv", listing, "text/csv").post("/espace/import");
        assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(303);
        String path = java.net.URI.create(sent.header("Location")).getPath();
        Document draft = SignedInPagesTest.page(session, path);
        assertThat(draft.select("tbody tr")).hasSize(2);
        // The typo's candidates, Échirolles among the first three, each a labelled radio button.
        List<Element> radios = draft.select("input[type=radio][name=choice-3-0]");
        assertThat(radios.subList(0, Math.min(3, radios.size())).stream().map(Element::val)).contains("38151");
        radios.forEach(r -> assertThat(draft.selectFirst("label[for=" + r.id() + "]")).isNotNull());
        Element choices = draft.selectFirst("form[action=" + path + "]");
        RequestSpecification post = given().redirects().follow(false).cookie(BearerOrSessionMechanism.SESSION_COOKIE, session)
                .contentType(ContentType.URLENC);
        form(choices, Map.of("choice-3-0", "38151")).forEach((name, values) -> post.formParam(name, values.toArray()));
        assertThat(post.post(path).statusCode()).isEqualTo(303);
        Document chosen = SignedInPagesTest.page(session, path);
        assertThat(chosen.select("p[role=status]").text()).contains("2 à créer");

        given().redirects().follow(false).cookie(BearerOrSessionMechanism.SESSION_COOKIE, session).formParam("csrf", csrf)
                .post(path + "/valider").then().statusCode(303);
        assertThat(SignedInPagesTest.page(session, path).selectFirst(".lead").text()).contains("écrit dans l'annuaire");
        long typo = idOf("cpts-38-cpts-page-typo");
        assertThat(given().get("/api/v1/schemes/" + typo).jsonPath().getList("perimeter.communes")).containsExactly("38151");
        assertThat(SignedInPagesTest.page(session, "/espace/import").select("a[href=" + path + "]")).hasSize(1);

        given().redirects().follow(false).cookie(BearerOrSessionMechanism.SESSION_COOKIE, session).formParam("csrf", csrf)
                .post(path + "/annuler").then().statusCode(303);
        given().get("/api/v1/schemes/" + typo).then().statusCode(404);
        // A coordinator does not bring listings in.
        SignedInPagesTest.account("import-coordinator@example.org", "COORDINATOR", List.of(),
                List.of(String.valueOf(idOf("demo-cls-echirolles"))));
        given().cookie(BearerOrSessionMechanism.SESSION_COOKIE, SignedInPagesTest.session("import-coordinator@example.org"))
                .get("/espace/import").then().statusCode(403);
        // Another officer does not see it.
        SignedInPagesTest.account("import-ars11@example.org", "ARS", List.of("11"), List.of());
        given().cookie(BearerOrSessionMechanism.SESSION_COOKIE, SignedInPagesTest.session("import-ars11@example.org")).get(path)
                .then().statusCode(404);
    }

    /** A record the import created, by the ref it made: kind, département, name. */
    static long idOf(String ref) {
        return given().get("/api/v1/schemes?ref=" + ref).then().log().ifValidationFails().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> perimeterOf(JsonPath draft, String name) {
        return (Map<String, Object>) row(draft, name).get("perimeter");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> candidates(JsonPath draft, String name, String given) {
        return ((List<Map<String, Object>>) row(draft, name).get("territory")).stream()
                .filter(e -> given.equals(e.get("given")))
                .findFirst().map(e -> (List<Map<String, Object>>) e.get("candidates")).orElseThrow();
    }
}
