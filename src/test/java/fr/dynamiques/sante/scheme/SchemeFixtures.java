package fr.dynamiques.sante.scheme;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Scheme bodies as a client writes them (plain maps), and requests made with or without the admin token. */
public final class SchemeFixtures {

    public static final String TOKEN = "test-admin-token";

    private SchemeFixtures() {
    }

    /** A valid CLS of Échirolles; each test gives it a ref of its own and changes what it checks. */
    public static Map<String, Object> cls(String ref) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ref", ref);
        body.put("name", "Contrat local de santé d'Échirolles (test " + ref + ")");
        body.put("kind", "CLS");
        body.put("status", "ACTIVE");
        body.put("startDate", "2021-06-01");
        body.put("endDate", "2026-05-31");
        body.put("generation", 2);
        body.put("themes", new ArrayList<>(List.of("Santé Mentale", "accès aux droits et aux soins", "jardins partagés")));
        body.put("perimeter", new LinkedHashMap<>(Map.of("communes", new ArrayList<>(List.of("38151")))));
        body.put("partners", new ArrayList<>(List.of(
                partner("ARS Auvergne-Rhône-Alpes", "ARS", "SIGNATORY", "FUNDER"),
                partner("Ville d'Échirolles", "COMMUNE", "CARRIER", "SIGNATORY"))));
        body.put("fundings", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of(
                "organisation", "ARS Auvergne-Rhône-Alpes", "year", 2024, "amountEuros", 35000, "purpose", "coordination")))));
        body.put("source", "https://example.org/cls-echirolles");
        body.put("lastVerified", "2026-11-01");
        return body;
    }

    public static Map<String, Object> cpts(String ref, List<String> communes, List<String> epcis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ref", ref);
        body.put("name", "CPTS de test " + ref);
        body.put("kind", "CPTS");
        body.put("status", "ACTIVE");
        body.put("cptsStage", "ACI_SIGNED");
        body.put("aciDate", "2022-03-01");
        body.put("perimeter", new LinkedHashMap<>(Map.of("communes", communes, "epcis", epcis)));
        return body;
    }

    public static Map<String, Object> partner(String name, String type, String... roles) {
        return new LinkedHashMap<>(Map.of("organisation", new LinkedHashMap<>(Map.of("name", name, "type", type)),
                "roles", List.of(roles)));
    }

    public static Map<String, Object> coordinator(String first, String last, String email, boolean publicContact) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("firstName", first);
        c.put("lastName", last);
        c.put("title", "Coordinatrice (fictive)");
        c.put("email", email);
        c.put("phone", "04 76 00 00 00");
        c.put("employer", "Ville d'Échirolles");
        c.put("publicContact", publicContact);
        return c;
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
    }

    /** Creates the scheme and answers its id. */
    public static long create(Map<String, Object> body) {
        return admin().body(body).when().post("/api/v1/schemes").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
