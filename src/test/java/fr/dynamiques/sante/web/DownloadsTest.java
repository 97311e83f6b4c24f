package fr.dynamiques.sante.web;

import static fr.dynamiques.sante.web.Pages.api;
import static fr.dynamiques.sante.web.Pages.page;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;

/**
 * The lists people take away: French CSV and Excel workbooks that compute (numbers as numbers, dates as dates), that say
 * where they come from, when, filtered how and under which licence, named after what they hold; the footer's registry
 * for people; lists of communes with their département and EPCI.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class DownloadsTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A workbook read back as a spreadsheet reads it: its sheets' names, and each sheet's rows of cells. */
    record Workbook(List<String> sheets, List<List<Row>> rows) {

        List<Row> data() {
            return rows.get(1);
        }

        /** The first sheet's lines, label to value cell. */
        Map<String, Cell> about() {
            Map<String, Cell> lines = new LinkedHashMap<>();
            for (Row row : rows.get(0)) {
                if (row.getCellCount() > 1 && row.getOptionalCell(0).isPresent() && row.getOptionalCell(1).isPresent()) {
                    lines.putIfAbsent(row.getCell(0).getText(), row.getCell(1));
                }
            }
            return lines;
        }

        int column(String header) {
            List<String> headers = data().get(0).stream().map(Cell::getText).toList();
            assertThat(headers).as("headers").contains(header);
            return headers.indexOf(header);
        }

        Row row(int column, String text) {
            return data().stream().filter(r -> text.equals(r.getOptionalCell(column).map(Cell::getText).orElse(""))).findFirst()
                    .orElseThrow(() -> new AssertionError("no row with " + text));
        }
    }

    static Workbook workbook(String path) throws Exception {
        Response response = given().urlEncodingEnabled(false).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.contentType()).as(path).isEqualTo(XLSX);
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(response.asByteArray()),
                new ReadingOptions(true, false))) {
            List<String> names = new ArrayList<>();
            List<List<Row>> rows = new ArrayList<>();
            for (Sheet sheet : book.getSheets().toList()) {
                names.add(sheet.getName());
                rows.add(sheet.read());
            }
            return new Workbook(names, rows);
        }
    }

    /** A download's rows: the CSV a French spreadsheet opens (BOM, semicolons), header first. */
    static List<String> csv(String path) {
        Response response = given().urlEncodingEnabled(false).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.contentType()).as(path).startsWith("text/csv");
        byte[] bytes = response.asByteArray();
        assertThat(bytes).as("UTF-8 byte order mark").startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).endsWith("\r\n");
        return List.of(text.split("\r\n"));
    }

    static List<String> fields(List<String> csv, int line) {
        return List.of(csv.get(line).split(";", -1));
    }

    static void assertIsDate(Cell cell, LocalDate expected) {
        assertThat(cell.getType()).as("a date is a number a format shows as a date").isEqualTo(CellType.NUMBER);
        assertThat(cell.getDataFormatString()).as("date format").isEqualTo("dd/mm/yyyy");
        assertThat(cell.asDate().toLocalDate()).isEqualTo(expected);
    }

    static void assertIsNumber(Cell cell, double expected) {
        assertThat(cell.getType()).as("a number cell").isEqualTo(CellType.NUMBER);
        assertThat(cell.asNumber().doubleValue()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void workbooksHoldNumbersAsNumbersAndDatesAsDates() throws Exception {
        Map<String, Object> body = SchemeFixtures.cls("downloads-typed");
        body.put("fundings", List.of(Map.of("organisation", "ARS Auvergne-Rhône-Alpes", "year", 2024, "amountEuros", 35000.5,
                "purpose", "coordination")));
        long id = SchemeFixtures.create(body);
        try {
            JsonPath scheme = api("/api/v1/schemes/" + id);
            String name = scheme.getString("name");
            long population = scheme.getLong("population");
            long isere = api("/api/v1/territories/departments/38").getLong("population");

            Workbook book = workbook("/territoires/departements/38/dispositifs.xlsx");
            Row row = book.row(book.column("Dispositif"), name);
            assertIsDate(row.getCell(book.column("Début")), LocalDate.of(2021, 6, 1));
            assertIsDate(row.getCell(book.column("Fin prévue")), LocalDate.of(2026, 5, 31));
            assertIsNumber(row.getCell(book.column("Population")), population);
            assertIsNumber(row.getCell(book.column("Communes")), 1);
            assertIsNumber(row.getCell(book.column("Financements déclarés (€, toutes années)")), 35000.5);
            assertIsNumber(row.getCell(book.column("Population du territoire couverte")), population);
            Cell share = row.getCell(book.column("Part de la population du territoire"));
            assertThat(share.getType()).isEqualTo(CellType.NUMBER);
            assertThat(share.asNumber().doubleValue()).isCloseTo((double) population / isere, within(1e-4));
            assertThat(share.getDataFormatString()).contains("%");
            // Text stays text.
            assertThat(row.getCell(book.column("Statut")).getType()).isEqualTo(CellType.STRING);

            // The CSV as French spreadsheets read numbers and dates: decimal comma, day/month/year.
            List<String> csv = csv("/territoires/departements/38/dispositifs.csv");
            List<String> headers = fields(csv, 0);
            List<String> line = csv.stream().filter(l -> l.startsWith(name + ";")).map(l -> List.of(l.split(";", -1)))
                    .findFirst()
                    .orElseThrow();
            assertThat(line.get(headers.indexOf("Début"))).isEqualTo("01/06/2021");
            assertThat(line.get(headers.indexOf("Population"))).isEqualTo(String.valueOf(population));
            assertThat(line.get(headers.indexOf("Financements déclarés (€, toutes années)"))).isEqualTo("35000,5");
            String percent = line.get(headers.indexOf("Part de la population du territoire"));
            assertThat(percent).matches("\\d+,\\d{1,2}%");
            assertThat(new BigDecimal(percent.replace(",", ".").replace("%", "")).doubleValue())
                    .isCloseTo(100.0 * population / isere, within(0.01));

            // White zones: populations are numbers too.
            Workbook zones = workbook("/territoires/departements/38/zones-blanches.xlsx?kind=CPTS");
            JsonPath white = api("/api/v1/coverage/white-zones?department=38&kind=CPTS");
            String first = white.getString("communes[0].code");
            assertIsNumber(zones.row(0, first).getCell(zones.column("Population")), white.getLong("communes[0].population"));
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + id);
        }
    }

    @Test
    void aWorkbookFirstSaysWhereFromWhenFilteredHowAndUnderWhichLicence() throws Exception {
        Workbook book = workbook("/territoires/departements/38/zones-blanches.xlsx?kind=CPTS");
        assertThat(book.sheets()).containsExactly("À propos", "Données");
        Map<String, Cell> about = book.about();
        String site = ConfigProvider.getConfig().getValue("directory.public-url", String.class).replaceAll("/+$", "");
        assertThat(about.get("Source").getText()).contains("Annuaire des dynamiques territoriales de santé", site + "/");
        assertThat(about.get("Adresse de ce fichier").getText())
                .isEqualTo(site + "/territoires/departements/38/zones-blanches.xlsx?kind=CPTS");
        Cell extracted = about.get("Extrait le (heure de Paris)");
        assertThat(extracted.getType()).isEqualTo(CellType.NUMBER);
        assertThat(extracted.getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
        assertThat(Duration.between(extracted.asDate(), LocalDateTime.now(ZoneId.of("Europe/Paris"))).abs())
                .isLessThan(Duration.ofMinutes(5));
        String cpts = api("/api/v1/territories/departments/38/schemes").getString("kinds.find { it.kind == 'CPTS' }.label");
        assertThat(about.get("Type de dispositif").getText()).isEqualTo(cpts);
        assertThat(about.get("Territoire").getText()).isEqualTo("département Isère (38)");
        assertThat(about.get("Statut").getText()).isEqualTo("en cours, en renouvellement");
        assertIsNumber(about.get("Lignes"), api("/api/v1/coverage/white-zones?department=38&kind=CPTS").getInt("communeCount"));
        assertThat(about.get("Licence").getText()).contains("Licence Ouverte",
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        // Each column of the data sheet, said.
        assertThat(about).containsKeys("Code INSEE", "Commune", "Population", "Département", "EPCI");
        assertThat(about.get("Population").getText()).isEqualTo("nombre");
        assertThat(book.data().get(0).getCell(0).getText()).isEqualTo("Code INSEE");

        // In English for an English visitor; a list without filters says so.
        Workbook english = workbook("/territoires/departements/38/zones-blanches.xlsx?lang=en");
        assertThat(english.sheets()).containsExactly("About", "Data");
        assertThat(english.about().get("Territory").getText()).isEqualTo("département Isère (38)");
        assertThat(workbook("/registre.xlsx").about().get("Filtres").getText()).isEqualTo("aucun");
    }

    @Test
    void fileNamesSayWhatTheListsHold() {
        String partial = api("/api/v1/coverage/white-zones?department=38&kind=CPTS").getBoolean("complete") ? ""
                : "-registre-partiel";
        assertThat(fileName("/territoires/departements/38/zones-blanches.csv?kind=CPTS"))
                .isEqualTo("zones-blanches-CPTS-departement-38" + partial + ".csv");
        String regionPartial = api("/api/v1/coverage/white-zones?region=84&kind=CPTS").getBoolean("complete") ? ""
                : "-registre-partiel";
        assertThat(fileName("/territoires/regions/84/zones-blanches.xlsx?kind=CPTS"))
                .isEqualTo("zones-blanches-CPTS-region-84" + regionPartial + ".xlsx");
        assertThat(fileName("/territoires/departements/38/dispositifs.csv")).isEqualTo("dispositifs-departement-38.csv");
        assertThat(fileName("/territoires/epci/200040715/dispositifs.xlsx")).isEqualTo("dispositifs-epci-200040715.xlsx");
        assertThat(fileName("/recherche/export.csv?q=sant%C3%A9&kind=CLS&department=38"))
                .isEqualTo("recherche-CLS-departement-38.csv");
        assertThat(fileName("/echeances/export.csv?mois=12&kind=CLS&region=84"))
                .isEqualTo("echeances-12-mois-CLS-region-84.csv");
        assertThat(fileName("/coordinateurs/export.csv?territoire=Grenoble&kind=CLS"))
                .isEqualTo("coordinateurs-CLS-commune-" + api("/api/v1/territories?q=Grenoble&level=commune")
                        .getString("find { it.name == 'Grenoble' }.code") + ".csv");
        assertThat(fileName("/territoires/departements/38/zones-blanches.csv?kind=CPTS&lang=en"))
                .isEqualTo("white-zones-CPTS-department-38" + partial.replace("registre-partiel", "partial-registry") + ".csv");
        // Every name is ASCII for browsers that read no other; the UTF-8 form says the same.
        String disposition = given().get("/territoires/regions/84/dispositifs.csv").header("Content-Disposition");
        assertThat(disposition)
                .isEqualTo("attachment; filename=\"dispositifs-region-84.csv\"; filename*=UTF-8''dispositifs-region-84.csv");
    }

    private static String fileName(String path) {
        Response response = given().urlEncodingEnabled(false).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        String disposition = response.header("Content-Disposition");
        assertThat(disposition).as(path).startsWith("attachment; filename=\"");
        String name = disposition.replaceAll("^attachment; filename=\"([^\"]*)\".*$", "$1");
        assertThat(name).as("ASCII only").matches("[A-Za-z0-9._-]+");
        return name;
    }

    @Test
    void theFooterOffersTheRegistryAsFrenchSpreadsheetsOpenIt() throws Exception {
        List<String> links = page("/").select("footer a[download]").eachAttr("href");
        assertThat(links).containsExactly("/registre.csv", "/registre.xlsx");
        int total = api("/api/v1/schemes?size=1").getInt("total");
        List<String> registry = csv(links.get(0));
        assertThat(registry.get(0)).startsWith("Dispositif;Type;Statut;Début;Fin prévue;Communes;Population;");
        assertThat(registry).hasSize(total + 1);
        // Dates as a French spreadsheet reads them.
        assertThat(String.join("\n", registry)).contains(";09/07/2020;").doesNotContain("2020-07-09");
        assertThat(workbook(links.get(1)).data()).hasSize(total + 1);
        // The API's round-trip CSV is unchanged: commas, ISO dates, no byte order mark.
        byte[] api = given().get("/api/v1/schemes/export.csv").then().statusCode(200).extract().asByteArray();
        assertThat(api[0]).isNotEqualTo((byte) 0xEF);
        assertThat(new String(api, StandardCharsets.UTF_8).lines().findFirst().orElseThrow()).startsWith("ref,");
    }

    @Test
    void listsOfCommunesNameTheirDepartementAndEpci() throws Exception {
        JsonPath white = api("/api/v1/coverage/white-zones?department=38&kind=CPTS");
        String code = white.getString("communes[0].code");
        JsonPath commune = api("/api/v1/territories/communes/" + code);
        List<String> expected = List.of(commune.getString("department.code"), commune.getString("department.name"),
                commune.getString("epci.siren"), commune.getString("epci.name"));

        List<String> zones = csv("/territoires/departements/38/zones-blanches.csv?kind=CPTS");
        assertThat(zones.get(0)).isEqualTo("Code INSEE;Commune;Population;Code département;Département;SIREN de l'EPCI;EPCI");
        List<String> line = fields(zones, 1);
        assertThat(line.get(0)).isEqualTo(code);
        assertThat(line.subList(3, 7)).isEqualTo(expected);

        Workbook book = workbook("/territoires/departements/38/zones-blanches.xlsx?kind=CPTS");
        Row row = book.row(0, code);
        assertThat(
                List.of(row.getCell(3).getText(), row.getCell(4).getText(), row.getCell(5).getText(), row.getCell(6).getText()))
                .isEqualTo(expected);

        // The JSON and the GeoJSON carry them too.
        assertThat(List.of(white.getString("communes[0].department.code"), white.getString("communes[0].department.name"),
                white.getString("communes[0].epci.siren"), white.getString("communes[0].epci.name"))).isEqualTo(expected);
        JsonPath geo = given().get("/api/v1/coverage/white-zones.geojson?department=38&kind=CPTS").then().statusCode(200)
                .extract().jsonPath();
        String feature = "features.find { it.properties.code == '" + code + "' }.properties.";
        assertThat(List.of(geo.getString(feature + "departmentCode"), geo.getString(feature + "departmentName"),
                geo.getString(feature + "epciSiren"), geo.getString(feature + "epciName"))).isEqualTo(expected);
    }

    @Test
    void everyFilteredListDownloadsAsFrenchCsvAndAsExcel() throws Exception {
        // Search results: as many rows as results, French headers and values, the records' addresses (once the index has
        // caught up with the other tests' writes).
        Indexing.await();
        long found = api("/api/v1/search?q=santé&size=1").getLong("total");
        List<String> search = csv("/recherche/export.csv?q=sant%C3%A9");
        assertThat(search.get(0)).startsWith("Dispositif;Type;Statut;");
        assertThat(search).hasSize((int) found + 1);
        assertThat(String.join("\n", search)).contains("Contrat local de santé;en cours").contains("/dispositifs/");
        assertThat(page("/recherche?q=sant%C3%A9").select("p.downloads a").eachAttr("href"))
                .containsExactly("/recherche/export.csv?q=sant%C3%A9", "/recherche/export.xlsx?q=sant%C3%A9");

        // The same list as an Excel workbook: the same header and names on its data sheet.
        Workbook book = workbook("/recherche/export.xlsx?q=sant%C3%A9");
        assertThat(book.data()).hasSize(search.size());
        assertThat(book.data().get(0).getCell(0).getText()).isEqualTo("Dispositif");
        assertThat(book.data().get(1).getCell(0).getText()).isEqualTo(search.get(1).split(";")[0]);
        assertThat(book.about().get("Recherche").getText()).isEqualTo("santé");

        // A territory's schemes, its white zones of a kind, the schemes ending soon, the peers.
        assertThat(csv("/territoires/departements/38/dispositifs.csv"))
                .hasSize(api("/api/v1/schemes?department=38&size=1").getInt("total") + 1);
        int white = api("/api/v1/coverage/white-zones?department=38&kind=CPTS&status=ACTIVE,RENEWAL").getInt("communeCount");
        List<String> zones = csv("/territoires/departements/38/zones-blanches.csv?kind=CPTS");
        assertThat(zones.get(0)).startsWith("Code INSEE;Commune;Population");
        assertThat(zones).hasSize(white + 1);
        assertThat(page("/territoires/departements/38?kind=CPTS").select("section:has(#zones-blanches) p.downloads a")
                .eachAttr("href"))
                .contains("/territoires/departements/38/zones-blanches.csv?kind=CPTS");
        String total = page("/echeances?mois=24").selectFirst("p[role=status]").text().replaceAll("\\D.*", "");
        assertThat(csv("/echeances/export.csv?mois=24")).hasSize(Integer.parseInt(total.isEmpty() ? "0" : total) + 1);
        List<String> peers = csv("/coordinateurs/export.csv?territoire=Grenoble");
        assertThat(peers.get(0)).startsWith("Territoire;Dispositif;Type;Statut;Thèmes");
        assertThat(peers).hasSizeGreaterThan(1);
        assertThat(given().get("/recherche/export.pdf?q=x").statusCode()).isEqualTo(404);
    }
}
