package fr.dynamiques.sante.web;

import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static fr.dynamiques.sante.web.Pages.api;
import static fr.dynamiques.sante.web.Pages.page;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;

/**
 * The CPTS drawn by maturity stage: GET /api/v1/coverage/stages, the territory pages' CPTS map and the coverage page's.
 * Four CPTS built here on the communes of the CC du Pays des Écrins (Hautes-Alpes, where the demo registry has none), two
 * of them overlapping at different stages, one without a stage, one a draft; expected classes and populations are worked
 * out here from the communes' COG populations read from the API, and the pages are read against the API.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class CptsStagesTest {

    /** CC du Pays des Écrins: 8 communes, all in the Hautes-Alpes. */
    private static final String EPCI = "240500462";
    private static final String ARGENTIERE = "05006";
    private static final String CHAMPCELLA = "05031";
    private static final String FREISSINIERES = "05058";
    private static final String VALLOUISE = "05101";
    private static final String PUY_SAINT_VINCENT = "05110";
    private static final String ROCHE_DE_RAME = "05122";

    /** What the four CPTS make of each commune they touch, the draft's commune left out (a draft is not at work). */
    private static final Map<String, String> EXPECTED = Map.of(
            ARGENTIERE, "LETTER_OF_INTENT", // the letter of intent, and the draft (not counted)
            CHAMPCELLA, "LETTER_OF_INTENT", // the letter of intent and the CPTS without stage: the recorded stage wins
            FREISSINIERES, "ACI_SIGNED", // the letter of intent and the ACI: the most advanced
            VALLOUISE, "ACI_SIGNED", // the ACI and the CPTS without stage
            PUY_SAINT_VINCENT, ""); // the CPTS without stage alone: stage not recorded

    private static final String[] STAGES = { "ACI_SIGNED", "HEALTH_PROJECT_VALIDATED", "LETTER_OF_INTENT", "EMERGENCE", null };

    /** Creates the four CPTS, runs the check, deletes them whatever happens. */
    private static void withFourCpts(Runnable check) {
        List<Long> ids = new ArrayList<>();
        try {
            ids.add(create(stage(cpts("stages-letter", List.of(ARGENTIERE, CHAMPCELLA, FREISSINIERES), List.of()), "ACTIVE",
                    "LETTER_OF_INTENT")));
            ids.add(create(stage(cpts("stages-aci", List.of(FREISSINIERES, VALLOUISE), List.of()), "RENEWAL", "ACI_SIGNED")));
            ids.add(create(stage(cpts("stages-unknown", List.of(CHAMPCELLA, VALLOUISE, PUY_SAINT_VINCENT), List.of()), "ACTIVE",
                    null)));
            ids.add(create(stage(cpts("stages-draft", List.of(ARGENTIERE, ROCHE_DE_RAME), List.of()), "DRAFT", "EMERGENCE")));
            check.run();
        } finally {
            ids.forEach(id -> admin().when().delete("/api/v1/schemes/" + id).then().statusCode(204));
            Indexing.await();
        }
    }

    private static Map<String, Object> stage(Map<String, Object> body, String status, String stage) {
        body.put("status", status);
        body.put("cptsStage", stage);
        if (!"ACI_SIGNED".equals(stage)) {
            body.remove("aciDate");
        }
        return body;
    }

    private static long population(String commune) {
        return api("/api/v1/territories/communes/" + commune).getLong("population");
    }

    /** The answer's row of a stage (null: the row of no recorded stage). */
    private static Map<String, Object> row(JsonPath answer, String path, String stage) {
        return row(answer.<Map<String, Object>> getList(path), stage);
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String stage) {
        return rows.stream().filter(r -> Objects.equals(r.get("stage"), stage)).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachCommuneTakesTheMostAdvancedStageOfTheCptsAtWorkAndEachClassItsCommunesPopulation() {
        withFourCpts(() -> {
            JsonPath answer = api("/api/v1/coverage/stages?epci=" + EPCI);
            List<String> members = api("/api/v1/territories/epcis/" + EPCI).getList("communes.code", String.class);
            assertThat(members).hasSize(8).containsAll(EXPECTED.keySet()).contains(ROCHE_DE_RAME);
            long total = members.stream().mapToLong(CptsStagesTest::population).sum();
            assertThat(answer.getLong("population")).isEqualTo(total);
            assertThat(answer.getString("territory.code")).isEqualTo(EPCI);

            // Commune by commune: the classes worked out above, the draft's own commune absent (not covered).
            Map<String, String> listed = new TreeMap<>();
            for (Map<String, Object> c : answer.<Map<String, Object>> getList("communes")) {
                assertThat(c).containsKey("stage");
                listed.put((String) c.get("code"), c.get("stage") == null ? "" : (String) c.get("stage"));
            }
            assertThat(listed).isEqualTo(new TreeMap<>(EXPECTED));

            // Class by class: every class listed, most advanced first, the population the COG gives its communes.
            assertThat(answer.getList("stages.stage")).containsExactly((Object[]) STAGES);
            Map<String, Integer> schemes = Map.of("ACI_SIGNED", 1, "LETTER_OF_INTENT", 1, "", 1);
            for (String stage : STAGES) {
                String key = stage == null ? "" : stage;
                List<String> communes = EXPECTED.entrySet().stream().filter(e -> e.getValue().equals(key))
                        .map(Map.Entry::getKey).toList();
                long population = communes.stream().mapToLong(CptsStagesTest::population).sum();
                Map<String, Object> row = row(answer, "stages", stage);
                assertThat(row.get("communes")).as(key).isEqualTo(communes.size());
                assertThat(((Number) row.get("population")).longValue()).as(key).isEqualTo(population);
                assertThat(((Number) row.get("ratio")).doubleValue()).as(key).isCloseTo((double) population / total,
                        within(1e-4));
                // The draft at the emergence stage is not at work: no CPTS counted there.
                assertThat(row.get("schemeCount")).as(key).isEqualTo(schemes.getOrDefault(key, 0));
            }
            long uncovered = members.stream().filter(c -> !EXPECTED.containsKey(c)).mapToLong(CptsStagesTest::population).sum();
            assertThat(answer.getInt("uncovered.communes")).isEqualTo(3);
            assertThat(answer.getLong("uncovered.population")).isEqualTo(uncovered);

            // The département has no other CPTS: the same classes, its communes listed, its population the whole of it.
            JsonPath department = api("/api/v1/coverage/stages?department=05");
            assertThat(department.getLong("population"))
                    .isEqualTo(api("/api/v1/territories/departments/05").getLong("population"));
            assertThat(department.getList("communes.code")).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
            for (String stage : STAGES) {
                assertThat(row(department, "stages", stage)).as(stage)
                        .containsEntry("population", row(answer, "stages", stage).get("population"))
                        .containsEntry("schemeCount", row(answer, "stages", stage).get("schemeCount"));
            }
            // A région and France list départements, not communes; each département's rows are its own answer's.
            JsonPath region = api("/api/v1/coverage/stages?region=93");
            assertThat(region.getMap("$")).doesNotContainKey("communes");
            JsonPath france = api("/api/v1/coverage/stages");
            assertThat(france.getMap("$")).doesNotContainKey("communes").doesNotContainKey("territory");
            for (JsonPath wide : List.of(region, france)) {
                assertThat(wide.getList("departments.find { it.territory.code == '05' }.stages"))
                        .isEqualTo(department.getList("stages"));
            }
            // France is the sum of its départements.
            for (String stage : STAGES) {
                long sum = france.<Map<String, Object>> getList("departments").stream()
                        .mapToLong(d -> ((Number) row((List<Map<String, Object>>) d.get("stages"), stage).get("population"))
                                .longValue())
                        .sum();
                assertThat(((Number) row(france, "stages", stage).get("population")).longValue()).as(stage).isEqualTo(sum);
            }
        });
    }

    @Test
    void theTerritorysMapDrawsEveryCommuneInItsClassAndItsTableSaysTheApisFigures() {
        withFourCpts(() -> {
            JsonPath answer = api("/api/v1/coverage/stages?epci=" + EPCI);
            Document page = page("/territoires/epci/" + EPCI + "?kind=CPTS");

            // Each commune's shape is in the layer of its class: the API's, or the white zones (n0) when it is not listed.
            Map<String, String> apiClass = new TreeMap<>();
            api("/api/v1/territories/epcis/" + EPCI).getList("communes.code", String.class).forEach(c -> apiClass.put(c, "n0"));
            for (Map<String, Object> c : answer.<Map<String, Object>> getList("communes")) {
                apiClass.put((String) c.get("code"), style((String) c.get("stage")));
            }
            Map<String, String> drawn = new TreeMap<>();
            for (Element layer : page.select("#carte svg > g[class]:not(.labels)")) {
                for (Element link : layer.select("a")) {
                    drawn.put(link.attr("href").replaceAll(".*/", "").replaceAll("\\?.*", ""), layer.attr("class"));
                }
            }
            assertThat(drawn).isEqualTo(apiClass);
            assertThat(page.selectFirst("#carte svg a[href='../communes/" + FREISSINIERES + "?kind=CPTS'] title").text())
                    .contains("ACI signé");

            // Told apart without colour: every class has a pattern of its own, its marks at 3:1 at least against its fill;
            // the white zones' hatching at 3:1 against white.
            Set<String> marks = new HashSet<>();
            for (Element layer : page.select("#carte svg > g[class^=stage-]")) {
                assertThat(layer.attr("fill")).isEqualTo("url(#carte-" + layer.attr("class") + ")");
            }
            for (String stage : STAGES) {
                Element pattern = page.selectFirst("#carte svg defs pattern#carte-" + style(stage));
                String background = pattern.selectFirst("rect").attr("fill");
                Element mark = pattern.selectFirst("path");
                assertThat(marks.add(mark == null ? "solid" : mark.attr("d"))).as("a texture of its own: " + stage).isTrue();
                if (mark != null) {
                    assertThat(contrast(mark.attr("stroke"), background)).as("marks of " + stage).isGreaterThanOrEqualTo(3);
                } else {
                    assertThat(contrast(background, "#ffffff")).as("the solid class against white").isGreaterThanOrEqualTo(3);
                }
            }
            assertThat(contrast(page.selectFirst("#carte svg defs pattern#carte-hachures path").attr("stroke"), "#ffffff"))
                    .as("white zones' hatching").isGreaterThanOrEqualTo(3);

            // The legend's table: per class, the API's communes, population, share and CPTS count.
            List<Element> lines = page.select("table.stages tbody tr");
            assertThat(lines).as("the classes and the white zones").hasSize(STAGES.length + 1);
            for (int i = 0; i < STAGES.length; i++) {
                Map<String, Object> expected = row(answer, "stages", STAGES[i]);
                Element line = lines.get(i);
                assertThat(line.attr("data-stage")).isEqualTo(STAGES[i] == null ? "UNKNOWN" : STAGES[i]);
                assertThat(cells(line)).containsExactly(grouped(expected.get("communes")), grouped(expected.get("population")),
                        percent(expected.get("ratio")), grouped(expected.get("schemeCount")));
            }
            assertThat(cells(lines.get(STAGES.length))).containsExactly(grouped(answer.get("uncovered.communes")),
                    grouped(answer.get("uncovered.population")), percent(answer.get("uncovered.ratio")), "—");
            assertThat(page.select("#carte ul.legend li").eachText()).contains("ACI signé — en fonctionnement",
                    "Projet de santé validé",
                    "Lettre d'intention", "Émergence", "Stade non renseigné");

            // In English too.
            Document english = page("/territoires/epci/" + EPCI + "?kind=CPTS&lang=en");
            assertThat(english.select("#carte ul.legend li").eachText()).contains("ACI signed — in operation",
                    "Health project validated",
                    "Letter of intent", "Emergence", "Stage not recorded");
            assertThat(english.selectFirst("table.stages caption").text()).startsWith("CPTS at work by stage");

            // The same classes for GIS tools, every commune a Feature.
            JsonPath geo = given().get("/api/v1/coverage/stages.geojson?epci=" + EPCI).then().statusCode(200)
                    .contentType("application/geo+json").extract().jsonPath();
            Map<String, String> features = new TreeMap<>();
            for (Map<String, Object> f : geo.<Map<String, Object>> getList("features.properties")) {
                features.put((String) f.get("code"),
                        Boolean.TRUE.equals(f.get("covered")) ? style((String) f.get("cptsStage")) : "n0");
            }
            assertThat(features).isEqualTo(apiClass);
            assertThat(page.select("a[type=application/geo+json]").eachAttr("href"))
                    .contains("/api/v1/coverage/stages.geojson?epci=" + EPCI);
        });
    }

    @Test
    void theCoveragePageColoursDepartmentsByTheShareAtAciSignedAndTablesEveryStage() {
        withFourCpts(() -> {
            JsonPath france = api("/api/v1/coverage/stages");
            Document page = page("/couverture?kind=CPTS");
            // Beside the map, France class by class.
            List<Element> lines = page.select("table.stages tbody tr");
            for (int i = 0; i < STAGES.length; i++) {
                Map<String, Object> expected = row(france, "stages", STAGES[i]);
                assertThat(cells(lines.get(i))).containsExactly(grouped(expected.get("communes")),
                        grouped(expected.get("population")),
                        percent(expected.get("ratio")), grouped(expected.get("schemeCount")));
            }
            // The Hautes-Alpes: coloured by its share at ACI signé, said in its name, and every stage's share in its row.
            Map<String, Object> hautesAlpes = france.getMap("departments.find { it.territory.code == '05' }");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> stages = (List<Map<String, Object>>) hautesAlpes.get("stages");
            double aci = ((Number) stages.get(0).get("ratio")).doubleValue();
            assertThat(aci).isPositive();
            Element shape = page.selectFirst("figure.map svg > a[href^='/territoires/departements/05?'] path");
            assertThat(shape.attr("class")).isEqualTo("c" + CoveragePage.colour(aci));
            assertThat(shape.selectFirst("title").text()).contains(percent(aci)).contains("ACI");
            Element row = page.select("table:not(.stages) tbody tr").stream()
                    .filter(tr -> tr.selectFirst("th").text().contains("(05)"))
                    .findFirst().orElseThrow();
            List<String> shares = row.select("td").eachText();
            assertThat(shares.subList(shares.size() - 5, shares.size())).containsExactlyElementsOf(stages.stream()
                    .map(s -> percent(s.get("ratio"))).toList());
            assertThat(page.text()).contains(
                    "chaque département est coloré selon la part de sa population vivant dans une commune où une CPTS");
        });
    }

    @Test
    void aQuestionNamingTwoTerritoriesOrAnUnknownParameterIsRefused() {
        for (String wrong : List.of("?epci=" + EPCI + "&department=05", "?departement=05", "?department=05,38",
                "?department=05&department=38")) {
            given().get("/api/v1/coverage/stages" + wrong).then().statusCode(400).contentType("application/problem+json");
        }
        given().get("/api/v1/coverage/stages.geojson").then().statusCode(400).contentType("application/problem+json");
        for (String unknown : List.of("?department=999", "?epci=200000000", "?region=99")) {
            given().get("/api/v1/coverage/stages" + unknown).then().statusCode(400).contentType("application/problem+json");
        }
    }

    private static String style(String stage) {
        return stage == null || stage.isEmpty() ? "stage-unknown" : "stage-" + stage.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A line's cells as read (Jsoup reads a no-break space as a space). */
    private static List<String> cells(Element line) {
        return line.select("td").eachText();
    }

    private static String grouped(Object number) {
        return Formats.grouped((Number) number, Locale.FRENCH).replace('\u00a0', ' ');
    }

    private static String percent(Object ratio) {
        return Formats.percent(((Number) ratio).doubleValue(), Locale.FRENCH).replace('\u00a0', ' ');
    }

    /** WCAG's contrast ratio of two sRGB colours written #rrggbb. */
    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String colour) {
        Matcher hex = Pattern.compile("#([0-9a-fA-F]{6})").matcher(colour);
        assertThat(hex.matches()).as(colour).isTrue();
        double l = 0;
        double[] weights = { 0.2126, 0.7152, 0.0722 };
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.group(1).substring(2 * i, 2 * i + 2), 16) / 255.0;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }
}
