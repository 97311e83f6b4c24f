package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cls;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

/**
 * Coverage as it stood on a day, and year by year: schemes built for the purpose in the Creuse (where no other test
 * puts any), the figures compared with those of the same day before they were written, so that the difference is
 * exactly their communes' populations as the API gives them.
 */
@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class CoverageHistoryTest {

    private static final String CREUSE = "23";
    private static final String NOUVELLE_AQUITAINE = "75";
    private static final String GUERET = "23096";
    private static final String LA_SOUTERRAINE = "23176";
    private static final String AUBUSSON = "23008";
    private static final String SAINTE_FEYRE = "23193";
    private static final String BOURGANEUF = "23030";
    private static final List<String> FIGURES = List.of("population", "coveredPopulation", "coverageRatio", "schemeCount",
            "unknownStart");

    private static JsonPath get(String path, Object... params) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            query.put((String) params[i], params[i + 1]);
        }
        return given().queryParams(query).when().get(path).then().statusCode(200).contentType(ContentType.JSON).extract()
                .jsonPath();
    }

    private static long population(String commune) {
        return get("/api/v1/territories/communes/" + commune).getLong("population");
    }

    /** The Creuse's row of /coverage on that day (of these kinds: "" for all). */
    private static Map<String, Object> creuse(String day, String kind) {
        return get("/api/v1/coverage", "department", CREUSE, "at", day, "kind", kind).getMap("[0]");
    }

    private static Map<String, Object> region(String day, String kind) {
        return get("/api/v1/coverage", "level", "region", "region", NOUVELLE_AQUITAINE, "at", day, "kind", kind).getMap("[0]");
    }

    private static List<String> whiteZones(String day) {
        return get("/api/v1/coverage/white-zones", "department", CREUSE, "kind", "CPTS", "at", day).getList("communes.code");
    }

    private static long number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    @Test
    void aSchemeCountsFromItsStartToItsEndWhateverItsStatusAndTheHistoryAgreesYearByYear() {
        assertThat(whiteZones("2020-06-01")).as("the Creuse's communes used here are no CPTS's yet")
                .contains(GUERET, LA_SOUTERRAINE, AUBUSSON);
        Map<String, Object> before2020 = creuse("2020-06-01", ""), before2023 = creuse("2023-06-01", "");
        Map<String, Object> cls2014 = creuse("2014-06-01", "CLS"), cls2020 = creuse("2020-06-01", "CLS"),
                cls2021 = creuse("2021-06-01", "CLS");
        Map<String, Object> regionBefore = region("2020-06-01", "");
        List<Map<String, Object>> historyBefore = get("/api/v1/coverage/history", "department", CREUSE).getList("$");

        // An ended CPTS that worked 2019 to 2021, one at work since 2022, one whose start nobody knows, a draft with dates.
        Map<String, Object> first = cpts("history-first", List.of(GUERET), List.of());
        first.put("status", "ENDED");
        first.put("startDate", "2019-01-01");
        first.put("endDate", "2021-12-31");
        Map<String, Object> second = cpts("history-second", List.of(LA_SOUTERRAINE), List.of());
        second.put("startDate", "2022-01-01");
        Map<String, Object> undated = cpts("history-undated", List.of(AUBUSSON), List.of());
        Map<String, Object> draft = cpts("history-draft", List.of(SAINTE_FEYRE), List.of());
        draft.put("status", "DRAFT");
        draft.put("startDate", "2018-01-01");
        // A contract's second generation without a start date starts the day after the first one ended.
        Map<String, Object> firstContract = contract("history-cls-1", 1, "ENDED", "2015-01-01", "2020-12-31", null);
        Map<String, Object> secondContract = contract("history-cls-2", 2, "ACTIVE", null, null, "history-cls-1");
        List<Long> created = new ArrayList<>();
        try {
            for (Map<String, Object> scheme : List.of(first, second, undated, draft, firstContract, secondContract)) {
                created.add(create(scheme));
            }
            long gueret = population(GUERET), souterraine = population(LA_SOUTERRAINE), bourganeuf = population(BOURGANEUF);

            Map<String, Object> in2020 = creuse("2020-06-01", "");
            assertThat(number(in2020, "coveredPopulation"))
                    .isEqualTo(number(before2020, "coveredPopulation") + gueret + bourganeuf);
            assertThat(number(in2020, "schemeCount")).isEqualTo(number(before2020, "schemeCount") + 2);
            assertThat(number(in2020, "unknownStart")).as("the CPTS of unknown start")
                    .isEqualTo(number(before2020, "unknownStart") + 1);
            Map<String, Object> in2023 = creuse("2023-06-01", "");
            assertThat(number(in2023, "coveredPopulation"))
                    .isEqualTo(number(before2023, "coveredPopulation") + souterraine + bourganeuf);
            assertThat(number(in2023, "schemeCount")).isEqualTo(number(before2023, "schemeCount") + 2);
            assertThat(number(in2023, "unknownStart")).isEqualTo(number(before2023, "unknownStart") + 1);
            // Kind by kind: the second generation counts from 2021-01-01, and nothing counts before the first began.
            assertThat(number(creuse("2021-06-01", "CLS"), "coveredPopulation"))
                    .isEqualTo(number(cls2021, "coveredPopulation") + bourganeuf);
            assertThat(number(creuse("2014-06-01", "CLS"), "coveredPopulation"))
                    .isEqualTo(number(cls2014, "coveredPopulation"));
            assertThat(number(creuse("2020-06-01", "CLS"), "coveredPopulation"))
                    .as("the first contract, ended today, was at work")
                    .isEqualTo(number(cls2020, "coveredPopulation") + bourganeuf);
            assertThat(number(region("2020-06-01", ""), "coveredPopulation"))
                    .isEqualTo(number(regionBefore, "coveredPopulation") + gueret + bourganeuf);

            // White zones on a day: the first CPTS's commune is one in 2023, not in 2020; the second's the other way round.
            assertThat(whiteZones("2023-06-01")).contains(GUERET).doesNotContain(LA_SOUTERRAINE);
            assertThat(whiteZones("2020-06-01")).contains(LA_SOUTERRAINE, AUBUSSON).doesNotContain(GUERET);
            JsonPath zones = get("/api/v1/coverage/white-zones", "department", CREUSE, "kind", "CPTS", "at", "2023-06-01");
            assertThat(zones.getString("at")).isEqualTo("2023-06-01");
            assertThat(zones.getInt("unknownStart")).isEqualTo(1);
            assertThat(zones.getList("statuses")).isNull();
            JsonPath geo = given().queryParams(Map.of("department", CREUSE, "kind", "CPTS", "at", "2023-06-01"))
                    .get("/api/v1/coverage/white-zones.geojson").then().statusCode(200).extract().jsonPath();
            assertThat(geo.getList("features.properties.code")).isEqualTo(zones.getList("communes.code"));
            assertThat(geo.getInt("unknownStart")).isEqualTo(1);

            // Year by year, each row is the day's figure; the Creuse's series moved by exactly these schemes.
            List<Map<String, Object>> history = get("/api/v1/coverage/history", "department", CREUSE).getList("$");
            assertThat(history).hasSameSizeAs(historyBefore);
            assertThat(history.get(0).get("date")).isEqualTo("2015-01-01");
            assertThat(history.get(history.size() - 1).get("date"))
                    .isEqualTo(LocalDate.now(ZoneId.of("Europe/Paris")).getYear() + "-01-01");
            for (int i = 0; i < history.size(); i++) {
                Map<String, Object> row = history.get(i);
                int year = LocalDate.parse((String) row.get("date")).getYear();
                long added = (year >= 2019 && year <= 2021 ? gueret : 0) + (year >= 2022 ? souterraine : 0) + bourganeuf;
                assertThat(number(row, "coveredPopulation")).as("%s", year)
                        .isEqualTo(number(historyBefore.get(i), "coveredPopulation") + added);
                assertThat(number(row, "unknownStart")).as("%s", year)
                        .isEqualTo(number(historyBefore.get(i), "unknownStart") + 1);
                assertThat(sameFigures(row, creuse((String) row.get("date"), ""))).as("%s", year).isTrue();
            }
            for (Map<String, Object> row : get("/api/v1/coverage/history", "region", NOUVELLE_AQUITAINE, "kind", "CPTS,CLS",
                    "from", "2018", "to", "2024")
                    .<Map<String, Object>> getList("$")) {
                assertThat(sameFigures(row, region((String) row.get("date"), "CPTS,CLS"))).as("%s", row.get("date")).isTrue();
            }
            // France: its régions' covered populations added up, each place once.
            for (Map<String, Object> row : get("/api/v1/coverage/history", "from", "2020", "to", "2023")
                    .<Map<String, Object>> getList("$")) {
                List<Number> regions = get("/api/v1/coverage", "level", "region", "at", row.get("date"))
                        .getList("coveredPopulation", Number.class);
                assertThat(number(row, "coveredPopulation")).isEqualTo(regions.stream().mapToLong(Number::longValue).sum());
            }
        } finally {
            for (int i = created.size() - 1; i >= 0; i--) {
                admin().delete("/api/v1/schemes/" + created.get(i)).then().statusCode(204);
            }
        }
        assertThat(creuse("2020-06-01", "")).isEqualTo(before2020);
    }

    private static boolean sameFigures(Map<String, Object> row, Map<String, Object> day) {
        return FIGURES.stream().allMatch(field -> String.valueOf(row.get(field)).equals(String.valueOf(day.get(field))));
    }

    /** A CLS of Bourganeuf of this generation, dates and status. */
    private static Map<String, Object> contract(String ref, int generation, String status, String start, String end,
            String previous) {
        Map<String, Object> body = cls(ref);
        body.put("perimeter", Map.of("communes", List.of(BOURGANEUF)));
        body.put("generation", generation);
        body.put("status", status);
        body.put("startDate", start);
        body.put("endDate", end);
        if (previous != null) {
            body.put("previousRef", previous);
        }
        return body;
    }

    @Test
    void statusWithAtAndDatesThatAreNoneAreRefused() {
        String tooLate = LocalDate.now(ZoneId.of("Europe/Paris")).plusYears(10).plusDays(2).toString();
        for (String path : List.of("/api/v1/coverage", "/api/v1/coverage/white-zones",
                "/api/v1/coverage/white-zones.geojson")) {
            given().queryParams(Map.of("department", CREUSE, "at", "2020-01-01", "status", "ACTIVE")).get(path).then()
                    .statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("status"));
            for (String at : List.of("2021-02-30", "2020-13-01", "1989-12-31", tooLate, "hier", "2020-1-1")) {
                given().queryParams(Map.of("department", CREUSE, "at", at)).get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("at"));
            }
        }
        for (Map<String, String> years : List.of(Map.of("from", "2020", "to", "2019"), Map.of("from", "1989"),
                Map.of("to", "2100"),
                Map.of("from", "deux-mille"))) {
            given().queryParams(years).get("/api/v1/coverage/history").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().queryParams(Map.of("department", "23,87")).get("/api/v1/coverage/history").then().statusCode(400);
        given().queryParams(Map.of("department", CREUSE, "region", NOUVELLE_AQUITAINE)).get("/api/v1/coverage/history").then()
                .statusCode(400);
        given().queryParams(Map.of("status", "ACTIVE")).get("/api/v1/coverage/history").then().statusCode(400);
        given().queryParams(Map.of("at", "2020-01-01")).get("/api/v1/coverage/history").then().statusCode(400);
    }

    @Test
    void thePagesDrawTheHistoryAndShowTheFiguresOfADay() {
        Document page = Jsoup.parse(
                given().get("/territoires/departements/" + CREUSE + "?kind=CPTS").then().statusCode(200).extract().asString());
        Element chart = page.selectFirst("figure.chart");
        assertThat(chart.selectFirst("svg").attr("role")).isEqualTo("img");
        assertThat(page.getElementById(chart.selectFirst("svg").attr("aria-labelledby")).text()).contains("Creuse")
                .contains("2015");
        List<Map<String, Object>> history = get("/api/v1/coverage/history", "department", CREUSE, "kind", "CPTS").getList("$");
        List<Element> rows = page.select("#historique ~ .table-scroll tbody tr");
        assertThat(rows).hasSameSizeAs(history);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).selectFirst("th").text()).isEqualTo(((String) history.get(i).get("date")).substring(0, 4));
            assertThat(rows.get(i).select("td").get(0).text().replaceAll("\\D", ""))
                    .isEqualTo(String.valueOf(history.get(i).get("coveredPopulation")));
        }
        assertThat(page.select("form.as-of input[type=date][name=at]")).hasSize(1);
        assertThat(page.select("form.as-of input[type=hidden][name=kind]").attr("value")).isEqualTo("CPTS");
        assertThat(page.select(".notice[role=status]").text()).doesNotContain("Chiffres au");

        Map<String, Object> created = cpts("history-page", List.of(GUERET), List.of());
        created.put("startDate", "2019-01-01");
        created.put("endDate", "2021-12-31");
        created.put("status", "ENDED");
        Map<String, Object> undated = cpts("history-page-undated", List.of(AUBUSSON), List.of());
        long first = create(created), second = create(undated);
        try {
            Document then = Jsoup.parse(
                    given().get("/territoires/departements/" + CREUSE + "?kind=CPTS&at=2020-06-01").then().statusCode(200)
                            .extract().asString());
            assertThat(then.select(".notice[role=status]").text()).contains("Chiffres au 1 juin 2020")
                    .contains("1 dispositif à date de début inconnue, non compté");
            assertThat(then.select("#zones-blanches ~ ul a").eachText()).doesNotContain("Guéret");
            assertThat(then.select("form.as-of input[name=at]").attr("value")).isEqualTo("2020-06-01");
            assertThat(then.select("nav.tabs a").eachAttr("href")).allMatch(href -> href.contains("at=2020-06-01"));
            Document today = Jsoup.parse(given().get("/territoires/departements/" + CREUSE + "?kind=CPTS").asString());
            assertThat(today.select("#zones-blanches ~ ul a").eachText()).contains("Guéret");

            Document national = Jsoup
                    .parse(given().get("/couverture?kind=CPTS&at=2020-06-01").then().statusCode(200).extract().asString());
            assertThat(national.select(".notice[role=status]").text()).contains("Chiffres au 1 juin 2020");
            Element creuse = national.select("tbody tr").stream().filter(tr -> tr.text().contains("Creuse (23)")).findFirst()
                    .orElseThrow();
            assertThat(creuse.select("td").get(1).text().replaceAll("\\D", ""))
                    .isEqualTo(String.valueOf(number(creuse("2020-06-01", "CPTS"), "coveredPopulation")));
            assertThat(creuse.selectFirst("a").attr("href")).contains("at=2020-06-01");
            assertThat(national.select("figure.chart svg[role=img]")).hasSize(1);
            assertThat(national.select("#historique ~ .table-scroll tbody tr")).hasSize(history.size());
        } finally {
            admin().delete("/api/v1/schemes/" + second).then().statusCode(204);
            admin().delete("/api/v1/schemes/" + first).then().statusCode(204);
        }

        // A date that is none: today's figures, and why, beside the box (a 400, not a 500).
        for (String path : List.of("/couverture?at=2021-02-30", "/territoires/departements/23?at=demain")) {
            Document wrong = Jsoup
                    .parse(given().get(path).then().statusCode(400).contentType(ContentType.HTML).extract().asString());
            assertThat(wrong.select("#at-erreur").text()).contains("n'est pas une date que l'annuaire peut montrer");
            assertThat(wrong.select("form.as-of input[name=at]").attr("aria-invalid")).isEqualTo("true");
            assertThat(wrong.select(".notice[role=status]").text()).doesNotContain("Chiffres au");
        }
        assertThat(
                Jsoup.parse(given().get("/couverture?at=2020-06-01&lang=en").asString()).select(".notice[role=status]").text())
                .contains("Figures as of June 1, 2020");
    }
}
