package fr.dynamiques.sante.web;

import static fr.dynamiques.sante.web.Pages.api;
import static fr.dynamiques.sante.web.Pages.page;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.search.FreshRegistryProfile;

/**
 * The commune maps of the pages, read as SVG: which communes are filled and how, what is outlined, what the text
 * alternative says. Expected communes come from the JSON API.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class MapPagesTest {

    /** The commune codes the shapes of one class link to. */
    private static Set<String> shapes(Document page, String style) {
        // A commune's code, without the kind its link carries on a page of one kind.
        return page.select("#carte svg g." + style + " > a").stream()
                .map(a -> a.attr("href").replaceAll(".*/", "").replaceAll("\\?.*", ""))
                .collect(Collectors.toSet());
    }

    @Test
    void aSchemesMapFillsExactlyItsCommunesOutlinesThemAndTracesTheSchemesOverlappingIt() {
        long cpts = api("/api/v1/schemes?ref=demo-cpts-sud-est-grenoblois").getLong("items[0].id");
        Document page = page("/dispositifs/" + cpts);
        Set<String> members = Set.copyOf(api("/api/v1/schemes/" + cpts).getList("perimeter.communes", String.class));

        assertThat(shapes(page, "m")).as("filled communes").isEqualTo(members);
        Set<String> drawn = new HashSet<>(shapes(page, "m"));
        drawn.addAll(shapes(page, "o"));
        assertThat(drawn).as("its communes and their neighbours, each once").hasSize(page.select("#carte svg g > a").size())
                .hasSizeGreaterThan(members.size());
        assertThat(shapes(page, "o")).doesNotContainAnyElementsOf(members);
        for (Element link : page.select("#carte svg a")) {
            assertThat(link.attr("href")).startsWith("/territoires/communes/");
            assertThat(link.selectFirst("title").text()).as("a commune's link is named").isNotBlank();
        }

        String outline = page.selectFirst("#carte svg path.outline").attr("d");
        assertThat(outline).startsWith("M");
        assertThat(outline.split("(?=M)")).as("every ring of the outline is closed")
                .allSatisfy(ring -> assertThat(ring).endsWith("z"));

        List<String> overlapping = api("/api/v1/schemes/" + cpts + "/overlaps").getList("scheme.name", String.class);
        assertThat(overlapping).isNotEmpty();
        assertThat(page.select("#carte svg path.t1")).as("the first overlapping scheme's edge").hasSize(1);
        // Drawn after the perimeter's outline, dashed over it: where both follow the same border, the other still shows.
        List<String> lines = page.select("#carte svg > path").eachAttr("class");
        assertThat(lines.indexOf("t1")).as("order of the lines over the communes: " + lines)
                .isGreaterThan(lines.indexOf("outline"));
        assertThat(page.select("#carte figcaption ul.legend a").eachText())
                .containsAll(overlapping.subList(0, Math.min(6, overlapping.size())));

        String geojson = page.selectFirst("a[type=application/geo+json]").attr("href");
        assertThat(geojson).isEqualTo("/api/v1/schemes/" + cpts + "/perimeter.geojson");
        given().get(geojson).then().statusCode(200).contentType("application/geo+json");
    }

    /** {width, height} of the pixels a shape's path data covers ("M x y l dx dy ... z" as MapFrame writes it). */
    private static int[] extent(String d) {
        List<Integer> xs = new java.util.ArrayList<>();
        List<Integer> ys = new java.util.ArrayList<>();
        java.util.regex.Matcher sub = java.util.regex.Pattern.compile("M(-?\\d+) ?(-?\\d+)l([^Mz]*)").matcher(d);
        while (sub.find()) {
            int x = Integer.parseInt(sub.group(1));
            int y = Integer.parseInt(sub.group(2));
            xs.add(x);
            ys.add(y);
            String[] steps = sub.group(3).replace("-", " -").trim().split(" +");
            for (int i = 0; i + 1 < steps.length; i += 2) {
                x += Integer.parseInt(steps[i]);
                y += Integer.parseInt(steps[i + 1]);
                xs.add(x);
                ys.add(y);
            }
        }
        return new int[] { java.util.Collections.max(xs) - java.util.Collections.min(xs),
                java.util.Collections.max(ys) - java.util.Collections.min(ys) };
    }

    private static int[] viewBox(Document page) {
        String[] box = page.selectFirst("#carte > svg").attr("viewBox").split(" ");
        return new int[] { Integer.parseInt(box[2]), Integer.parseInt(box[3]) };
    }

    @Test
    void aOneCommuneSchemesMapIsFramedOnItAmongItsNeighboursAndNamesIt() {
        long cls = api("/api/v1/schemes?ref=demo-cls-echirolles").getLong("items[0].id");
        Document scheme = page("/dispositifs/" + cls);
        Document isere = page("/territoires/departements/38");
        assertThat(shapes(scheme, "m")).containsExactly("38151");
        int[] schemeMap = viewBox(scheme);
        int[] departmentMap = viewBox(isere);
        int[] onScheme = extent(scheme.selectFirst("#carte svg g.m path").attr("d"));
        int[] onDepartment = extent(isere.selectFirst("#carte svg a[href=../communes/38151] path").attr("d"));
        // Both maps are drawn in the same box of pixels: the same commune is ten times wider on its scheme's.
        assertThat(onScheme[0]).as("Échirolles' width on its scheme's map of " + schemeMap[0] + " px")
                .isGreaterThan(schemeMap[0] / 5);
        assertThat(onDepartment[0]).as("and on Isère's map of " + departmentMap[0] + " px").isLessThan(departmentMap[0] / 20);
        assertThat(shapes(scheme, "o")).as("its neighbours around it").contains("38185", "38158", "38421", "38317")
                .hasSizeLessThan(isere.select("#carte svg g > a").size() / 5);
        assertThat(scheme.select("#carte svg g.labels text").eachText()).as("names on the map").contains("Échirolles",
                "Grenoble");
    }

    @Test
    void anEndedSchemeIsSaidEndedInTheLegends() {
        long ended = api("/api/v1/schemes?ref=demo-cls-saint-martin-d-heres").getLong("items[0].id");
        assertThat(api("/api/v1/schemes/" + ended).getString("status")).isEqualTo("ENDED");
        Document page = page("/dispositifs/" + ended);
        assertThat(page.selectFirst("#carte figcaption ul.legend li").text()).contains("(terminé)");
        // On the map of a scheme it overlaps, its line in the legend says it too, and only its.
        long cpts = api("/api/v1/schemes?ref=demo-cpts-sud-est-grenoblois").getLong("items[0].id");
        List<Element> traced = page("/dispositifs/" + cpts).select("#carte figcaption ul.legend li:has(a)");
        assertThat(traced).anySatisfy(li -> assertThat(li.selectFirst("a").attr("href")).isEqualTo("/dispositifs/" + ended));
        for (Element li : traced) {
            String status = api("/api/v1/schemes/" + li.selectFirst("a").attr("href").replaceAll(".*/", ""))
                    .getString("status");
            assertThat(li.text().contains("terminé")).as(li.text()).isEqualTo("ENDED".equals(status));
        }
    }

    @Test
    void whiteZonesAreHatchedAndTheCountsHaveDistinctSteps() {
        // A kind's map counts its schemes (the CPTS's draws their stages: CptsStagesTest).
        Document page = page("/territoires/departements/38?kind=CLS");
        Element white = page.selectFirst("#carte svg g.n0");
        assertThat(white.attr("fill")).isEqualTo("url(#carte-hachures)");
        assertThat(page.select("#carte svg defs pattern#carte-hachures")).hasSize(1);
        assertThat(page.select("#carte ul.legend .swatch").eachAttr("class")).contains("swatch n0", "swatch n1", "swatch n2",
                "swatch n3", "swatch n4");
        // The four steps: four colours, each darker than the one before by a contrast of at least 1.5:1.
        String css = given().get("/static/site.css").asString();
        java.util.regex.Matcher step = java.util.regex.Pattern.compile("--n([1-4]): #([0-9a-f]{6})").matcher(css);
        List<Double> luminances = new java.util.ArrayList<>();
        while (step.find()) {
            luminances.add(luminance(step.group(2)));
        }
        assertThat(luminances).hasSize(4);
        for (int i = 1; i < 4; i++) {
            assertThat((luminances.get(i - 1) + 0.05) / (luminances.get(i) + 0.05))
                    .as("contrast between steps %d and %d", i, i + 1)
                    .isGreaterThanOrEqualTo(1.5);
        }
        assertThat(page.select("#carte svg g.labels text.place").eachText()).as("the largest names of Isère")
                .contains("Grenoble");
    }

    /** WCAG's relative luminance of an sRGB colour written rrggbb. */
    private static double luminance(String hex) {
        double l = 0;
        double[] weights = { 0.2126, 0.7152, 0.0722 };
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) / 255.0;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }

    @Test
    void aRegionsMapNamesItsDepartmentsAndACommunesMapNamesTheCommune() {
        Document region = page("/territoires/regions/84");
        List<String> departments = api("/api/v1/territories/regions/84").getList("departments.name", String.class);
        List<String> named = region.select("#carte svg g.labels text.area").eachText();
        assertThat(departments).as("the région's départements").hasSizeGreaterThan(10);
        assertThat(named).as("département names on the région's map").containsAll(departments);
        assertThat(region.selectFirst("#carte svg g.labels").attr("aria-hidden")).as("the page lists them already")
                .isEqualTo("true");
        Document commune = page("/territoires/communes/38151");
        assertThat(commune.select("#carte svg g.labels text.place").eachText()).first().isEqualTo("Échirolles");
    }

    @Test
    void aDepartmentsMapOfOneKindHatchesExactlyItsWhiteZonesAndSaysTheirPopulation() {
        Document page = page("/territoires/departements/38?kind=CLS");
        JsonPath white = api("/api/v1/coverage/white-zones?department=38&kind=CLS&status=ACTIVE,RENEWAL");
        Set<String> hatched = shapes(page, "n0");
        assertThat(hatched).hasSize(white.getInt("communeCount"));
        assertThat(hatched).containsAll(white.getList("communes.code", String.class));
        Set<String> covered = new HashSet<>();
        for (String style : List.of("n1", "n2", "n3", "n4")) {
            covered.addAll(shapes(page, style));
        }
        assertThat(covered).isNotEmpty().doesNotContainAnyElementsOf(hatched);
        assertThat(covered.size() + hatched.size()).isEqualTo(512);
        assertThat(page.selectFirst("nav.tabs a[aria-current=page]").attr("href"))
                .isEqualTo("/territoires/departements/38?kind=CLS#carte");

        // The text alternative names, class by class, the same communes the map draws.
        List<Element> classes = page.select("dl.map-classes dd");
        int named = classes.stream().mapToInt(dd -> dd.text().split(", ").length).sum();
        assertThat(named).isEqualTo(512);
        assertThat(page.select("dl.map-classes dt").first().text()).contains(String.valueOf(white.getInt("communeCount")));
        assertThat(page.selectFirst("section[aria-labelledby=zones-blanches]").text())
                .contains(NumberFormat.getIntegerInstance(Locale.FRENCH)
                        .format(white.getLong("population")))
                .contains("(Contrat local de santé)");
        assertThat(page.select("a[type=application/geo+json]").eachAttr("href"))
                .contains("/api/v1/coverage/white-zones.geojson?department=38&kind=CLS",
                        "/api/v1/territories/departments/38/outline.geojson");
    }

    @Test
    void aCommuneIsOutlinedAmongTheCommunesOfItsEpci() {
        Document page = page("/territoires/communes/38151");
        int members = api("/api/v1/territories/epcis/200040715").getList("communes").size();
        int drawn = page.select("#carte svg g > a").size();
        assertThat(drawn).isEqualTo(members);
        assertThat(page.select("#carte svg a[href=../communes/38151]")).hasSize(1);
        assertThat(page.selectFirst("#carte svg path.outline").attr("d")).endsWith("z");
        assertThat(page.selectFirst("#carte-titre").text()).contains("Échirolles");
    }

    @Test
    void aCommuneWithoutOutlineIsSaidNotDrawnAndBadInputIsReadable() {
        Document spm = page("/territoires/communes/97502");
        assertThat(spm.select("#carte svg")).isEmpty();
        assertThat(spm.text()).contains("collectivités d'outre-mer ne sont pas cartographiées");

        Response unknown = given().get("/territoires/departements/38?kind=NOPE");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("text/html");

        // Relative links on the maps resolve from the address without a final slash, which is where any other goes.
        Response slash = given().redirects().follow(false).get("/territoires/regions/84/?kind=CLS");
        assertThat(slash.statusCode()).isEqualTo(308);
        assertThat(slash.header("Location")).endsWith("/territoires/regions/84?kind=CLS");
        Response elsewhere = given().urlEncodingEnabled(false).redirects().follow(false).get("//elsewhere.example/");
        assertThat(elsewhere.header("Location")).doesNotContain("//elsewhere").endsWith("/elsewhere.example");
    }
}
