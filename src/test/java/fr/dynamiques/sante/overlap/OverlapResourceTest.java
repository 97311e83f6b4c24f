package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cls;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryViews.Ref;

/**
 * Overlaps, territory stacks, the matrix, coverage and white zones on the demo registry. Expected figures are
 * computed here from the schemes as the API lists them (declared perimeters, resolved with the COG), pair by pair
 * and commune by commune, never read back from the feature under test. Schemes a test adds are deleted after it.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class OverlapResourceTest {

    private static final String SAINT_MARTIN_D_HERES = "38421";

    @Inject
    CogSnapshot cog;

    @Inject
    EntityManager em;

    /** A scheme as the test sees it: kind, status and the communes its declared perimeter covers. */
    record Listed(long id, String ref, String kind, String status, Set<String> communes) {
    }

    private static JsonPath get(String path, Object... params) {
        return given().queryParams(pairs(params)).when().get(path).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private static Map<String, Object> pairs(Object... params) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put((String) params[i], params[i + 1]);
        }
        return map;
    }

    private static long idOf(String ref) {
        return get("/api/v1/schemes", "ref", ref).getLong("items[0].id");
    }

    /** Every scheme of the registry, with the communes of its perimeter resolved here. */
    private List<Listed> registry() {
        JsonPath page = get("/api/v1/schemes", "size", 200);
        assertThat(page.getInt("total")).as("the test reads the whole registry in one page").isLessThanOrEqualTo(200);
        List<Listed> schemes = new ArrayList<>();
        for (Map<String, Object> s : page.<Map<String, Object>> getList("items")) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> perimeter = (Map<String, List<String>>) s.get("perimeter");
            Set<String> communes = cog.resolve(perimeter.getOrDefault("communes", List.of()),
                    perimeter.getOrDefault("arrondissements", List.of()), perimeter.getOrDefault("epcis", List.of()),
                    perimeter.getOrDefault("departments", List.of()));
            schemes.add(new Listed(((Number) s.get("id")).longValue(), (String) s.get("ref"), (String) s.get("kind"),
                    (String) s.get("status"), communes));
        }
        return schemes;
    }

    private long population(Set<String> communes) {
        return cog.population(communes);
    }

    private boolean inDepartment(String commune, String department) {
        return cog.departmentsOf(List.of(commune)).stream().map(Ref::code).anyMatch(department::equals);
    }

    @Test
    void theCptsSudEstGrenobloisCoversAllOfTheClsOfSaintMartinDHeres() {
        long cls = idOf("demo-cls-saint-martin-d-heres");
        long cpts = idOf("demo-cpts-sud-est-grenoblois");
        long commune = population(Set.of(SAINT_MARTIN_D_HERES));
        long cptsPopulation = get("/api/v1/schemes/" + cpts).getLong("population");

        JsonPath overlaps = get("/api/v1/schemes/" + cls + "/overlaps");
        int row = overlaps.<Integer> getList("scheme.id").indexOf((int) cpts);
        assertThat(row).as("the CPTS is among the overlaps of the CLS").isGreaterThanOrEqualTo(0);
        assertThat(overlaps.getInt("[" + row + "].sharedCommunes")).isEqualTo(1);
        assertThat(overlaps.getLong("[" + row + "].sharedPopulation")).isEqualTo(commune);
        assertThat(overlaps.getDouble("[" + row + "].shareOfThis")).isEqualTo(1.0);
        assertThat(overlaps.getDouble("[" + row + "].shareOfOther")).isCloseTo((double) commune / cptsPopulation, within(1e-4));
        assertThat(overlaps.getString("[" + row + "].scheme.kind")).isEqualTo("CPTS");

        // Seen from the CPTS: the CLS, whole.
        JsonPath fromCpts = get("/api/v1/schemes/" + cpts + "/overlaps");
        int back = fromCpts.<Integer> getList("scheme.id").indexOf((int) cls);
        assertThat(fromCpts.getDouble("[" + back + "].shareOfOther")).isEqualTo(1.0);
        assertThat(fromCpts.getString("[" + back + "].scheme.status")).isEqualTo("ENDED");
    }

    @Test
    void overlapsOfEveryDemoSchemeMatchPairsComputedCommuneByCommune() {
        List<Listed> registry = registry();
        for (Listed scheme : registry) {
            List<Map<String, Object>> expected = new ArrayList<>();
            for (Listed other : registry) {
                Set<String> shared = new TreeSet<>(scheme.communes());
                shared.retainAll(other.communes());
                if (other.id() != scheme.id() && !shared.isEmpty()) {
                    expected.add(Map.of("id", other.id(), "communes", shared.size(), "population", population(shared)));
                }
            }
            JsonPath overlaps = get("/api/v1/schemes/" + scheme.id() + "/overlaps");
            assertThat(overlaps.getList("scheme.id", Long.class)).as(scheme.ref())
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(e -> (Long) e.get("id")).toList());
            List<Long> shares = overlaps.getList("sharedPopulation", Long.class);
            assertThat(shares).as("largest shared population first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
            for (Map<String, Object> e : expected) {
                int row = overlaps.getList("scheme.id", Long.class).indexOf((Long) e.get("id"));
                assertThat(overlaps.getInt("[" + row + "].sharedCommunes")).isEqualTo(e.get("communes"));
                assertThat(overlaps.getLong("[" + row + "].sharedPopulation")).isEqualTo(e.get("population"));
            }
        }
    }

    @Test
    void anEditedPerimeterShowsInTheNextAnswer() {
        long cpts = idOf("demo-cpts-sud-est-grenoblois");
        Map<String, Object> body = cls("overlap-edit");
        body.put("perimeter", Map.of("communes", List.of(SAINT_MARTIN_D_HERES, "38151")));
        long added = create(body);
        try {
            JsonPath overlaps = get("/api/v1/schemes/" + cpts + "/overlaps");
            int row = overlaps.getList("scheme.id", Long.class).indexOf(added);
            assertThat(row).isGreaterThanOrEqualTo(0);
            assertThat(overlaps.getInt("[" + row + "].sharedCommunes")).isEqualTo(1);
            assertThat(overlaps.getDouble("[" + row + "].shareOfOther"))
                    .isCloseTo((double) population(Set.of(SAINT_MARTIN_D_HERES))
                            / population(Set.of(SAINT_MARTIN_D_HERES, "38151")), within(1e-4));

            // Moved to Grenoble: no longer beside the CPTS, now beside the CLSM of Grenoble.
            body.put("perimeter", Map.of("communes", List.of("38185")));
            admin().body(body).when().put("/api/v1/schemes/" + added).then().statusCode(200);
            assertThat(get("/api/v1/schemes/" + cpts + "/overlaps").getList("scheme.id", Long.class)).doesNotContain(added);
            assertThat(get("/api/v1/schemes/" + added + "/overlaps").getList("scheme.ref")).contains("demo-clsm-grenoble");
        } finally {
            admin().when().delete("/api/v1/schemes/" + added).then().statusCode(204);
        }
        assertThat(get("/api/v1/schemes/" + cpts + "/overlaps").getList("scheme.id", Long.class)).doesNotContain(added);
    }

    @Test
    void coverageCountsFollowEveryWrite() {
        // The most populated commune of Isère without a CPTS: a new CPTS there removes it from the white zones.
        String commune = get("/api/v1/coverage/white-zones", "kind", "CPTS", "department", "38").getString("communes[0].code");
        Map<String, Object> body = cpts("coverage-write", List.of(commune), List.of());
        long id = create(body);
        try {
            assertThat(whiteZones()).doesNotContain(commune);
            assertThat(countsMatchPerimeters()).isTrue();
            body.put("status", "ENDED");
            admin().body(body).when().put("/api/v1/schemes/" + id).then().statusCode(200);
            assertThat(whiteZones()).contains(commune);
            assertThat(get("/api/v1/coverage/white-zones", "kind", "CPTS", "department", "38", "status", "ENDED")
                    .getList("communes.code")).doesNotContain(commune);
            body.put("status", "ACTIVE");
            body.put("perimeter", Map.of("communes", List.of("38151")));
            admin().body(body).when().put("/api/v1/schemes/" + id).then().statusCode(200);
            assertThat(whiteZones()).contains(commune).doesNotContain("38151");
            assertThat(countsMatchPerimeters()).isTrue();
        } finally {
            admin().when().delete("/api/v1/schemes/" + id).then().statusCode(204);
        }
        assertThat(whiteZones()).contains(commune, "38151");
        assertThat(countsMatchPerimeters()).isTrue();
    }

    private static List<String> whiteZones() {
        return get("/api/v1/coverage/white-zones", "kind", "CPTS", "department", "38").getList("communes.code");
    }

    /**
     * The counts the triggers keep (schemes per commune, per département, per région) equal those recounted from every
     * perimeter, row for row, both ways.
     */
    private boolean countsMatchPerimeters() {
        String perCommune = "select commune_code, kind, status, schemes from commune_coverage where schemes > 0";
        String recountedPerCommune = "select sc.commune_code, s.kind, s.status, count(*) from scheme_commune sc "
                + "join scheme s on s.id = sc.scheme_id group by 1, 2, 3";
        String perArea = "select level, code, kind, status, schemes from area_schemes where schemes > 0";
        String recountedPerArea = "select 'department', c.department_code, s.kind, s.status, count(distinct s.id) from scheme s "
                + "join scheme_commune sc on sc.scheme_id = s.id join commune c on c.code = sc.commune_code group by 1, 2, 3, 4 "
                + "union all select 'region', d.region_code, s.kind, s.status, count(distinct s.id) from scheme s "
                + "join scheme_commune sc on sc.scheme_id = s.id join commune c on c.code = sc.commune_code "
                + "join department d on d.code = c.department_code group by 1, 2, 3, 4";
        return QuarkusTransaction.requiringNew().call(() -> differences(perCommune, recountedPerCommune) == 0
                && differences(recountedPerCommune, perCommune) == 0
                && differences(perArea, recountedPerArea) == 0 && differences(recountedPerArea, perArea) == 0);
    }

    private long differences(String rows, String others) {
        return ((Number) em.createNativeQuery("select count(*) from ((" + rows + ") except (" + others + ")) d")
                .getSingleResult()).longValue();
    }

    @Test
    void simultaneousImportsOverTheSameTerritoriesBothSucceed() throws Exception {
        // Isère then Gironde in one import, Gironde then Isère in the other (two régions): each holds the counts of
        // one territory while it reaches for the other's.
        List<String> isere = List.of("38001", "38002", "38003", "38004", "38005", "38006", "38008", "38009");
        List<String> gironde = List.of("33001", "33002", "33003", "33004", "33005", "33006", "33007", "33008");
        List<Map<String, Object>> first = new ArrayList<>();
        List<Map<String, Object>> second = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            for (String commune : isere) {
                first.add(cpts("concurrent-a-" + round + "-" + commune, List.of(commune), List.of()));
            }
            for (String commune : gironde) {
                first.add(cpts("concurrent-a-" + round + "-" + commune, List.of(commune), List.of()));
                second.add(cpts("concurrent-b-" + round + "-" + commune, List.of(commune), List.of()));
            }
            for (String commune : isere) {
                second.add(cpts("concurrent-b-" + round + "-" + commune, List.of(commune), List.of()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = pool.invokeAll(List.of(
                    () -> admin().body(first).when().post("/api/v1/schemes/import").then().extract().statusCode(),
                    () -> admin().body(second).when().post("/api/v1/schemes/import").then().extract().statusCode()));
            assertThat(List.of(answers.get(0).get(), answers.get(1).get())).containsExactly(200, 200);
            assertThat(countsMatchPerimeters()).isTrue();
        } finally {
            pool.shutdown();
            // Through the API, so that search forgets them too (the search tests share this registry).
            @SuppressWarnings("unchecked")
            List<Number> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select id from scheme where ref like 'concurrent-%'").getResultList());
            ids.forEach(id -> admin().when().delete("/api/v1/schemes/" + id).then().statusCode(204));
        }
        assertThat(countsMatchPerimeters()).isTrue();
    }

    @Test
    void statusFilterKeepsOnlyThoseStatuses() {
        long cpts = idOf("demo-cpts-sud-est-grenoblois");
        assertThat(get("/api/v1/schemes/" + cpts + "/overlaps").getList("scheme.ref"))
                .contains("demo-cls-saint-martin-d-heres");
        assertThat(get("/api/v1/schemes/" + cpts + "/overlaps", "status", "ACTIVE,RENEWAL").getList("scheme.ref"))
                .doesNotContain("demo-cls-saint-martin-d-heres");
        long cls = idOf("demo-cls-saint-martin-d-heres");
        assertThat(get("/api/v1/schemes/" + cls + "/overlaps", "status", "ACTIVE").getList("scheme.ref"))
                .containsExactly("demo-cpts-sud-est-grenoblois");
    }

    @Test
    void theStackOfSaintMartinDHeresGroupsItsSchemesByKind() {
        JsonPath stack = get("/api/v1/territories/communes/" + SAINT_MARTIN_D_HERES + "/schemes");
        assertThat(stack.getString("territory.name")).isEqualTo("Saint-Martin-d'Hères");
        assertThat(stack.getLong("territory.population")).isEqualTo(population(Set.of(SAINT_MARTIN_D_HERES)));
        Set<String> expected = new TreeSet<>();
        registry().stream().filter(s -> s.communes().contains(SAINT_MARTIN_D_HERES)).forEach(s -> expected.add(s.ref()));
        assertThat(stack.getInt("total")).isEqualTo(expected.size());
        assertThat(stack.getList("kinds.schemes.flatten().scheme.ref", String.class))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(stack.getList("kinds.kind", String.class)).isSorted().contains("CLS", "CPTS");
        // A commune is covered whole or not at all.
        assertThat(stack.getList("kinds.schemes.flatten().share", Double.class)).containsOnly(1.0);
        assertThat(stack.getList("kinds.schemes.flatten().whole", Boolean.class)).containsOnly(true);
        // The singular works as well as the plural; a kind filter narrows.
        assertThat(
                get("/api/v1/territories/commune/" + SAINT_MARTIN_D_HERES + "/schemes", "kind", "CPTS").getList("kinds.kind"))
                .containsExactly("CPTS");
    }

    @Test
    void theStackOfAnEpciSharesItsPopulation() {
        String siren = "200040715"; // Grenoble-Alpes-Métropole
        JsonPath epci = get("/api/v1/territories/epcis/" + siren);
        Set<String> members = new HashSet<>(epci.getList("communes.code"));
        long epciPopulation = epci.getLong("population");
        JsonPath stack = get("/api/v1/territories/epcis/" + siren + "/schemes");
        assertThat(stack.getLong("territory.population")).isEqualTo(epciPopulation);
        int checked = 0;
        for (Listed scheme : registry()) {
            Set<String> inside = new TreeSet<>(scheme.communes());
            inside.retainAll(members);
            String path = "kinds.find { k -> k.kind == '" + scheme.kind() + "' }.schemes.find { s -> s.scheme.ref == '"
                    + scheme.ref() + "' }";
            if (inside.isEmpty()) {
                assertThat(stack.getMap(path)).as(scheme.ref()).isNull();
                continue;
            }
            assertThat(stack.getInt(path + ".coveredCommunes")).as(scheme.ref()).isEqualTo(inside.size());
            assertThat(stack.getLong(path + ".coveredPopulation")).isEqualTo(population(inside));
            assertThat(stack.getDouble(path + ".share")).isCloseTo((double) population(inside) / epciPopulation, within(1e-4));
            assertThat(stack.getBoolean(path + ".whole")).isEqualTo(inside.size() == members.size());
            checked++;
        }
        assertThat(checked).as("demo schemes in Grenoble-Alpes-Métropole").isGreaterThanOrEqualTo(4);
    }

    @Test
    void theMatrixOfIsereCountsEveryOverlappingPairOnce() {
        String department = "38";
        List<String> all = List.of("DRAFT", "ACTIVE", "RENEWAL", "ENDED");
        JsonPath matrix = get("/api/v1/overlaps/matrix", "department", department, "status", String.join(",", all));
        Map<String, long[]> expected = expectedMatrix(registry(), c -> inDepartment(c, department));
        assertThat(expected).as("the demo registry has overlaps in Isère").isNotEmpty();
        assertMatrixIs(matrix, expected);
        assertThat(matrix.getList("kinds")).contains("ASV", "CLS", "CLSM", "CPTS");
        // By default only the schemes at work count: the ended CLS of Saint-Martin-d'Hères no longer pairs with the CPTS.
        List<Map<String, Object>> current = get("/api/v1/overlaps/matrix", "department", department).getList("cells");
        long clsCpts = current.stream().filter(c -> "CLS".equals(c.get("kindA")) && "CPTS".equals(c.get("kindB")))
                .mapToLong(c -> ((Number) c.get("pairs")).longValue()).sum();
        assertThat(clsCpts).isLessThan(expected.getOrDefault("CLS/CPTS", new long[1])[0]);
    }

    @Test
    void schemesOnTheSameCommunesArePairedWithEachOtherAndWithTheOthers() {
        // The matrix groups the schemes of a kind by their communes in the area: here two CLS, an ended CLS and a CPTS on
        // the same two communes, and a CPTS that also reaches Savoie (the same communes as the other in Isère, not in the
        // région).
        List<String> twoCommunes = List.of("38151", SAINT_MARTIN_D_HERES);
        List<Map<String, Object>> bodies = List.of(cls("same-cls-a"), cls("same-cls-b"), cls("same-cls-ended"),
                cpts("same-cpts", twoCommunes, List.of()),
                cpts("same-cpts-and-chambery", List.of("38151", SAINT_MARTIN_D_HERES, "73065"), List.of()));
        bodies.stream().filter(b -> b.get("kind").equals("CLS"))
                .forEach(b -> b.put("perimeter", Map.of("communes", twoCommunes)));
        bodies.get(2).put("status", "ENDED");
        List<Long> ids = bodies.stream().map(SchemeFixtures::create).toList();
        try {
            List<Listed> registry = registry();
            for (List<String> statuses : List.of(List.of("ACTIVE", "RENEWAL"),
                    List.of("DRAFT", "ACTIVE", "RENEWAL", "ENDED"))) {
                List<Listed> counted = registry.stream().filter(s -> statuses.contains(s.status())).toList();
                String status = String.join(",", statuses);
                assertMatrixIs(get("/api/v1/overlaps/matrix", "department", "38", "status", status),
                        expectedMatrix(counted, c -> inDepartment(c, "38")));
                assertMatrixIs(get("/api/v1/overlaps/matrix", "region", "84", "status", status),
                        expectedMatrix(counted, c -> cog.regionsOf(List.of(c)).get(0).code().equals("84")));
            }
        } finally {
            ids.forEach(id -> admin().when().delete("/api/v1/schemes/" + id).then().statusCode(204));
        }
    }

    /**
     * Kind x kind ("CLS/CPTS", kinds in order), computed pair by pair: how many pairs of these schemes share a commune
     * of the area, and the population of the communes they share there, summed over the pairs.
     */
    private Map<String, long[]> expectedMatrix(List<Listed> schemes, Predicate<String> inArea) {
        List<Listed> inside = schemes.stream().filter(s -> s.communes().stream().anyMatch(inArea)).toList();
        Map<String, long[]> expected = new HashMap<>();
        for (int i = 0; i < inside.size(); i++) {
            for (int j = i + 1; j < inside.size(); j++) {
                Set<String> shared = new TreeSet<>(inside.get(i).communes());
                shared.retainAll(inside.get(j).communes());
                shared.removeIf(inArea.negate());
                if (!shared.isEmpty()) {
                    String a = inside.get(i).kind();
                    String b = inside.get(j).kind();
                    long[] cell = expected.computeIfAbsent(a.compareTo(b) <= 0 ? a + "/" + b : b + "/" + a, k -> new long[2]);
                    cell[0]++;
                    cell[1] += population(shared);
                }
            }
        }
        return expected;
    }

    private static void assertMatrixIs(JsonPath matrix, Map<String, long[]> expected) {
        List<Map<String, Object>> cells = matrix.getList("cells");
        assertThat(cells).hasSize(expected.size());
        for (Map<String, Object> cell : cells) {
            long[] want = expected.get(cell.get("kindA") + "/" + cell.get("kindB"));
            assertThat(want).as(cell.toString()).isNotNull();
            assertThat(((Number) cell.get("pairs")).longValue()).as(cell.toString()).isEqualTo(want[0]);
            assertThat(((Number) cell.get("sharedPopulation")).longValue()).as(cell.toString()).isEqualTo(want[1]);
        }
    }

    @Test
    void coverageOfADepartmentIsThePopulationOfItsDistinctCoveredCommunes() {
        List<Listed> current = registry().stream().filter(s -> s.status().equals("ACTIVE") || s.status().equals("RENEWAL"))
                .toList();
        List<Map<String, Object>> rows = get("/api/v1/coverage", "region", "84").getList("");
        assertThat(rows).extracting(r -> r.get("code")).contains("38", "69", "01");
        for (Map<String, Object> row : rows) {
            String department = (String) row.get("code");
            Set<String> covered = new TreeSet<>();
            Map<String, Set<String>> coveredByKind = new HashMap<>();
            Map<String, Integer> schemesByKind = new HashMap<>();
            for (Listed s : current) {
                List<String> here = s.communes().stream().filter(c -> inDepartment(c, department)).toList();
                if (!here.isEmpty()) {
                    covered.addAll(here);
                    coveredByKind.computeIfAbsent(s.kind(), k -> new TreeSet<>()).addAll(here);
                    schemesByKind.merge(s.kind(), 1, Integer::sum);
                }
            }
            long population = ((Number) row.get("population")).longValue();
            assertThat(((Number) row.get("coveredPopulation")).longValue()).as(department).isEqualTo(population(covered));
            assertThat(((Number) row.get("schemeCount")).intValue())
                    .isEqualTo(schemesByKind.values().stream().mapToInt(i -> i).sum());
            assertThat(((Number) row.get("coverageRatio")).doubleValue())
                    .isCloseTo(population == 0 ? 0 : (double) population(covered) / population, within(1e-4));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> kinds = (List<Map<String, Object>>) row.get("kinds");
            assertThat(kinds).extracting(k -> k.get("kind")).containsExactlyElementsOf(new TreeSet<>(schemesByKind.keySet()));
            for (Map<String, Object> k : kinds) {
                assertThat(((Number) k.get("coveredPopulation")).longValue())
                        .isEqualTo(population(coveredByKind.get(k.get("kind"))));
                assertThat(((Number) k.get("schemeCount")).intValue()).isEqualTo(schemesByKind.get(k.get("kind")));
            }
        }
        // Isère is covered by several demo schemes; its population is the COG's.
        Map<String, Object> isere = rows.stream().filter(r -> r.get("code").equals("38")).findFirst().orElseThrow();
        assertThat(((Number) isere.get("coveredPopulation")).longValue()).isPositive();
        assertThat(((Number) isere.get("population")).longValue())
                .isEqualTo(get("/api/v1/territories/departments/38").getLong("population"));
    }

    @Test
    void coverageByRegionAddsUpCommunesNotDepartments() {
        List<Map<String, Object>> regions = get("/api/v1/coverage", "level", "region", "kind", "CLS").getList("");
        assertThat(regions).extracting(r -> r.get("code")).contains("84", "11", "44");
        Map<String, Object> ara = regions.stream().filter(r -> r.get("code").equals("84")).findFirst().orElseThrow();
        Set<String> covered = new TreeSet<>();
        registry().stream().filter(s -> s.kind().equals("CLS") && (s.status().equals("ACTIVE") || s.status().equals("RENEWAL")))
                .forEach(s -> s.communes().stream().filter(c -> cog.regionsOf(List.of(c)).get(0).code().equals("84"))
                        .forEach(covered::add));
        assertThat(((Number) ara.get("coveredPopulation")).longValue()).isEqualTo(population(covered));
        // Counting ended schemes too changes the answer (the CLS of Saint-Martin-d'Hères ended in 2023).
        Map<String, Object> withEnded = get("/api/v1/coverage", "level", "region", "kind", "CLS", "region", "84", "status",
                "ACTIVE,ENDED")
                .getMap("[0]");
        assertThat(((Number) withEnded.get("coveredPopulation")).longValue()).isGreaterThan(population(covered));
    }

    @Test
    void whiteZonesAreTheCommunesNoSchemeOfTheKindCovers() {
        Set<String> coveredByCpts = new TreeSet<>();
        registry().stream().filter(s -> s.kind().equals("CPTS") && s.status().equals("ACTIVE"))
                .forEach(s -> s.communes().stream().filter(c -> inDepartment(c, "38")).forEach(coveredByCpts::add));
        JsonPath department = get("/api/v1/territories/departments/38");
        JsonPath zones = get("/api/v1/coverage/white-zones", "kind", "CPTS", "department", "38");
        assertThat(zones.getInt("communeCount")).isEqualTo(department.getInt("communeCount") - coveredByCpts.size());
        assertThat(zones.getLong("population")).isEqualTo(department.getLong("population") - population(coveredByCpts));
        assertThat(zones.getList("communes.code", String.class)).doesNotContainAnyElementsOf(coveredByCpts)
                .contains("38151"); // Échirolles has a CLS, no CPTS
        assertThat(zones.getList("communes.population", Long.class)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        // Any kind: Échirolles is covered (its CLS is active).
        assertThat(get("/api/v1/coverage/white-zones", "department", "38").getList("communes.code")).doesNotContain("38151");
    }

    @Test
    void whiteZonesAndCoverageOfSeveralDepartementsAreThoseOfEachTogether() {
        JsonPath isere = get("/api/v1/coverage/white-zones", "kind", "CPTS", "department", "38");
        JsonPath savoie = get("/api/v1/coverage/white-zones", "kind", "CPTS", "department", "73");
        for (String query : List.of("department=38&department=73", "department=38,73")) {
            JsonPath both = given().get("/api/v1/coverage/white-zones?kind=CPTS&" + query).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(both.getInt("communeCount")).as(query)
                    .isEqualTo(isere.getInt("communeCount") + savoie.getInt("communeCount"));
            assertThat(both.getLong("population")).as(query)
                    .isEqualTo(isere.getLong("population") + savoie.getLong("population"));
            List<String> codes = new ArrayList<>(isere.getList("communes.code", String.class));
            codes.addAll(savoie.getList("communes.code", String.class));
            assertThat(both.getList("communes.code", String.class)).as(query).containsExactlyInAnyOrderElementsOf(codes);
            assertThat(both.getList("communes.population", Long.class)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(both.getList("territories.code", String.class)).containsExactly("38", "73");
            assertThat(both.getMap("$")).doesNotContainKey("territory");
            assertThat(given().get("/api/v1/coverage/white-zones.geojson?kind=CPTS&" + query).then().statusCode(200).extract()
                    .jsonPath().getList("features")).hasSize(codes.size());
        }
        // Coverage: the rows of those départements, as the whole answer has them.
        List<Map<String, Object>> all = get("/api/v1/coverage", "kind", "CPTS").getList("$");
        List<Map<String, Object>> two = given().get("/api/v1/coverage?kind=CPTS&department=38&department=73").then()
                .statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(two)
                .containsExactlyElementsOf(all.stream().filter(r -> List.of("38", "73").contains(r.get("code"))).toList());
        given().get("/api/v1/coverage?level=region&department=38").then().statusCode(400);
        given().get("/api/v1/coverage/white-zones?department=38&region=84").then().statusCode(400);
        given().get("/api/v1/coverage/white-zones?department=38,zz").then().statusCode(400);
        // The matrix stays one territory's.
        given().get("/api/v1/overlaps/matrix?department=38&department=73").then().statusCode(400);
    }

    @Test
    void schemesEndingSoonAreListedSoonestFirst() {
        Map<String, Object> soon = cls("ending-soon");
        soon.put("endDate", LocalDate.now().plusMonths(2).toString());
        Map<String, Object> later = cls("ending-later");
        later.put("endDate", LocalDate.now().plusMonths(5).toString());
        Map<String, Object> ended = cls("ending-ended");
        ended.put("status", "ENDED");
        ended.put("endDate", LocalDate.now().plusMonths(1).toString());
        List<Long> ids = List.of(create(soon), create(later), create(ended));
        try {
            assertThat(get("/api/v1/schemes/ending", "months", 6, "region", "84").getList("items.ref"))
                    .containsSubsequence("ending-soon", "ending-later").doesNotContain("ending-ended");
            assertThat(get("/api/v1/schemes/ending", "months", 3).getList("items.ref"))
                    .contains("ending-soon").doesNotContain("ending-later");
            assertThat(get("/api/v1/schemes/ending", "months", 6, "region", "11").getList("items.ref"))
                    .doesNotContain("ending-soon");
            assertThat(get("/api/v1/schemes/ending", "months", 6, "status", "ENDED").getList("items.ref"))
                    .containsExactly("ending-ended");
        } finally {
            ids.forEach(id -> admin().when().delete("/api/v1/schemes/" + id).then().statusCode(204));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/schemes/abc/overlaps",
            "/api/v1/schemes/1/overlaps?status=OPEN",
            "/api/v1/territories/communes/3815/schemes",
            "/api/v1/territories/communes/38151/schemes?kind=XYZ",
            "/api/v1/overlaps/matrix",
            "/api/v1/overlaps/matrix?region=84&department=38",
            "/api/v1/overlaps/matrix?department=99",
            "/api/v1/coverage?level=commune",
            "/api/v1/coverage?region=999",
            "/api/v1/coverage/white-zones?kind=CPTS",
            "/api/v1/schemes/ending?months=0",
            "/api/v1/schemes/ending?months=soon",
    })
    void clientMistakesAnswer400(String path) {
        given().when().get(path).then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/schemes/999999999/overlaps",
            "/api/v1/territories/communes/38999/schemes",
            "/api/v1/territories/cantons/3801/schemes",
    })
    void unknownThingsAnswer404(String path) {
        given().when().get(path).then().statusCode(404).contentType("application/problem+json");
    }
}
