package fr.dynamiques.sante.territory;

import static fr.dynamiques.sante.scheme.SchemeFixtures.TOKEN;
import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.data.DataFile;
import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.search.Indexing;
import fr.dynamiques.sante.text.FoldedText;

/**
 * Territories as people name them: former communes found by code and name, and imports naming communes,
 * arrondissements, EPCI and départements instead of coding them. Figures come from the COG file.
 */
@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class NamedTerritoriesTest {

    private static final CogFile COG = CogFile.parse(DataFile.read("cog/cog-2026.json.gz").bytes(), new ObjectMapper());

    private static CogFile.CommuneRow commune(String code) {
        return COG.communes().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aFormerCommuneLeadsToItsCurrentCommuneAndSaysWhy() {
        CogFile.FormerCommuneRow arzay = COG.formerCommunes().stream().filter(f -> "Arzay".equals(f.name())).findFirst()
                .orElseThrow();
        assertThat(arzay.code()).isEqualTo("38016");
        given().redirects().follow(false).get("/api/v1/territories/communes/38016").then().statusCode(308)
                .header("Location", endsWith("/api/v1/territories/communes/" + arzay.communeCode()))
                .body("name", equalTo("Arzay")).body("current.code", equalTo(arzay.communeCode()));
        // Its current commune lists every former code the COG gives it, its own aside.
        Set<String> formerCodes = COG.formerCommunes().stream().filter(f -> f.communeCode().equals(arzay.communeCode()))
                .map(CogFile.FormerCommuneRow::code).filter(code -> !code.equals(arzay.communeCode()))
                .collect(Collectors.toSet());
        JsonPath current = given().get("/api/v1/territories/communes/" + arzay.communeCode()).then().statusCode(200).extract()
                .jsonPath();
        assertThat(current.getString("name")).isEqualTo(commune(arzay.communeCode()).name());
        assertThat(current.getList("formerCodes")).containsExactlyInAnyOrderElementsOf(formerCodes);
        assertThat(current.getList("formerCommunes.name")).contains("Arzay");

        // Suggested by its former name, saying which; and by its former code.
        JsonPath byName = given().get("/api/v1/territories?q=Arzay").then().statusCode(200).extract().jsonPath();
        assertThat(byName.getString("[0].code")).isEqualTo(arzay.communeCode());
        assertThat(byName.getString("[0].formerName")).isEqualTo("Arzay");
        assertThat(given().get("/api/v1/territories?q=38016").then().statusCode(200).extract().jsonPath().getString("[0].code"))
                .isEqualTo(arzay.communeCode());

        // The page: the old address leads to today's page, which names the former commune.
        given().redirects().follow(false).get("/territoires/communes/38016").then().statusCode(308)
                .header("Location", endsWith("/territoires/communes/" + arzay.communeCode() + "?ancienne=38016"));
        given().get("/territoires/communes/" + arzay.communeCode() + "?ancienne=38016").then().statusCode(200)
                .body(containsString("38016 (Arzay)")).body(containsString("Anciennes communes"));
    }

    @Test
    void searchFindsTheSchemesOfACommuneByItsFormerName() {
        long id = create(cpts("former-name-search", List.of("38479"), List.of()));
        Indexing.await();
        assertThat(given().get("/api/v1/search?q=Arzay").then().statusCode(200).extract().jsonPath().getList("items.id",
                Long.class))
                .contains(id);
        given().get("/recherche?q=Arzay").then().statusCode(200)
                .body(containsString("Porte-des-Bonnevaux")).body(containsString("anciennement Arzay"));
        given().get("/api/v1/suggest?q=Arzay").then().statusCode(200)
                .body("find { it.type == 'territory' }.code", equalTo("38479"));
    }

    @Test
    void everyFormerCodeRedirectsToACurrentCommune() {
        Set<String> current = COG.communes().stream().map(CogFile.CommuneRow::code).collect(Collectors.toSet());
        List<CogFile.FormerCommuneRow> former = COG.formerCommunes().stream().filter(f -> !current.contains(f.code())).toList();
        assertThat(former).hasSizeGreaterThan(4000);
        // A sample across the file (every 97th), each answered by its own current commune.
        for (int i = 0; i < former.size(); i += 97) {
            CogFile.FormerCommuneRow f = former.get(i);
            given().redirects().follow(false).get("/api/v1/territories/communes/" + f.code()).then().statusCode(308)
                    .header("Location", endsWith("/communes/" + f.communeCode()));
        }
    }

    @Test
    void anImportMayNameItsTerritories() {
        String grenoblois = COG.epcis().stream().filter(e -> e.name().equals("CC Le Grésivaudan")).findFirst().orElseThrow()
                .siren();
        String voironnais = COG.epcis().stream().filter(e -> e.name().equals("CA du Pays Voironnais")).findFirst().orElseThrow()
                .siren();
        String smh = COG.communes().stream().filter(c -> c.name().equals("Saint-Martin-d'Hères")).findFirst().orElseThrow()
                .code();
        Map<String, Object> body = cpts("named-import", List.of(), List.of());
        body.put("perimeter", new LinkedHashMap<>(Map.of(
                "communes", List.of("saint martin d'heres (38)", "Paris 18e", "38016"),
                "epcis", List.of("CC Le Grésivaudan", "Communauté d'agglomération du Pays Voironnais"),
                "departments", List.of("isere"))));

        JsonPath dry = admin().body(List.of(body)).post("/api/v1/schemes/import?dryRun=true").then().statusCode(200)
                .extract().jsonPath();
        assertThat(dry.getInt("created")).isEqualTo(1);
        assertThat(dry.getList("resolved.field")).containsExactly("perimeter.communes[0]", "perimeter.communes[1]",
                "perimeter.communes[2]", "perimeter.epcis[0]", "perimeter.epcis[1]", "perimeter.departments[0]");
        assertThat(dry.getList("resolved.code")).containsExactly(smh, "75118", "38479", grenoblois, voironnais, "38");
        assertThat(dry.getString("resolved[2].warning")).contains("Arzay").contains("Porte-des-Bonnevaux");
        assertThat(dry.getString("resolved[1].warning")).contains("arrondissement");
        admin().get("/api/v1/schemes?ref=named-import").then().statusCode(200).body("total", equalTo(0));

        JsonPath done = admin().body(List.of(body)).post("/api/v1/schemes/import").then().statusCode(200).extract().jsonPath();
        assertThat(done.getList("resolved")).hasSize(6);
        JsonPath stored = admin().get("/api/v1/schemes?ref=named-import").then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("items[0].perimeter.communes")).containsExactly(smh, "38479");
        assertThat(stored.getList("items[0].perimeter.arrondissements")).containsExactly("75118");
        assertThat(stored.getList("items[0].perimeter.epcis")).containsExactly(grenoblois, voironnais);
        assertThat(stored.getList("items[0].perimeter.departments")).containsExactly("38");
    }

    @Test
    void anAmbiguousOrUnknownNameWritesNothingAndNamesTheCandidates() {
        // The commune name the most communes bear, in the COG file.
        Map<String, List<CogFile.CommuneRow>> byName = COG.communes().stream()
                .collect(Collectors.groupingBy(c -> FoldedText.of(c.name())));
        List<CogFile.CommuneRow> homonyms = byName.values().stream().max((a, b) -> Integer.compare(a.size(), b.size()))
                .orElseThrow();
        String name = homonyms.get(0).name();
        Map<String, Object> body = cpts("ambiguous-import", List.of(name, "Nulle-Part-sur-Rien"), List.of());

        JsonPath refused = admin().body(List.of(body)).post("/api/v1/schemes/import?dryRun=true").then().statusCode(400)
                .extract().jsonPath();
        String ambiguity = refused.getString("errors.find { it.field == 'perimeter.communes[0]' }.message");
        assertThat(ambiguity).contains(homonyms.size() + " communes");
        homonyms.stream().limit(12).forEach(c -> assertThat(ambiguity).contains(c.code()));
        assertThat(refused.getString("errors.find { it.field == 'perimeter.communes[1]' }.message"))
                .contains("names no commune");

        admin().body(List.of(body)).post("/api/v1/schemes/import").then().statusCode(400);
        admin().get("/api/v1/schemes?ref=ambiguous-import").then().statusCode(200).body("total", equalTo(0));

        // The département in parentheses tells the homonyms apart.
        CogFile.CommuneRow chosen = homonyms.get(homonyms.size() - 1);
        body.put("perimeter", new LinkedHashMap<>(Map.of("communes", List.of(name + " (" + chosen.departmentCode() + ")"))));
        admin().body(List.of(body)).post("/api/v1/schemes/import?dryRun=true").then().statusCode(200)
                .body("resolved[0].code", equalTo(chosen.code()));
    }

    @Test
    void aCsvImportMayNameItsTerritories() {
        String csv = "ref;name;kind;status;communes;epcis\n"
                + "csv-named;Conseil nommé;CLSM;DRAFT;Paris 18e|Saint-Martin-d'Hères (Isère);Le Grésivaudan\n";
        JsonPath dry = given().header("Authorization", "Bearer " + TOKEN)
                .contentType("text/csv").body(csv).post("/api/v1/schemes/import?dryRun=true").then().statusCode(200)
                .extract().jsonPath();
        assertThat(dry.getList("resolved.given")).containsExactly("Paris 18e", "Saint-Martin-d'Hères (Isère)",
                "Le Grésivaudan");
        assertThat(dry.getString("resolved[2].name")).isEqualTo("CC Le Grésivaudan");
    }
}
