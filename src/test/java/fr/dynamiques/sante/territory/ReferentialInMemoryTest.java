package fr.dynamiques.sante.territory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

/**
 * Territory reads are answered from the referential in memory: each answer must say what the database says, read
 * through the entities as the endpoints did before. Every région, département, EPCI and arrondissement; one commune in
 * fifty, one in ten of those with former communes, and the three cities with arrondissements.
 */
@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class ReferentialInMemoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTerritoryReadSaysWhatTheDatabaseSays() {
        Map<String, Map<String, Object>> expected = QuarkusTransaction.requiringNew()
                .call(ReferentialInMemoryTest::fromDatabase);
        assertThat(expected).hasSizeGreaterThan(2_000);
        List<String> differences = new ArrayList<>();
        expected.forEach((path, fields) -> {
            JsonNode answer = read(given().get(path).then().statusCode(200).extract().asString());
            fields.forEach((field, value) -> {
                Object actual = at(answer, field);
                if (!String.valueOf(value).equals(String.valueOf(actual))) {
                    differences.add(path + " " + field + ": database " + value + ", answer " + actual);
                }
            });
        });
        assertThat(differences).isEmpty();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a dotted path ("department.code"; "communes.code" collects over a list), as text or a list of texts. */
    private static Object at(JsonNode node, String path) {
        for (String step : path.split("\\.")) {
            if (node.isArray()) {
                List<Object> values = new ArrayList<>();
                node.forEach(element -> values.add(at(element, step)));
                return values;
            }
            node = node.path(step);
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            node.forEach(element -> values.add(element.isNull() ? null : element.asText()));
            return values;
        }
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Map<String, Map<String, Object>> fromDatabase() {
        Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
        for (Region r : Region.<Region> listAll()) {
            List<Department> departments = Department.list("region.code = ?1 order by code", r.code);
            expected.put("/api/v1/territories/regions/" + r.code, Map.of("name", r.name, "population", r.population,
                    "communeCount", Commune.count("department.region.code", r.code), "departments.code",
                    departments.stream().map(d -> d.code).toList()));
        }
        for (Department d : Department.<Department> listAll()) {
            expected.put("/api/v1/territories/departments/" + d.code, Map.of("name", d.name, "population", d.population,
                    "communeCount", Commune.count("department.code", d.code), "region.code", d.region.code, "region.name",
                    d.region.name));
        }
        Map<String, List<Commune>> members = new LinkedHashMap<>();
        Commune.<Commune> list("epci is not null order by epci.siren, population desc nulls last, name")
                .forEach(c -> members.computeIfAbsent(c.epci.siren, k -> new ArrayList<>()).add(c));
        for (Epci e : Epci.<Epci> listAll()) {
            List<Commune> communes = members.getOrDefault(e.siren, List.of());
            expected.put("/api/v1/territories/epcis/" + e.siren, Map.of("name", e.name, "type", e.type, "typeLabel",
                    e.typeLabel(), "population", e.population, "communes.code", communes.stream().map(c -> c.code).toList(),
                    "communes.population", communes.stream().map(c -> c.population).toList()));
        }
        for (Arrondissement a : Arrondissement.<Arrondissement> listAll()) {
            expected.put("/api/v1/territories/arrondissements/" + a.code, Map.of("name", a.name, "population", a.population,
                    "postalCodes", a.postalCodes, "commune.code", a.commune.code, "commune.name", a.commune.name,
                    "department.code", a.commune.department.code, "region.code", a.commune.department.region.code));
        }
        List<Commune> communes = Commune.list("order by code");
        for (int i = 0; i < communes.size(); i++) {
            Commune c = communes.get(i);
            boolean sampled = i % 50 == 0 || i % 10 == 0 && !c.formerCommunes.isEmpty() || !c.arrondissements.isEmpty();
            if (!sampled) {
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", c.name);
            fields.put("population", c.population);
            fields.put("postalCodes", c.postalCodes);
            fields.put("department.code", c.department.code);
            fields.put("department.name", c.department.name);
            fields.put("region.code", c.department.region.code);
            fields.put("epci.siren", c.epci == null ? null : c.epci.siren);
            fields.put("epci.name", c.epci == null ? null : c.epci.name);
            fields.put("formerCodes", c.formerCodes());
            fields.put("formerCommunes.code",
                    c.formerCommunes.stream().filter(f -> f.name != null).map(f -> f.code).sorted().toList());
            fields.put("arrondissements.code", c.arrondissements.stream().map(a -> a.code).toList());
            expected.put("/api/v1/territories/communes/" + c.code, fields);
        }
        return expected;
    }
}
