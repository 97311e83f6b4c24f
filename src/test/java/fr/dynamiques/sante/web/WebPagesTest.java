package fr.dynamiques.sante.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;

/**
 * The pages on the demo registry, read as a visitor reads them (HTML parsed, links followed). Expected figures come
 * from the JSON API, which has its own tests; the pages must show the same facts, in the visitor's language.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class WebPagesTest {

    static final int PAGE_BUDGET = 100 * 1024;
    /** Pages with a commune map: a département's or a perimeter's, and a région's (Auvergne-Rhône-Alpes: 4,025 communes). */
    static final int MAP_PAGE_BUDGET = 250 * 1024;
    static final int REGION_MAP_BUDGET = 600 * 1024;

    private static Response fetch(String path) {
        return given().urlEncodingEnabled(false).redirects().follow(false).when().get(path);
    }

    private static Document page(String path) {
        Response response = fetch(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.contentType()).as(path).startsWith("text/html");
        return Jsoup.parse(response.asString(), "http://localhost" + path);
    }

    private static JsonPath api(String path) {
        return given().when().get(path).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static long idOf(String ref) {
        return api("/api/v1/schemes?ref=" + ref).getLong("items[0].id");
    }

    private static Set<String> links(Document page, String prefix) {
        return page.select("main a[href^=" + prefix + "]").stream().map(a -> a.attr("href")).collect(Collectors.toSet());
    }

    @Test
    void theSiteHasAnIconWhereBrowsersLookForIt() {
        Response icon = given().get("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        byte[] bytes = icon.asByteArray();
        assertThat(bytes).startsWith((byte) 0, (byte) 0, (byte) 1, (byte) 0); // an ICO file's header: reserved 0, type 1 (icon)
        assertThat(Jsoup.parse(fetch("/").asString()).select("link[rel=icon][href=/favicon.ico]")).hasSize(1);
    }

    @Test
    void homeIsInFrenchByDefaultWithTheRegistryInFigures() {
        Response response = fetch("/");
        assertThat(response.header("Content-Language")).isEqualTo("fr");
        Document home = Jsoup.parse(response.asString());
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(home.selectFirst("h1").text()).isEqualTo("Les dynamiques territoriales de santé");
        Element form = home.selectFirst("form[action=/recherche]");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.select("input[name=q]")).hasSize(1);
        assertThat(home.selectFirst("label[for=q]")).isNotNull();

        long atWork = api("/api/v1/search?status=ACTIVE,RENEWAL&size=1").getLong("total");
        assertThat(home.selectFirst(".figures li strong").text()).isEqualTo(String.valueOf(atWork));
        // Every région with inhabitants or schemes (the empty collectivities left out: see TaskPagesTest).
        List<String> regions = api("/api/v1/coverage?level=region")
                .getList("findAll { it.population > 0 || it.schemeCount > 0 }.code");
        assertThat(links(home, "/territoires/regions/")).hasSize(regions.size())
                .allSatisfy(href -> assertThat(regions).contains(href.substring(href.lastIndexOf('/') + 1)));
    }

    @Test
    void englishFromTheBrowserOrTheSwitchWhichIsRemembered() {
        Document english = Jsoup.parse(given().header("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5").get("/").asString());
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("h1").text()).isEqualTo("Territorial health schemes");
        // A French page offers its English version, query kept.
        Document french = page("/recherche?q=sant%C3%A9&kind=CLS");
        Element toggle = french.selectFirst("header a[hreflang]");
        assertThat(toggle.text()).isEqualTo("English");
        assertThat(toggle.attr("href")).isEqualTo("/recherche?q=sant%C3%A9&kind=CLS&lang=en");
        assertThat(toggle.attr("lang")).isEqualTo("en");

        Response switched = fetch("/recherche?q=sant%C3%A9&kind=CLS&lang=en");
        assertThat(switched.header("Set-Cookie")).contains("lang=en").contains("Path=/").contains("SameSite=Lax");
        assertThat(Jsoup.parse(switched.asString()).selectFirst("h1").text()).isEqualTo("Search for a scheme");
        // The cookie outweighs the browser's French; the switch back says French again.
        Document remembered = Jsoup
                .parse(given().cookie("lang", "en").header("Accept-Language", "fr").get("/couverture").asString());
        assertThat(remembered.selectFirst("h1").text()).isEqualTo("Coverage of the départements");
        assertThat(remembered.selectFirst("header a[hreflang]").text()).isEqualTo("Français");
        // Numbers follow the language: 1,062,830 in English, 1 062 830 in French.
        String population = api("/api/v1/coverage?level=region").getList("population", Long.class).stream()
                .mapToLong(Long::longValue).sum() + "";
        assertThat(english.select(".figures li").last().text())
                .contains(String.format(java.util.Locale.ENGLISH, "%,d", Long.parseLong(population)));
    }

    @Test
    void theWordsOfBothLanguagesKeepTheirAccents() {
        Document french = page("/couverture");
        assertThat(french.selectFirst("h1").text()).isEqualTo("Couverture des départements");
        assertThat(french.select("p.lead").text()).contains("Part de la population de chaque département");
        Document missing = Jsoup.parse(fetch("/nulle-part").asString());
        assertThat(missing.select("a[href=/]").text()).contains("Retour à l'accueil");
        Document english = Jsoup.parse(given().cookie("lang", "en").get("/couverture").asString());
        assertThat(english.selectFirst("h1").text()).isEqualTo("Coverage of the départements");
        assertThat(english.select("p.lead").text()).contains("Share of each département's population");
    }

    @Test
    void searchFindsEchirollesWithHighlightsFacetsAndLinks() {
        Document results = page("/recherche?q=%C3%89chirolles");
        Element first = results.selectFirst("ol.hits li h3 a");
        assertThat(first.text()).isEqualTo("Contrat local de santé d'Échirolles");
        assertThat(first.attr("href")).isEqualTo("/dispositifs/" + idOf("demo-cls-echirolles"));
        assertThat(first.select("mark").text()).contains("Échirolles");
        assertThat(results.selectFirst("input[name=q]").val()).isEqualTo("Échirolles");

        // Facet checkboxes carry the same counts as the API's facets.
        JsonPath all = api("/api/v1/search");
        Document everything = page("/recherche");
        for (Map<String, Object> kind : all.<Map<String, Object>> getList("facets.kind")) {
            Element box = everything.selectFirst("input[type=checkbox][name=kind][value=" + kind.get("value") + "]");
            assertThat(box).as("checkbox for %s", kind.get("value")).isNotNull();
            assertThat(everything.selectFirst("label[for=" + box.id() + "]").text()).endsWith("(" + kind.get("count") + ")");
        }
        // A ticked box narrows the results and stays ticked.
        Document clsm = page("/recherche?kind=CLSM");
        assertThat(clsm.select("ol.hits > li")).hasSize(api("/api/v1/search?kind=CLSM").getInt("total"));
        assertThat(clsm.select("ol.hits .kind").eachText()).containsOnly("Conseil local de santé mentale");
        assertThat(clsm.selectFirst("input[name=kind][value=CLSM]").hasAttr("checked")).isTrue();
        assertThat(clsm.selectFirst("a[href=/recherche?q=]").text()).isEqualTo("Effacer les filtres");
    }

    @Test
    void searchPagesAreLinksAndMistakesGetAReadablePage() {
        Document beyond = page("/recherche?q=&page=1");
        assertThat(beyond.select("ol.hits > li")).isEmpty();
        assertThat(beyond.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/recherche?q=&page=0");

        Response bad = fetch("/recherche?page=minus-one");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("text/html");
        Document error = Jsoup.parse(bad.asString());
        assertThat(error.selectFirst("h1").text()).isEqualTo("Demande incorrecte");
        assertThat(error.select(".errors li").text()).contains("page");
        assertThat(bad.asString()).doesNotContain("Exception").doesNotContain("at fr.dynamiques");
        assertThat(fetch("/recherche?sort=cheapest").statusCode()).isEqualTo(400);
        // The renewals' horizon is one of four: another number, or text, is told which on a readable page.
        for (String months : List.of("5", "abc", "-3", "%2B6")) {
            Response horizon = fetch("/echeances?mois=" + months);
            assertThat(horizon.statusCode()).as(months).isEqualTo(400);
            assertThat(horizon.contentType()).startsWith("text/html");
            assertThat(Jsoup.parse(horizon.asString()).select(".errors li").text()).as(months).contains("mois")
                    .contains("3, 6, 12 or 24");
        }
        assertThat(fetch("/echeances?mois=").statusCode()).as("blank: the default horizon").isEqualTo(200);
    }

    @Test
    void schemePageShowsPerimeterPartnersOverlapsAndHistory() {
        long cpts = idOf("demo-cpts-sud-est-grenoblois");
        long saintMartin = idOf("demo-cls-saint-martin-d-heres");
        Document page = page("/dispositifs/" + cpts);
        JsonPath scheme = api("/api/v1/schemes/" + cpts);
        assertThat(page.selectFirst("h1").text()).isEqualTo(scheme.getString("name"));
        assertThat(page.selectFirst(".kicker").text()).contains("Communauté professionnelle territoriale de santé")
                .contains("en cours");
        // The communes of the perimeter, each a link to its page.
        assertThat(page.select("ul.columns-list a[href^=/territoires/communes/]").eachAttr("href"))
                .hasSize(scheme.getInt("communeCount"))
                .contains("/territoires/communes/38421");
        // Overlaps with shares: the CLS of Saint-Martin-d'Hères lies wholly within the CPTS.
        JsonPath overlaps = api("/api/v1/schemes/" + cpts + "/overlaps");
        Element row = page.selectFirst("section:has(#chevauchements) a[href=/dispositifs/" + saintMartin + "]").closest("tr");
        assertThat(row.select("td").last().text()).isEqualTo("100 %");
        assertThat(page.select("section:has(#chevauchements) tbody tr"))
                .hasSize(overlaps.getList("$").size());
        // Partners by role: the CPAM and the ARS sign the ACI.
        assertThat(page.select("section:has(#acteurs) dt").eachText()).contains("Signataires");
        assertThat(page.selectFirst(".source a").attr("href")).isEqualTo(scheme.getString("source"));
    }

    @Test
    void coordinatorsContactShowsOnlyWithConsent() {
        Document strasbourg = page("/dispositifs/" + idOf("demo-cls-strasbourg-3"));
        String people = strasbourg.select("ul.people").text();
        assertThat(people).contains("Coordinateur CLS (fictif)").contains("coordonnées non publiées")
                .doesNotContain("Dominique").doesNotContain("Fictif ");
        assertThat(strasbourg.select("a[href^=mailto:]")).isEmpty();

        Document evry = page("/dispositifs/" + idOf("demo-cls-evry-courcouronnes-2"));
        assertThat(evry.select("ul.people").text()).contains("Camille Exemple");
        assertThat(evry.select("ul.people a[href^=mailto:]")).hasSize(1);
    }

    @Test
    void territoryPagesAtEveryLevelListTheSchemesTheApiStacks() {
        for (String[] t : new String[][] { { "communes", "38421" }, { "epci", "200040715" }, { "departements", "38" },
                { "regions", "84" } }) {
            String apiLevel = Map
                    .of("communes", "communes", "epci", "epcis", "departements", "departments", "regions", "regions").get(t[0]);
            JsonPath stack = api("/api/v1/territories/" + apiLevel + "/" + t[1] + "/schemes");
            Document page = page("/territoires/" + t[0] + "/" + t[1]);
            assertThat(page.selectFirst("h1").text()).isEqualTo(stack.getString("territory.name"));
            Set<String> expected = new HashSet<>();
            stack.<Integer> getList("kinds.schemes.flatten().scheme.id").forEach(id -> expected.add("/dispositifs/" + id));
            // A commune's "Qui contacter ?" names the nearest schemes of the kinds that do not cover it: the stack is the rest.
            page.select("section.whom").remove();
            assertThat(links(page, "/dispositifs/")).as(t[0]).isEqualTo(expected);
        }
        // Above the commune: white zones, as many as the API counts.
        Document isere = page("/territoires/departements/38");
        int white = api("/api/v1/coverage/white-zones?department=38").getInt("communeCount");
        assertThat(isere.select("section[aria-labelledby=zones-blanches] p:not(.trust)").first().text())
                .startsWith(white + " communes sans dispositif en cours");
        assertThat(isere.select("section[aria-labelledby=zones-blanches] li"))
                .hasSize(Math.min(white, TerritoryPage.WHITE_ZONES_SHOWN));
        assertThat(isere.select("section:has(#couverture) tbody tr")).hasSize(1);
        // The coverage rows show the figures the coverage API computes (itself checked commune by commune).
        assertCoverageRow(isere.selectFirst("section:has(#couverture) tbody tr"),
                api("/api/v1/coverage?region=84").getList("findAll { it.code == '38' }").get(0));
        Document ara = page("/territoires/regions/84");
        List<Element> araRows = ara.select("section:has(#couverture) tbody tr");
        assertCoverageRow(araRows.get(0), api("/api/v1/coverage?level=region&region=84").getList("$").get(0));
        List<Object> departments = api("/api/v1/coverage?region=84").getList("$");
        assertThat(araRows).hasSize(1 + departments.size());
        for (int i = 0; i < departments.size(); i++) {
            assertCoverageRow(araRows.get(i + 1), departments.get(i));
        }
        // A commune links up to its EPCI, département and région.
        assertThat(links(page("/territoires/communes/38151"), "/territoires/"))
                .contains("/territoires/epci/200040715", "/territoires/departements/38", "/territoires/regions/84");

        assertThat(fetch("/territoires/cantons/38").statusCode()).isEqualTo(404);
        assertThat(fetch("/territoires/communes/99999").statusCode()).isEqualTo(404);
        Response malformed = fetch("/territoires/communes/..%2F..%2Fetc");
        assertThat(malformed.statusCode()).isIn(400, 404);
        assertThat(malformed.contentType()).startsWith("text/html");
    }

    @SuppressWarnings("unchecked")
    private static void assertCoverageRow(Element row, Object expected) {
        Map<String, Object> figures = (Map<String, Object>) expected;
        List<String> cells = row.select("td").eachText();
        assertThat(row.selectFirst("th").text()).startsWith((String) figures.get("name"));
        assertThat(cells.get(0).replaceAll("\\D", "")).isEqualTo(String.valueOf(figures.get("population")));
        assertThat(cells.get(1).replaceAll("\\D", "")).isEqualTo(String.valueOf(figures.get("coveredPopulation")));
        assertThat(cells.get(3)).isEqualTo(String.valueOf(figures.get("schemeCount")));
        for (Map<String, Object> kind : (List<Map<String, Object>>) figures.get("kinds")) {
            assertThat(cells.get(4)).contains((String) kind.get("kind"));
        }
    }

    @Test
    void coverageMapAndTableShowTheApiFiguresForEveryDepartement() {
        // The CPTS's map colours each département by the share of its population at the most advanced stage, ACI signé.
        JsonPath stages = api("/api/v1/coverage/stages");
        for (String kind : new String[] { "", "CPTS" }) {
            List<Map<String, Object>> rows = api("/api/v1/coverage?kind=" + kind).getList("$");
            Document page = page("/couverture?kind=" + kind);
            assertThat(page.select("table:has(#tableau-titre) tbody tr")).hasSize(rows.size());
            for (Map<String, Object> row : rows) {
                String code = (String) row.get("code");
                // Each département leads to its commune map, of the same kind.
                String href = "/territoires/departements/" + code + (kind.isEmpty() ? "" : "?kind=" + kind) + "#carte";
                Element shape = page.selectFirst("svg a[href=\"" + href + "\"] path, svg a[href=\"" + href + "\"] rect");
                if (shape == null) {
                    assertThat(code).as("only a collectivité has no shape on the map").matches("97[5-8]|98\\d");
                    continue; // collectivités with a COG code but no outline nor box (Saint-Pierre-et-Miquelon...)
                }
                double ratio = kind.isEmpty() ? ((Number) row.get("coverageRatio")).doubleValue()
                        : stages.getDouble("departments.find { it.territory.code == '" + code + "' }.stages[0].ratio");
                int expected = ratio == 0 ? 0 : (int) Math.min(5, Math.ceil(ratio * 5 - 1e-9));
                assertThat(shape.className()).as("colour of %s at %s", code, ratio).isEqualTo("c" + expected);
            }
        }
        Document map = page("/couverture");
        assertThat(map.select("svg > a > path")).hasSize(96);
        assertThat(map.select("svg a rect")).extracting(e -> e.parent().attr("href"))
                .containsExactly("/territoires/departements/971#carte", "/territoires/departements/972#carte",
                        "/territoires/departements/973#carte", "/territoires/departements/974#carte",
                        "/territoires/departements/976#carte");
        // Each overseas box is named, not only numbered.
        assertThat(map.select("svg a:has(rect) text.name").eachText()).containsExactly("Guadeloupe", "Martinique", "Guyane",
                "La Réunion", "Mayotte");
        // Paris and its inner ring, specks on the map, drawn again larger in an inset that names them and leads to them.
        Element inset = map.selectFirst("svg g.inset");
        assertThat(inset.select("text").eachText()).containsExactly("Paris et", "petite couronne");
        assertThat(inset.select("a").eachAttr("href")).containsExactlyInAnyOrder("/territoires/departements/75#carte",
                "/territoires/departements/92#carte", "/territoires/departements/93#carte",
                "/territoires/departements/94#carte");
        assertThat(inset.select("a").eachAttr("tabindex")).containsOnly("-1");
        assertThat(inset.selectFirst("g[transform]").attr("transform"))
                .matches("translate\\([\\d.]+ [\\d.]+\\) scale\\(([3-9]|\\d\\d)\\.\\d+\\) .*");
        assertThat(map.selectFirst("figcaption")).isNotNull();
        assertThat(map.select("footer").text()).contains("CC BY 4.0");
        assertThat(fetch("/couverture?kind=NOPE").statusCode()).isEqualTo(400);
    }

    @Test
    void theKindChosenOnTheCoverageMapFollowsToEveryListFigureAndDownloadOfTheTerritoryPage() {
        // From the national map's table, both links of a département keep the kind.
        Element row = page("/couverture?kind=CPTS").select("table:not(.stages) tbody tr").stream()
                .filter(r -> r.selectFirst("th a").text().startsWith("Isère")).findFirst().orElseThrow();
        assertThat(row.select("th a").eachAttr("href")).hasSize(2)
                .allMatch(h -> h.startsWith("/territoires/departements/38?kind=CPTS"));

        Document isere = page("/territoires/departements/38?kind=CPTS");
        String cpts = "Communauté professionnelle territoriale de santé";
        assertThat(isere.select("p.notice[role=status]").text()).contains("« " + cpts + " »");
        // The schemes listed and counted: the API's stack of that kind, and nothing else.
        JsonPath stack = api("/api/v1/territories/departments/38/schemes?kind=CPTS");
        Set<String> expected = new HashSet<>();
        stack.<Integer> getList("kinds.schemes.flatten().scheme.id").forEach(id -> expected.add("/dispositifs/" + id));
        assertThat(expected).isNotEmpty();
        Element schemes = isere.selectFirst("section[aria-labelledby=dispositifs]");
        assertThat(schemes.select("a[href^=/dispositifs/]").eachAttr("href")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(schemes.select("caption").eachText()).allMatch(c -> c.startsWith(cpts));
        assertThat(schemes.selectFirst("h2").text()).startsWith(stack.getInt("total") + " dispositif");
        // Its download holds the same schemes.
        assertThat(schemes.select("p.downloads a").eachAttr("href")).containsExactly(
                "/territoires/departements/38/dispositifs.csv?kind=CPTS",
                "/territoires/departements/38/dispositifs.xlsx?kind=CPTS");
        String file = fetch("/territoires/departements/38/dispositifs.csv?kind=CPTS").asString();
        assertThat(file.split("\r\n")).hasSize(stack.getInt("total") + 1);
        // The coverage is of that kind: the coverage API's row of Isère for CPTS.
        assertCoverageRow(isere.selectFirst("section:has(#couverture) tbody tr"),
                api("/api/v1/coverage?region=84&kind=CPTS").getList("findAll { it.code == '38' }").get(0));
        // The overlaps: the pairs of kinds CPTS is one of, and the pairs of schemes one of which is a CPTS.
        List<String> cells = isere.select("section:has(#chevauchements) tbody th").eachText();
        long involving = api("/api/v1/overlaps/matrix?department=38").<Map<String, Object>> getList("cells").stream()
                .filter(c -> "CPTS".equals(c.get("kindA")) || "CPTS".equals(c.get("kindB"))).count();
        assertThat(cells).hasSize((int) involving).allMatch(c -> c.contains(cpts));
        assertThat(isere.select("section:has(#paires) tbody tr"))
                .allMatch(r -> r.select("span.count").eachText().contains("CPTS"));
        // The white zones sit in the map's section, right after the map, their download of the kind.
        Element map = isere.selectFirst("section[aria-labelledby=carte-h]");
        Element white = map.selectFirst("section[aria-labelledby=zones-blanches]");
        assertThat(white).isNotNull();
        assertThat(white.select("p.downloads a").eachAttr("href")).allMatch(h -> h.endsWith("?kind=CPTS"));
        // Every other territory page the page leads to keeps the kind.
        assertThat(isere.select("main details a[href^=/territoires/], main > p a[href^=/territoires/]").eachAttr("href"))
                .isNotEmpty().allMatch(h -> h.endsWith("?kind=CPTS"));
        // The map's communes too.
        assertThat(map.select("svg a").eachAttr("href")).isNotEmpty().allMatch(h -> h.endsWith("?kind=CPTS"));
        Document ara = page("/territoires/regions/84?kind=CPTS");
        List<Element> araRows = ara.select("section:has(#couverture) tbody tr");
        List<Object> departments = api("/api/v1/coverage?region=84&kind=CPTS").getList("$");
        assertThat(araRows).hasSize(1 + departments.size());
        for (int i = 0; i < departments.size(); i++) {
            assertCoverageRow(araRows.get(i + 1), departments.get(i));
            assertThat(araRows.get(i + 1).selectFirst("th a").attr("href")).endsWith("?kind=CPTS");
        }
    }

    @Test
    void endingSoonListsTheSchemesTheApiListsByRegion() {
        Set<String> expected = new HashSet<>();
        api("/api/v1/schemes/ending?months=24&size=200").<Integer> getList("items.id")
                .forEach(id -> expected.add("/dispositifs/" + id));
        Document page = page("/echeances?mois=24");
        // The tables of schemes ending, by région (the sections below name those without an end or not checked).
        assertThat(new HashSet<>(page.select("main > .table-scroll > table a[href^=/dispositifs/]").eachAttr("href")))
                .isEqualTo(expected);
        assertThat(page.selectFirst("select[name=mois] option[selected]").val()).isEqualTo("24");
        assertThat(fetch("/echeances?mois=7").statusCode()).isEqualTo(400);
        assertThat(fetch("/echeances?region=99").statusCode()).isEqualTo(400);
    }

    @Test
    void coordinatorsPageFindsPeersNearestFirst() {
        Document grenoble = page("/coordinateurs?territoire=Grenoble");
        assertThat(grenoble.selectFirst("section h2").text()).startsWith("À Grenoble");
        Element here = grenoble.selectFirst("section");
        assertThat(here.text()).contains("Conseil local de santé mentale de Grenoble").contains("Claude Exemple");
        // Wider rings follow, and a scheme shows once, in the nearest ring that has it.
        List<String> titles = grenoble.select("section h2").eachText();
        assertThat(titles).hasSize(4);
        List<String> schemeLinks = grenoble.select("section ul.peers h3 a").eachAttr("href");
        assertThat(schemeLinks).doesNotHaveDuplicates().contains("/dispositifs/" + idOf("demo-cls-pays-voironnais-2"));
        assertThat(grenoble.text()).contains("Coordinateur CLS (fictif)").doesNotContain("Alex Fictif");
        // Other territories matching the text are offered as links.
        assertThat(grenoble.select("main p a[href^=/coordinateurs?niveau=]")).isNotEmpty();

        Document byKind = page("/coordinateurs?niveau=department&code=38&kind=CLSM");
        assertThat(byKind.select("section ul.peers h3 a").eachText())
                .containsExactly("Conseil local de santé mentale de Grenoble");
        Document nowhere = page("/coordinateurs?territoire=zzqqxxw");
        assertThat(nowhere.selectFirst("[role=status]").text()).contains("zzqqxxw");
        assertThat(fetch("/coordinateurs?niveau=department&code=AB").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownPagesAreFriendlyAndTheApiStaysJson() {
        Response missing = fetch("/nulle-part");
        assertThat(missing.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(missing.asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Page introuvable");
        assertThat(page.select("a[href=/]")).isNotEmpty();
        assertThat(fetch("/dispositifs/999999999").statusCode()).isEqualTo(404);
        assertThat(fetch("/dispositifs/abc").statusCode()).isEqualTo(400);

        Response api = fetch("/api/v1/nulle-part");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pagesStayLightAndLoadNothingFromElsewhere() {
        long echirolles = idOf("demo-cls-echirolles");
        for (String path : List.of("/", "/recherche?q=sant%C3%A9", "/dispositifs/" + echirolles, "/territoires/communes/38151",
                "/territoires/epci/200040715", "/territoires/departements/38", "/territoires/regions/84",
                "/coordinateurs?territoire=38",
                "/echeances", "/couverture", "/nulle-part")) {
            Response response = fetch(path);
            Document page = Jsoup.parse(response.asString());
            long weight = response.asByteArray().length;
            for (Element asset : page.select("script[src], link[href][rel=stylesheet], img[src], link[rel=icon]")) {
                String url = asset.hasAttr("src") ? asset.attr("src") : asset.attr("href");
                assertThat(url).as("%s on %s", url, path).matches("/(static/.*|favicon\\.ico)");
                weight += fetch(url).then().statusCode(200).extract().asByteArray().length;
            }
            assertThat(page.select("[style], [onclick], [onload], script:not([src])")).as("inline style or script on %s", path)
                    .isEmpty();
            if (path.startsWith("/territoires/regions/")) {
                assertThat(weight).as("weight of %s", path).isLessThan(REGION_MAP_BUDGET);
            } else if (path.startsWith("/territoires/") || path.startsWith("/dispositifs/")) {
                assertThat(weight).as("weight of %s", path).isLessThan(MAP_PAGE_BUDGET);
            } else if (!path.equals("/couverture")) {
                assertThat(weight).as("weight of %s", path).isLessThan(PAGE_BUDGET);
            }
        }
    }

    @Test
    void storedMarkupIsShownAsTextNeverRun() {
        Map<String, Object> body = SchemeFixtures.cls("web-hostile-markup");
        body.put("name", "<script>alert('nom')</script> Contrat hostile");
        body.put("description", "<img src=x onerror=alert(1)> description <em>hostile</em>");
        long id = SchemeFixtures.create(body);
        try {
            Indexing.await();
            for (String path : List.of("/dispositifs/" + id, "/recherche?q=hostile", "/territoires/communes/38151")) {
                Document page = page(path);
                assertThat(page.select("script:not([src])")).as(path).isEmpty();
                assertThat(page.select("img")).as(path).isEmpty();
                assertThat(page.text()).as(path).contains("<script>alert('nom')</script> Contrat hostile");
            }
            // The fixture's funding, as French writes amounts: 35 000 € (narrow no-break space), ARS and year in the row.
            Element funding = page("/dispositifs/" + id).selectFirst("section:has(#acteurs) tbody tr");
            assertThat(funding.text()).contains("ARS Auvergne-Rhône-Alpes").contains("2024").contains("coordination");
            assertThat(funding.select("td.num").get(1).text().replaceAll("[\\s\\u00A0\\u202F]", " ")).isEqualTo("35 000 €");
            // Highlights mark the matches, and only them.
            Document results = page("/recherche?q=hostile");
            assertThat(results.select("ol.hits mark")).isNotEmpty().allSatisfy(mark -> assertThat(mark.children()).isEmpty());
            assertThat(results.select("ol.hits em")).isEmpty();
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void longListsAreCutWithTheRestCountedAndLinked() {
        // One more CLS than a territory page and a peers' ring list, in Voreppe (Isère, Pays Voironnais).
        int many = TerritoryPage.STACK_SHOWN + 1;
        List<Map<String, Object>> schemes = new java.util.ArrayList<>();
        for (int i = 0; i < many; i++) {
            Map<String, Object> body = SchemeFixtures.cls("web-many-" + i);
            body.put("name", "CLS nombreux " + i);
            body.put("perimeter", Map.of("communes", List.of("38565")));
            body.remove("generation");
            schemes.add(body);
        }
        SchemeFixtures.admin().body(schemes).post("/api/v1/schemes/import").then().statusCode(200);
        try {
            Document isere = page("/territoires/departements/38");
            Element cls = isere.select("section:has(#dispositifs) table").stream()
                    .filter(t -> t.selectFirst("caption").text().startsWith("Contrat local de santé")).findFirst()
                    .orElseThrow();
            int total = Integer.parseInt(cls.selectFirst("caption").text().replaceAll(".*\\((\\d+)\\)$", "$1"));
            assertThat(total).isEqualTo(api("/api/v1/territories/departments/38/schemes?kind=CLS").getInt("total"));
            assertThat(cls.select("tbody tr")).hasSize(TerritoryPage.STACK_SHOWN);
            Element more = cls.parent().nextElementSibling(); // after the table's scrolling box
            assertThat(more.text()).startsWith("et " + (total - TerritoryPage.STACK_SHOWN) + " autres.");
            assertThat(more.selectFirst("a").attr("href")).isEqualTo("/recherche?department=38&kind=CLS");

            Document peers = page("/coordinateurs?niveau=commune&code=38565");
            Element here = peers.selectFirst("section");
            assertThat(here.select("ul.peers > li")).hasSize(CoordinatorsPage.SCHEMES_PER_RING);
            int atWork = api("/api/v1/territories/communes/38565/schemes?status=ACTIVE,RENEWAL").getInt("total");
            assertThat(atWork).isGreaterThan(many);
            assertThat(here.text()).contains("et " + (atWork - CoordinatorsPage.SCHEMES_PER_RING) + " autres dispositifs");
        } finally {
            for (int i = 0; i < many; i++) {
                SchemeFixtures.admin().delete("/api/v1/schemes/" + idOf("web-many-" + i)).then().statusCode(204);
            }
            Indexing.await();
        }
    }
}
