package fr.dynamiques.sante.scheme;

import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cls;
import static fr.dynamiques.sante.scheme.SchemeFixtures.coordinator;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static fr.dynamiques.sante.scheme.SchemeFixtures.partner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

/** Each rule refuses the write with a 400 naming the field, and leaves the registry as it was. */
@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class SchemeValidationTest {

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                invalid("10,000 themes", "themes", b -> b.put("themes", java.util.stream.IntStream.range(0, 10_000)
                        .mapToObj(i -> "thème " + i).toList())),
                invalid("unknown commune", "perimeter.communes[1]",
                        b -> b.put("perimeter", Map.of("communes", List.of("38151", "38000")))),
                invalid("malformed commune", "perimeter.communes[0]",
                        b -> b.put("perimeter", Map.of("communes", List.of("x'; drop")))),
                invalid("unknown EPCI", "perimeter.epcis[0]", b -> b.put("perimeter", Map.of("epcis", List.of("123456789")))),
                invalid("unknown département", "perimeter.departments[0]",
                        b -> b.put("perimeter", Map.of("departments", List.of("20")))),
                invalid("empty perimeter", "perimeter", b -> b.put("perimeter", Map.of("communes", List.of()))),
                invalid("no perimeter", "perimeter", b -> b.remove("perimeter")),
                invalid("end before start", "endDate", b -> b.put("endDate", "2020-01-01")),
                invalid("unknown kind", "kind", b -> b.put("kind", "MSP")),
                invalid("unknown status", "status", b -> b.put("status", "OPEN")),
                invalid("no status", "status", b -> b.remove("status")),
                invalid("empty name", "name", b -> b.put("name", "  ")),
                invalid("no ref", "ref", b -> b.remove("ref")),
                invalid("ref with spaces", "ref", b -> b.put("ref", "my ref")),
                invalid("negative amount", "fundings[0].amountEuros",
                        b -> b.put("fundings", List.of(Map.of("organisation", "ARS", "year", 2024, "amountEuros", -1)))),
                invalid("funding without year", "fundings[0].year",
                        b -> b.put("fundings", List.of(Map.of("organisation", "ARS", "amountEuros", 10)))),
                invalid("over-long name", "name", b -> b.put("name", "n".repeat(301))),
                invalid("over-long description", "description", b -> b.put("description", "d".repeat(5001))),
                invalid("over-long theme", "themes[1]", b -> b.put("themes", List.of("ok", "t".repeat(121)))),
                invalid("over-long partner name", "partners[0].organisation.name",
                        b -> b.put("partners", List.of(partner("p".repeat(201), "ARS", "SIGNATORY")))),
                invalid("website not a URL", "website", b -> b.put("website", "javascript:alert(1)")),
                invalid("unknown role", "partners[0].roles[0]",
                        b -> b.put("partners", List.of(partner("ARS", "ARS", "OWNER")))),
                invalid("no role", "partners[0].roles", b -> b.put("partners", List.of(partner("ARS", "ARS")))),
                invalid("unknown organisation type", "partners[0].organisation.type",
                        b -> b.put("partners", List.of(partner("ARS", "AGENCY", "SIGNATORY")))),
                invalid("same partner twice", "partners[1].organisation",
                        b -> b.put("partners",
                                List.of(partner("ARS ARA", "ARS", "SIGNATORY"), partner("ars ara", "ARS", "FUNDER")))),
                invalid("COG code of an unknown commune", "partners[0].organisation.cogCode", b -> b.put("partners",
                        List.of(Map.of("organisation", Map.of("name", "Ville", "type", "COMMUNE", "cogCode", "38000"), "roles",
                                List.of("CARRIER"))))),
                invalid("malformed SIRET", "partners[0].organisation.siret", b -> b.put("partners",
                        List.of(Map.of("organisation", Map.of("name", "Asso", "siret", "123"), "roles", List.of("PARTNER"))))),
                invalid("invalid email", "coordinators[0].email",
                        b -> b.put("coordinators", List.of(coordinator("A", "B", "not-an-email", true)))),
                invalid("coordinator without name", "coordinators[0].lastName",
                        b -> b.put("coordinators", List.of(coordinator("A", "", "a.b@example.org", true)))),
                invalid("consent date without consent", "coordinators[0].publicContactSince", b -> {
                    Map<String, Object> c = coordinator("A", "B", "a.b@example.org", false);
                    c.put("publicContactSince", "2026-01-01");
                    b.put("coordinators", List.of(c));
                }),
                invalid("CPTS stage on a CLS", "cptsStage", b -> b.put("cptsStage", "ACI_SIGNED")),
                invalid("QPV on a CLS", "priorityNeighbourhoods", b -> b.put("priorityNeighbourhoods", List.of("QN09101M"))),
                invalid("generation out of range", "generation", b -> b.put("generation", 0)),
                invalid("unknown previous contract", "previousRef", b -> b.put("previousRef", "nowhere")),
                invalid("score above 3", "approach[0].score",
                        b -> b.put("approach", List.of(Map.of("criterion", "PARTNERSHIP", "score", 4)))),
                invalid("unknown criterion", "approach[0].criterion",
                        b -> b.put("approach", List.of(Map.of("criterion", "FAST", "score", 1)))),
                invalid("unknown project step", "projectStep", b -> b.put("projectStep", "DONE")),
                invalid("lastVerified in the future", "lastVerified", b -> b.put("lastVerified", "2999-01-01")),
                invalid("misspelt field", "comunes", b -> b.put("comunes", List.of("38151"))),
                invalid("null partner", "partners[0]", b -> b.put("partners", java.util.Arrays.asList((Object) null))),
                invalid("null coordinator", "coordinators[0]",
                        b -> b.put("coordinators", java.util.Arrays.asList((Object) null))),
                invalid("null theme", "themes[0]", b -> b.put("themes", java.util.Arrays.asList((Object) null))),
                invalid("phone too long", "coordinators[0].phone", b -> {
                    Map<String, Object> c = coordinator("A", "B", "a.b@example.org", true);
                    c.put("phone", "+33" + "0".repeat(28));
                    b.put("coordinators", List.of(c));
                }),
                invalid("date before 1900", "startDate", b -> b.put("startDate", "1789-07-14")),
                invalid("date after 2200", "amendments[0].date",
                        b -> b.put("amendments", List.of(Map.of("date", "2999-01-01", "title", "Avenant")))),
                invalid("malformed date", "startDate", b -> b.put("startDate", "01/06/2021")));
    }

    private static Arguments invalid(String rule, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(rule, field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void invalidDocumentIsRefusedWithItsFieldAndNothingIsWritten(String rule, String field,
            Consumer<Map<String, Object>> change) {
        String ref = "invalid-" + rule.replaceAll("[^a-z]+", "-");
        Map<String, Object> body = cls(ref);
        change.accept(body);
        admin().body(body).when().post("/api/v1/schemes").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", org.hamcrest.Matchers.hasItem(field))
                .body(not(containsString("Exception")));
        if (body.get("ref") instanceof String written) {
            given().queryParam("ref", written).when().get("/api/v1/schemes").then().body("total", equalTo(0));
        }
    }

    @Test
    void everyMistakeIsListedAtOnce() {
        Map<String, Object> body = cls("invalid-many");
        body.put("name", "");
        body.put("kind", "XYZ");
        body.put("endDate", "2000-01-01");
        body.put("perimeter", Map.of("communes", List.of("99999")));
        body.put("fundings", List.of(Map.of("organisation", "ARS", "year", 2024, "amountEuros", -5)));
        List<String> fields = admin().body(body).when().post("/api/v1/schemes").then().statusCode(400)
                .extract().jsonPath().getList("errors.field");
        assertThat(fields).contains("name", "kind", "endDate", "perimeter.communes[0]", "fundings[0].amountEuros");
    }

    @Test
    void duplicateRefIsAConflictAndTheExistingSchemeStaysAsItWas() {
        long id = create(cls("duplicate-ref"));
        Map<String, Object> other = cls("duplicate-ref");
        other.put("name", "Un autre nom");
        admin().body(other).when().post("/api/v1/schemes").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("ref"));
        given().when().get("/api/v1/schemes/" + id).then().body("name", equalTo(cls("duplicate-ref").get("name")));

        // Renaming another scheme to a used ref is refused the same way.
        long second = create(cls("duplicate-ref-2"));
        Map<String, Object> renamed = cls("duplicate-ref");
        admin().body(renamed).when().put("/api/v1/schemes/" + second).then().statusCode(409);
    }

    @Test
    void failedUpdateLeavesTheSchemeUntouched() {
        long id = create(cls("update-invalid"));
        Map<String, Object> body = cls("update-invalid");
        body.put("status", "ENDED");
        body.put("perimeter", Map.of("communes", List.of("00000")));
        admin().body(body).when().put("/api/v1/schemes/" + id).then().statusCode(400);
        given().when().get("/api/v1/schemes/" + id).then().body("status", equalTo("ACTIVE"))
                .body("perimeter.communes[0]", equalTo("38151"));
        admin().body(body).when().put("/api/v1/schemes/999999999").then().statusCode(404);
    }

    @Test
    void lineageMustBeOfTheSameKindEarlierAndWithoutLoops() {
        Map<String, Object> first = cls("lineage-1");
        first.put("generation", 1);
        create(first);
        Map<String, Object> same = cls("lineage-2");
        same.put("generation", 1);
        same.put("previousRef", "lineage-1");
        assertThat(errors(same)).containsEntry("generation", "must be greater than the previous contract's (1)");

        Map<String, Object> cpts = cpts("lineage-cpts", List.of("38151"), List.of());
        create(cpts);
        Map<String, Object> wrongKind = cls("lineage-3");
        wrongKind.put("previousRef", "lineage-cpts");
        assertThat(errors(wrongKind)).containsKey("previousRef");

        Map<String, Object> self = cls("lineage-self");
        self.put("previousRef", "lineage-self");
        assertThat(errors(self)).containsEntry("previousRef", "a contract cannot follow itself");

        // lineage-1 <- lineage-4; then lineage-1 may not follow lineage-4.
        Map<String, Object> fourth = cls("lineage-4");
        fourth.put("previousRef", "lineage-1");
        create(fourth);
        Map<String, Object> loop = cls("lineage-1");
        loop.put("generation", 3);
        loop.put("previousRef", "lineage-4");
        long id = given().queryParam("ref", "lineage-1").get("/api/v1/schemes").then().extract().jsonPath()
                .getLong("items[0].id");
        List<Map<String, String>> problems = admin().body(loop).when().put("/api/v1/schemes/" + id).then().statusCode(400)
                .extract().jsonPath().getList("errors");
        assertThat(problems).anySatisfy(e -> assertThat(e.get("message")).contains("loop"));
    }

    @Test
    void aContractKeepsBeforeTheOnesThatFollowIt() {
        Map<String, Object> first = cls("order-1");
        first.put("generation", 1);
        long id = create(first);
        Map<String, Object> second = cls("order-2");
        second.put("previousRef", "order-1");
        create(second);
        first.put("generation", 3);
        admin().body(first).when().put("/api/v1/schemes/" + id).then().statusCode(400).body("errors[0].field",
                equalTo("generation"));
        first.put("generation", 1);
        first.put("kind", "CLSM");
        first.remove("generation");
        admin().body(first).when().put("/api/v1/schemes/" + id).then().statusCode(400).body("errors.field",
                org.hamcrest.Matchers.hasItem("kind"));
    }

    @Test
    void aRenamedContractCannotFollowItsOldSelf() {
        long id = create(cls("rename-old"));
        Map<String, Object> renamed = cls("rename-new");
        renamed.put("previousRef", "rename-old");
        admin().body(renamed).when().put("/api/v1/schemes/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("previousRef"));
        given().get("/api/v1/schemes/" + id).then().body("ref", equalTo("rename-old"));
    }

    @Test
    void blankOptionalCodesAreReadAsAbsent() {
        Map<String, Object> body = cls("blank-codes");
        body.put("projectStep", "");
        body.put("partners",
                List.of(Map.of("organisation", Map.of("name", "Asso", "type", "ASSOCIATION"), "roles", List.of("PARTNER"))));
        admin().body(body).when().post("/api/v1/schemes").then().statusCode(201).body("projectStep",
                org.hamcrest.Matchers.nullValue());
        admin().body(Map.of()).when().post("/api/v1/schemes").then().statusCode(400);
    }

    @Test
    void factsOfOtherKindsAreRefusedAndKindFactsAccepted() {
        Map<String, Object> asv = cls("facts-asv");
        asv.put("kind", "ASV");
        asv.remove("generation");
        asv.put("priorityNeighbourhoods", List.of("QN09101M", "qn09102m"));
        admin().body(asv).when().post("/api/v1/schemes").then().statusCode(201)
                .body("priorityNeighbourhoods", org.hamcrest.Matchers.contains("QN09101M", "QN09102M"));

        Map<String, Object> clsm = cls("facts-clsm");
        clsm.put("kind", "CLSM");
        clsm.put("coCarryingHospital", Map.of("name", "CH Alpes-Isère", "type", "HOSPITAL", "finess", "380780080"));
        assertThat(errors(clsm)).containsEntry("generation", "CLSM schemes do not have generations");
        clsm.remove("generation");
        admin().body(clsm).when().post("/api/v1/schemes").then().statusCode(201)
                .body("coCarryingHospital.finess", equalTo("380780080"));

        Map<String, Object> cpts = cpts("facts-cpts", List.of("38151"), List.of());
        cpts.put("cptsStage", "EMERGENCE");
        assertThat(errors(cpts)).containsEntry("aciDate", "only with cptsStage ACI_SIGNED");
    }

    @Test
    void malformedBodiesAreProblemsNotServerErrors() {
        admin().body("{not json").when().post("/api/v1/schemes").then().statusCode(400).contentType("application/problem+json");
        admin().body("[]").when().post("/api/v1/schemes").then().statusCode(400).contentType("application/problem+json");
        admin().body("").when().post("/api/v1/schemes").then().statusCode(400);
        admin().body(Map.of("ref", "x", "generation", "two")).when().post("/api/v1/schemes").then().statusCode(400)
                .body("errors[0].field", equalTo("generation"));
    }

    private static Map<String, String> errors(Map<String, Object> body) {
        List<Map<String, String>> list = admin().body(body).when().post("/api/v1/schemes").then().statusCode(400)
                .extract().jsonPath().getList("errors");
        Map<String, String> byField = new HashMap<>();
        list.forEach(e -> byField.putIfAbsent(e.get("field"), e.get("message")));
        return byField;
    }
}
