package fr.dynamiques.sante.scheme;

import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cls;
import static fr.dynamiques.sante.scheme.SchemeFixtures.coordinator;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static fr.dynamiques.sante.scheme.SchemeFixtures.partner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.organisation.Organisation;
import fr.dynamiques.sante.territory.CogSnapshot;

@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class SchemeResourceTest {

    @Inject
    CogSnapshot cog;

    @Test
    void createdSchemeReadsBackWithComputedFields() {
        long id = create(cls("crud-1"));
        JsonPath scheme = given().when().get("/api/v1/schemes/" + id).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertThat(scheme.getString("ref")).isEqualTo("crud-1");
        assertThat(scheme.getString("kindLabel")).isEqualTo("Contrat local de santé");
        assertThat(scheme.getLong("population")).isEqualTo(37491L);
        assertThat(scheme.getInt("communeCount")).isEqualTo(1);
        assertThat(scheme.getList("departments.code")).containsExactly("38");
        assertThat(scheme.getList("regions.code")).containsExactly("84");
        assertThat(scheme.getList("regions.name")).containsExactly("Auvergne-Rhône-Alpes");
        assertThat(scheme.getInt("cogYear")).isEqualTo(2026);
        assertThat(scheme.getString("size")).as("size is for CPTS only").isNull();
        // The vocabulary's spelling for a known theme, a free tag kept as given.
        assertThat(scheme.getList("themes")).containsExactly("santé mentale", "accès aux droits et aux soins",
                "jardins partagés");
        assertThat(scheme.getList("partners.roles[0]")).containsExactly("SIGNATORY", "FUNDER");
        assertThat(scheme.getFloat("fundings[0].amountEuros")).isEqualTo(35000f);
    }

    @Test
    void putAcceptsWhatGetReturns() {
        Map<String, Object> body = cls("crud-put");
        body.put("coordinators", List.of(coordinator("Camille", "Exemple", "camille.put@example.org", false)));
        long id = create(body);
        Map<String, Object> read = admin().when().get("/api/v1/schemes/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        read.put("status", "RENEWAL");
        read.put("population", 1); // read-only: ignored
        admin().body(read).when().put("/api/v1/schemes/" + id).then().statusCode(200)
                .body("status", equalTo("RENEWAL"))
                .body("population", equalTo(37491))
                .body("coordinators[0].lastName", equalTo("Exemple"))
                .body("partners.organisation.name", contains("ARS Auvergne-Rhône-Alpes", "Ville d'Échirolles"));
    }

    @Test
    void putMayRemoveAndReorderEntriesOfEveryList() {
        Map<String, Object> body = cls("crud-lists");
        body.put("partners", new java.util.ArrayList<>(List.of(partner("ARS Auvergne-Rhône-Alpes", "ARS", "SIGNATORY"),
                partner("Ville d'Échirolles", "COMMUNE", "CARRIER"), partner("CPAM de l'Isère", "CPAM", "PARTNER"))));
        body.put("fundings", List.of());
        body.put("coordinators", List.of(coordinator("Un", "Premier", "un.lists@example.org", true),
                coordinator("Deux", "Second", "deux.lists@example.org", true)));
        body.put("approach",
                List.of(Map.of("criterion", "POLITICAL", "score", 1), Map.of("criterion", "COORDINATED", "score", 2)));
        long id = create(body);
        body.put("partners", List.of(partner("Ville d'Échirolles", "COMMUNE", "CARRIER"),
                partner("ARS Auvergne-Rhône-Alpes", "ARS", "SIGNATORY")));
        body.put("coordinators", List.of(coordinator("Deux", "Second", "deux.lists@example.org", true),
                coordinator("Un", "Premier", "un.lists@example.org", true)));
        body.put("approach",
                List.of(Map.of("criterion", "COORDINATED", "score", 2), Map.of("criterion", "POLITICAL", "score", 1)));
        admin().body(body).when().put("/api/v1/schemes/" + id).then().statusCode(200)
                .body("partners.organisation.name", contains("Ville d'Échirolles", "ARS Auvergne-Rhône-Alpes"))
                .body("coordinators.lastName", contains("Second", "Premier"))
                .body("approach.criterion", contains("COORDINATED", "POLITICAL"));
    }

    @Test
    void partnersNamingOneOrganisationMergeAndFundersMatchTheNameGiven() {
        Map<String, Object> first = cls("siret-1");
        first.put("partners",
                List.of(Map.of("organisation", Map.of("name", "Association Santé Échirolles", "siret", "12345678901234"),
                        "roles", List.of("PARTNER"))));
        first.put("fundings", List.of());
        create(first);
        Map<String, Object> second = cls("siret-2");
        second.put("partners", List.of(
                Map.of("organisation", Map.of("name", "ASE", "siret", "12345678901234"), "roles", List.of("PARTNER")),
                Map.of("organisation", Map.of("name", "Asso santé d'Échirolles", "siret", "12345678901234"), "roles",
                        List.of("CARRIER"))));
        second.put("fundings", List.of(Map.of("organisation", "ASE", "year", 2025, "amountEuros", 500)));
        admin().body(second).when().post("/api/v1/schemes").then().statusCode(201)
                .body("partners.organisation.name", contains("Association Santé Échirolles"))
                .body("partners[0].roles", contains("PARTNER", "CARRIER", "FUNDER"))
                .body("fundings[0].organisation", equalTo("Association Santé Échirolles"));
        assertThat(organisationCount("ase")).isZero();
    }

    @Test
    void aPhoneGivenWithoutConsentNeverShowsElsewhere() {
        Map<String, Object> open = cls("phone-open");
        open.put("coordinators", List.of(coordinator("Pat", "Deux-Postes", "pat.phone@example.org", true)));
        long openId = create(open);
        Map<String, Object> closed = cls("phone-closed");
        Map<String, Object> discreet = coordinator("Pat", "Deux-Postes", "pat.phone@example.org", false);
        discreet.put("phone", "06 99 99 99 99");
        closed.put("coordinators", List.of(discreet));
        create(closed);
        given().get("/api/v1/schemes/" + openId).then().body("coordinators[0].phone", equalTo("04 76 00 00 00"));
        assertThat(given().get("/api/v1/schemes/export.json").asString()).doesNotContain("06 99 99 99 99");
    }

    @Test
    void deleteRemovesTheSchemeAndPeopleWhoCoordinateNothingElse() {
        Map<String, Object> body = cls("crud-delete");
        body.put("coordinators", List.of(coordinator("Dominique", "Fictif", "dominique.delete@example.org", true)));
        long id = create(body);
        assertThat(personExists("dominique.delete@example.org")).isTrue();
        admin().when().delete("/api/v1/schemes/" + id).then().statusCode(204);
        given().when().get("/api/v1/schemes/" + id).then().statusCode(404).contentType("application/problem+json");
        assertThat(personExists("dominique.delete@example.org")).as("personal data without purpose is gone").isFalse();
        admin().when().delete("/api/v1/schemes/" + id).then().statusCode(404);
    }

    @Test
    void populationOfEpciPerimeterCountsEachCommuneOnce() {
        // Grenoble-Alpes-Métropole, plus two of its own communes declared again: counted once.
        long metro = cog.population(cog.resolve(List.of(), List.of(), List.of("200040715"), List.of()));
        long id = create(cpts("pop-epci", List.of("38151", "38185"), List.of("200040715")));
        given().when().get("/api/v1/schemes/" + id).then().statusCode(200)
                .body("population", equalTo((int) metro))
                .body("communeCount", equalTo(49))
                .body("perimeter.epcis", contains("200040715"))
                .body("perimeter.communes", contains("38151", "38185"))
                .body("size", equalTo(4));
        assertThat(metro).isGreaterThan(400_000);
    }

    @Test
    void cptsSizeFollowsThePopulationThresholds() {
        assertThat(Scheme.cptsSize(0)).isEqualTo(1);
        assertThat(Scheme.cptsSize(39_999)).isEqualTo(1);
        assertThat(Scheme.cptsSize(40_000)).isEqualTo(2);
        assertThat(Scheme.cptsSize(79_999)).isEqualTo(2);
        assertThat(Scheme.cptsSize(80_000)).isEqualTo(3);
        assertThat(Scheme.cptsSize(175_000)).isEqualTo(3);
        assertThat(Scheme.cptsSize(175_001)).isEqualTo(4);
        // Échirolles alone (37,491): size 1; with Grenoble: size 4.
        long small = create(cpts("size-1", List.of("38151"), List.of()));
        given().when().get("/api/v1/schemes/" + small).then().body("size", equalTo(1));
        long big = create(cpts("size-4", List.of("38151", "38185"), List.of()));
        given().when().get("/api/v1/schemes/" + big).then().body("size", equalTo(4));
    }

    @Test
    void departmentPerimeterResolvesToAllItsCommunes() {
        Map<String, Object> body = cls("dept-perimeter");
        body.put("perimeter", Map.of("departments", List.of("2A")));
        long id = create(body);
        long expected = cog.resolve(List.of(), List.of(), List.of(), List.of("2A")).size();
        given().when().get("/api/v1/schemes/" + id).then()
                .body("communeCount", equalTo((int) expected))
                .body("departments.code", contains("2A"))
                .body("regions.code", contains("94"));
        assertThat(expected).isGreaterThan(100);
    }

    @Test
    void coordinatorsContactDetailsArePublicOnlyWithConsent() {
        Map<String, Object> body = cls("consent");
        body.put("coordinators", List.of(
                coordinator("Alex", "Consentant", "alex.consent@example.org", true),
                coordinator("Sam", "Discret", "sam.discret@example.org", false)));
        long id = create(body);

        JsonPath anonymous = given().when().get("/api/v1/schemes/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(anonymous.getString("coordinators[0].email")).isEqualTo("alex.consent@example.org");
        assertThat(anonymous.getString("coordinators[0].phone")).isEqualTo("04 76 00 00 00");
        assertThat(anonymous.getString("coordinators[0].lastName")).isEqualTo("Consentant");
        assertThat(anonymous.getString("coordinators[0].publicContactSince")).isEqualTo(LocalDate.now().toString());
        Map<String, Object> hidden = anonymous.getMap("coordinators[1]");
        assertThat(hidden).doesNotContainKeys("email", "phone", "firstName", "lastName")
                .containsEntry("title", "Coordinatrice (fictive)").containsEntry("employer", "Ville d'Échirolles")
                .containsEntry("publicContact", false);

        // Nowhere public: not in lists, not in exports.
        given().queryParam("ref", "consent").when().get("/api/v1/schemes").then()
                .body("items[0].coordinators[1]", not(hasKey("email")));
        assertThat(given().when().get("/api/v1/schemes/export.json").asString()).doesNotContain("sam.discret@example.org")
                .contains("alex.consent@example.org");
        assertThat(given().when().get("/api/v1/schemes/export.csv").asString()).doesNotContain("sam.discret@example.org")
                .doesNotContain("Discret");

        // The admin sees everything, to edit it.
        admin().when().get("/api/v1/schemes/" + id).then()
                .body("coordinators[1].email", equalTo("sam.discret@example.org"))
                .body("coordinators[1].lastName", equalTo("Discret"));
    }

    @Test
    void onePersonCoordinatesSeveralSchemes() {
        Map<String, Object> first = cls("shared-coordinator-cls");
        first.put("coordinators", List.of(coordinator("Claude", "Partagé", "claude.shared@example.org", true)));
        create(first);
        Map<String, Object> second = cls("shared-coordinator-clsm");
        second.put("kind", "CLSM");
        second.remove("generation");
        second.put("coordinators", List.of(coordinator("Claude", "Partagé-Dupont", "Claude.Shared@example.org", true)));
        create(second);
        assertThat(personCount("claude.shared@example.org")).isEqualTo(1);
        // One person: the latest name applies to both schemes.
        given().queryParam("ref", "shared-coordinator-cls").when().get("/api/v1/schemes").then()
                .body("items[0].coordinators[0].lastName", equalTo("Partagé-Dupont"));
    }

    @Test
    void organisationsAreSharedAcrossSchemesAndFundersAndEmployersBecomePartners() {
        Map<String, Object> first = cls("org-1");
        create(first);
        Map<String, Object> second = cls("org-2");
        // Same organisation, spelt differently; a funder and an employer not listed as partners.
        second.put("partners", List.of(partner("ars auvergne rhone-alpes", "ARS", "SIGNATORY")));
        second.put("fundings",
                List.of(Map.of("organisation", "Conseil départemental de l'Isère", "year", 2025, "amountEuros", 1000.5)));
        second.put("coordinators", List.of(coordinator("Lou", "Employé", "lou.org@example.org", false)));
        JsonPath read = admin().body(second).when().post("/api/v1/schemes").then().statusCode(201).extract().jsonPath();
        assertThat(read.getList("partners.organisation.name")).containsExactly("ARS Auvergne-Rhône-Alpes",
                "Conseil départemental de l'Isère", "Ville d'Échirolles");
        assertThat(read.getList("partners.roles")).containsExactly(List.of("SIGNATORY"), List.of("FUNDER"),
                List.of("EMPLOYER"));
        assertThat(organisationCount("ars auvergne rhone alpes")).isEqualTo(1);
    }

    @Test
    void historyLinksSuccessiveContracts() {
        Map<String, Object> first = cls("history-cls1");
        first.put("generation", 1);
        first.put("status", "ENDED");
        first.put("startDate", "2012-01-01");
        first.put("endDate", "2016-12-31");
        long id1 = create(first);
        Map<String, Object> second = cls("history-cls2");
        second.put("previousRef", "history-cls1");
        second.put("amendments", List.of(Map.of("date", "2023-03-15", "title", "Avenant n°1")));
        long id2 = create(second);
        given().when().get("/api/v1/schemes/" + id1).then().statusCode(200)
                .body("history.ref", contains("history-cls1", "history-cls2"))
                .body("history.generation", contains(1, 2));
        given().when().get("/api/v1/schemes/" + id2).then().statusCode(200)
                .body("previousRef", equalTo("history-cls1"))
                .body("history.ref", contains("history-cls1", "history-cls2"))
                .body("amendments[0].date", equalTo("2023-03-15"));
        // The earlier contract cannot be deleted while a later one names it.
        admin().when().delete("/api/v1/schemes/" + id1).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("history-cls2"));
    }

    @Test
    void listFiltersByTerritoryKindThemeAndFunderWithPaging() {
        create(cls("filter-cls"));
        create(cpts("filter-cpts", List.of("38151"), List.of()));
        given().queryParam("commune", "38151").queryParam("kind", "CLS").queryParam("ref", "filter-cls")
                .when().get("/api/v1/schemes").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].ref", equalTo("filter-cls"));
        given().queryParam("epci", "200040715").queryParam("kind", "CPTS,CLSM").queryParam("size", 200)
                .when().get("/api/v1/schemes").then().statusCode(200)
                .body("items.ref", hasItem("filter-cpts"))
                .body("items.kind", everyItem(org.hamcrest.Matchers.oneOf("CPTS", "CLSM")));
        given().queryParam("region", "84").queryParam("theme", "SANTE MENTALE").queryParam("size", 200)
                .when().get("/api/v1/schemes").then().statusCode(200).body("items.ref", hasItem("filter-cls"))
                .body("items.ref", not(hasItem("filter-cpts")));
        given().queryParam("theme", "Jardins Partages").queryParam("ref", "filter-cls").when().get("/api/v1/schemes").then()
                .body("total", equalTo(1));
        given().queryParam("funder", "ARS Auvergne-Rhône-Alpes").queryParam("ref", "filter-cls")
                .when().get("/api/v1/schemes").then().body("total", equalTo(1));
        given().queryParam("department", "67").queryParam("ref", "filter-cls")
                .when().get("/api/v1/schemes").then().body("total", equalTo(0));

        int total = given().queryParam("size", 2).when().get("/api/v1/schemes").then().statusCode(200)
                .body("size", equalTo(2)).body("page", equalTo(0)).extract().path("total");
        assertThat(total).isGreaterThan(4);
        List<String> page0 = given().queryParam("size", 2).queryParam("page", 0).get("/api/v1/schemes").path("items.ref");
        List<String> page1 = given().queryParam("size", 2).queryParam("page", 1).get("/api/v1/schemes").path("items.ref");
        assertThat(page0).hasSize(2).doesNotContainAnyElementsOf(page1);
    }

    @Test
    void listRejectsUnknownFiltersAndBadPaging() {
        given().queryParam("kind", "XYZ").get("/api/v1/schemes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
        given().queryParam("status", "OPEN").get("/api/v1/schemes").then().statusCode(400).body("errors[0].field",
                equalTo("status"));
        given().queryParam("region", "99").get("/api/v1/schemes").then().statusCode(400).body("errors[0].field",
                equalTo("region"));
        given().queryParam("commune", "38000").get("/api/v1/schemes").then().statusCode(400);
        given().queryParam("size", 201).get("/api/v1/schemes").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("page", -1).get("/api/v1/schemes").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().queryParam("size", "many").get("/api/v1/schemes").then().statusCode(400);
        given().get("/api/v1/schemes/abc").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().get("/api/v1/schemes/999999999").then().statusCode(404);
    }

    @Test
    void writesNeedTheAdminToken() {
        Map<String, Object> body = cls("auth");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/schemes").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        // An unknown token is an invalid one (RFC 6750): 401 with error="invalid_token".
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/schemes").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        given().header("Authorization", "Basic dGVzdDp0ZXN0").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/schemes").then().statusCode(401);
        given().contentType(ContentType.JSON).body(List.of(body)).when().post("/api/v1/schemes/import").then().statusCode(401);
        given().when().delete("/api/v1/schemes/1").then().statusCode(401);
        given().queryParam("ref", "auth").get("/api/v1/schemes").then().body("total", equalTo(0));
        // A wrong token on a read is refused too, rather than answered as public.
        given().header("Authorization", "Bearer wrong").get("/api/v1/schemes").then().statusCode(401);
    }

    @Test
    void aNewKindIsDeclaredWithoutCodeAndCarriesTheFactsItChose() {
        Map<String, Object> kind = Map.of("labelFr", "Contrat territorial de santé", "labelEn", "Territorial health contract",
                "features", List.of("GENERATIONS"));
        given().contentType(ContentType.JSON).body(kind).put("/api/v1/kinds/CTS").then().statusCode(401);
        admin().body(kind).put("/api/v1/kinds/CTS").then().statusCode(201).body("features", contains("GENERATIONS"));
        admin().body(kind).put("/api/v1/kinds/CTS").then().statusCode(200);
        admin().body(Map.of("labelFr", "", "labelEn", "x", "features", List.of("WINGS"))).put("/api/v1/kinds/cts").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("code", "labelFr", "features[0]"));

        Map<String, Object> body = cls("new-kind-cts");
        body.put("kind", "CTS");
        admin().body(body).when().post("/api/v1/schemes").then().statusCode(201)
                .body("kindLabel", equalTo("Contrat territorial de santé")).body("generation", equalTo(2));
        given().queryParam("kind", "CTS").get("/api/v1/schemes").then().statusCode(200).body("items.ref",
                contains("new-kind-cts"));
        body.put("ref", "new-kind-cts-stage");
        body.put("cptsStage", "EMERGENCE");
        admin().body(body).when().post("/api/v1/schemes").then().statusCode(400).body("errors[0].field", equalTo("cptsStage"));
        // A kind with schemes gains features, never loses them: its schemes must stay readable and writable.
        admin().body(Map.of("labelFr", "Contrat territorial de santé", "labelEn", "Territorial health contract",
                "features", List.of())).put("/api/v1/kinds/CTS").then().statusCode(409);
    }

    @Test
    void kindsAndThemesAreListed() {
        given().get("/api/v1/kinds").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItems("ASV", "CLS", "CLSM", "CPTS"))
                .body("find { it.code == 'CLS' }.features", contains("GENERATIONS"));
        create(cls("themes-count"));
        given().get("/api/v1/themes").then().statusCode(200)
                .body("find { it.label == 'santé mentale' }.code", equalTo("sante-mentale"))
                .body("find { it.label == 'jardins partagés' }.code", nullValue());
    }

    @Test
    void openApiDocumentsTheSchemeFields() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.Scheme.properties.ref.examples[0]", equalTo("ars-ara-cls-0042"))
                .body("components.schemas.Scheme.properties.population.readOnly", equalTo(true))
                .body("paths.'/api/v1/schemes/import'.post.summary", containsString("Import"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void severalDepartementsAreOneFilterRepeatedOrCommaSeparated() {
        long isere = create(cpts("multi-dep-38", List.of("38151"), List.of()));
        Map<String, Object> inSavoie = cls("multi-dep-73");
        inSavoie.put("perimeter", Map.of("communes", List.of("73065")));
        long savoie = create(inSavoie);
        java.util.Set<Long> expected = new java.util.HashSet<>(allIds("department=38"));
        expected.addAll(allIds("department=73"));
        assertThat(expected).contains(isere, savoie);
        assertThat(allIds("department=38&department=73")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(allIds("department=38,73")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(allIds("department=38,73&kind=CPTS")).contains(isere).doesNotContain(savoie);
        given().get("/api/v1/schemes/ending?months=120&department=38&department=73").then().statusCode(200);
        // Each code is checked; a parameter of one value given twice is still refused.
        given().get("/api/v1/schemes?department=38&department=zz").then().statusCode(400).body("errors[0].field",
                equalTo("department"));
        given().get("/api/v1/schemes?page=0&page=1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/api/v1/schemes?region=84&region=93").then().statusCode(400);
        // The document says so, and keeps the parameter a string for clients generated from it.
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String department = "paths.'/api/v1/schemes'.get.parameters.find { it.name == 'department' }";
        assertThat(doc.getString(department + ".description")).contains("repeated").contains("comma-separated");
        assertThat(doc.getString(department + ".schema.type")).contains("string").doesNotContain("array");
    }

    /** Every scheme id the list answers for this query, page after page. */
    private static List<Long> allIds(String query) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath answer = given().get("/api/v1/schemes?size=200&page=" + page + "&" + query).then().statusCode(200)
                    .extract().jsonPath();
            ids.addAll(answer.getList("items.id", Long.class));
            if (ids.size() >= answer.getLong("total")) {
                return ids;
            }
        }
    }

    @Test
    void onlyTheOperationsThatNeedATokenCarryASecurityRequirement() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getList("security")).as("no requirement for the whole API").isNullOrEmpty();
        // Public reads: an explicit empty requirement (no lock in Swagger UI).
        for (String read : List.of("'/api/v1/schemes'.get", "'/api/v1/schemes/{id}'.get", "'/api/v1/search'.get",
                "'/api/v1/coverage/white-zones'.get", "'/api/v1/territories/communes/{code}'.get")) {
            assertThat(doc.getList("paths." + read + ".security")).as(read).isNotNull().isEmpty();
            assertThat(doc.getMap("paths." + read + ".responses")).as(read).doesNotContainKey("401");
        }
        // Writes: the bearer token, and its 401 and 403.
        for (String write : List.of("'/api/v1/schemes'.post", "'/api/v1/schemes/{id}'.put", "'/api/v1/schemes/{id}'.delete",
                "'/api/v1/schemes/import'.post")) {
            assertThat(doc.getList("paths." + write + ".security.bearer").toString()).as(write).contains("[]");
            assertThat(doc.getMap("paths." + write + ".responses")).as(write).containsKeys("401", "403");
        }
    }

    @Test
    void everySchemeFieldIsDocumentedWithAnExample() {
        Map<String, Map<String, Object>> schemas = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("components.schemas");
        List<String> documented = List.of("Scheme", "Perimeter", "OrganisationRef", "PartnerEntry", "FundingEntry",
                "CoordinatorEntry", "AmendmentEntry", "AssessmentEntry", "LineageEntry", "Ref", "SchemePage", "ImportReport",
                "KindView", "ThemeView", "KindBody");
        List<String> missing = new java.util.ArrayList<>();
        for (String name : documented) {
            assertThat(schemas).as(name).containsKey(name);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schemas.get(name)
                    .get("properties");
            properties.forEach((field, property) -> {
                boolean reference = property.containsKey("$ref") || property.containsKey("allOf")
                        || property.get("items") instanceof Map<?, ?> items && items.containsKey("$ref");
                if (!reference && !property.containsKey("examples")) {
                    missing.add(name + "." + field);
                }
            });
        }
        assertThat(missing).as("fields without an example").isEmpty();
    }

    static boolean personExists(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(email).isPresent());
    }

    static long personCount(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Person.count("email", email));
    }

    static long organisationCount(String nameKey) {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.count("nameKey", nameKey));
    }
}
