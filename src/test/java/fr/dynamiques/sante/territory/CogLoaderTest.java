package fr.dynamiques.sante.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

/** The referential in the database against the tracked file under data/, read independently here. */
@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class CogLoaderTest {

    static JsonNode file;

    @Inject
    CogLoader loader;

    @BeforeAll
    static void readTrackedFile() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("data/cog/cog-2026.json.gz")))) {
            file = new ObjectMapper().readTree(in);
        }
    }

    @Test
    @Transactional
    void loadsEveryLevelOfCog2026() {
        assertThat(Region.count()).isEqualTo(file.get("regions").size()).isEqualTo(26);
        assertThat(Department.count()).isEqualTo(file.get("departments").size()).isEqualTo(109);
        assertThat(Epci.count()).isEqualTo(file.get("epcis").size()).isEqualTo(1255);
        assertThat(Commune.count()).isEqualTo(file.get("communes").size()).isEqualTo(34969);
    }

    @Test
    void recordsTheLoadWithItsCogYearAndDoesNotReloadTheSameFile() {
        CogLoader.CogLoad last = loader.lastLoad().orElseThrow();
        assertThat(last.cogYear()).isEqualTo(2026);
        assertThat(last.source()).isEqualTo("@etalab/decoupage-administratif@6.0.0");
        assertThat(last.communes()).isEqualTo(34969);
        assertThat(last.durationMs()).isLessThan(15_000);

        assertThat(loader.loadIfChanged()).isEmpty();
        assertThat(loader.lastLoad().orElseThrow()).isEqualTo(last);
    }

    @Test
    @Transactional
    void epciHasItsMemberCommunesAndTheirPopulation() {
        Epci metro = Epci.findBySiren("200040715");
        assertThat(metro.name).isEqualTo("Grenoble-Alpes-Métropole");
        assertThat(metro.type).isEqualTo("METRO");
        Set<String> expected = new HashSet<>();
        long expectedPopulation = 0;
        for (JsonNode commune : file.get("communes")) {
            if ("200040715".equals(commune.get(3).asText(null))) {
                expected.add(commune.get(0).asText());
                expectedPopulation += commune.get(4).asLong(0);
            }
        }
        assertThat(Commune.<Commune> list("epci.siren", metro.siren)).extracting(c -> c.code)
                .containsExactlyInAnyOrderElementsOf(expected)
                .contains("38151", "38185", "38421");
        assertThat(metro.population).isEqualTo(expectedPopulation);
    }

    @Test
    @Transactional
    void corsicaKeepsItsAlphanumericCodes() {
        Commune ajaccio = Commune.findByCode("2A004");
        assertThat(ajaccio.name).isEqualTo("Ajaccio");
        assertThat(ajaccio.department.code).isEqualTo("2A");
        assertThat(ajaccio.department.region.code).isEqualTo("94");
        assertThat(Commune.findByCode("2B033").name).isEqualTo("Bastia");
        assertThat(Commune.findByCode("20004")).as("pre-1976 code").isNull();
    }

    @Test
    @Transactional
    void populationsOfDepartmentsAndRegionsAreSumsOfTheirCommunes() {
        long isere = StreamSupport.stream(file.get("communes").spliterator(), false)
                .filter(c -> c.get(2).asText().equals("38")).mapToLong(c -> c.get(4).asLong(0)).sum();
        assertThat(Department.findByCode("38").population).isEqualTo(isere).isGreaterThan(1_200_000);
        long aura = Department.<Department> list("region.code", "84").stream().mapToLong(d -> d.population).sum();
        assertThat(Region.findByCode("84").population).isEqualTo(aura);
    }

    @Test
    @Transactional
    void communesWithoutEpciOrPopulationAreKept() {
        assertThat(Commune.findByCode("29155").epci).as("Ouessant belongs to no EPCI").isNull();
        assertThat(Commune.findByCode("55050").population).as("Bezonvaux, mort pour la France").isZero();
        assertThat(Commune.findByCode("98411").population).as("a TAAF district: no population published").isNull();
    }
}
