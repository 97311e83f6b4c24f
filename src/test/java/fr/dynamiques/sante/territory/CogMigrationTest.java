package fr.dynamiques.sante.territory;

import static fr.dynamiques.sante.scheme.SchemeFixtures.admin;
import static fr.dynamiques.sante.scheme.SchemeFixtures.cpts;
import static fr.dynamiques.sante.scheme.SchemeFixtures.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.audit.AuditEntry;
import fr.dynamiques.sante.data.DataFile;
import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.registry.PerimeterMigration;
import fr.dynamiques.sante.search.Indexing;
import fr.dynamiques.sante.search.Reindexing;

/**
 * The yearly COG: a "next year" file derived from the real one (two communes merged, one commune moved to another EPCI,
 * one EPCI dissolved, one commune gone with no successor) is loaded as the start-up does, and every stored perimeter
 * naming them is migrated, audited and reported; then the real file is loaded back.
 */
@QuarkusTest
@TestProfile(NextCogProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class CogMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CogLoader loader;
    @Inject
    CogSnapshot snapshot;
    @Inject
    PerimeterMigration migration;
    @Inject
    Reindexing reindexing;

    @Test
    void aNewerCogMovesThePerimetersThatNameWhatChanged() throws IOException {
        DataFile current = DataFile.read("cog/cog-2026.json.gz");
        CogFile cog = CogFile.parse(current.bytes(), JSON);
        // In Isère, by code: the first EPCI with three communes or more gives the merger (its second commune into its
        // first); the next EPCI loses one commune to the third; the fourth is dissolved into the third.
        Map<String, List<CogFile.CommuneRow>> byEpci = cog.communes().stream()
                .filter(c -> c.departmentCode().equals("38") && c.epciSiren() != null && c.population() != null)
                .sorted(Comparator.comparing(CogFile.CommuneRow::code))
                .collect(Collectors.groupingBy(CogFile.CommuneRow::epciSiren, TreeMap::new, Collectors.toList()));
        List<String> epcis = byEpci.entrySet().stream().filter(e -> e.getValue().size() >= 3).map(Map.Entry::getKey).limit(4)
                .toList();
        CogFile.CommuneRow kept = byEpci.get(epcis.get(0)).get(0);
        CogFile.CommuneRow merged = byEpci.get(epcis.get(0)).get(1);
        CogFile.CommuneRow moving = byEpci.get(epcis.get(1)).get(0);
        String receiving = epcis.get(2);
        String dissolved = epcis.get(3);
        CogFile.CommuneRow gone = byEpci.get(epcis.get(0)).get(byEpci.get(epcis.get(0)).size() - 1);
        assertThat(gone.code()).isNotEqualTo(merged.code());

        long id1 = create(clsm("next-cog-merged", List.of(merged.code()), List.of()));
        long id2 = create(clsm("next-cog-moved", List.of(), List.of(epcis.get(1))));
        long id3 = create(clsm("next-cog-dissolved", List.of(), List.of(dissolved)));
        long id4 = create(clsm("next-cog-gone", List.of(gone.code(), moving.code()), List.of()));
        long untouched = create(clsm("next-cog-untouched", List.of("38185"), List.of()));
        // On a commune of the EPCI to be dissolved: its perimeter keeps its places and population, its EPCI changes.
        create(clsm("next-cog-new-epci", List.of(byEpci.get(dissolved).get(0).code()), List.of()));
        Indexing.await();
        assertThat(clsmFoundBy(receiving)).doesNotContain("next-cog-new-epci");

        DataFile next = nextYear(cog, kept, merged, moving, receiving, dissolved, gone);
        assertThat(load(next)).isTrue();
        PerimeterMigration.Report report = migration.migratePending().orElseThrow();
        assertThat(report.cogYear()).isEqualTo(2027);
        // Every scheme's document is rebuilt from the new referential, those the migration left alone too: the one on a
        // commune now in another EPCI is found by that EPCI's SIREN.
        reindexing.awaitCompletion();
        Indexing.await();
        assertThat(clsmFoundBy(receiving)).contains("next-cog-new-epci");

        // The merged commune is replaced by its commune nouvelle, with both populations.
        JsonPath s1 = given().get("/api/v1/schemes/" + id1).then().statusCode(200).extract().jsonPath();
        assertThat(s1.getList("perimeter.communes")).containsExactly(kept.code());
        assertThat(s1.getLong("population")).isEqualTo((long) kept.population() + merged.population());
        assertThat(s1.getInt("cogYear")).isEqualTo(2027);
        // The EPCI that lost a commune no longer covers it.
        JsonPath s2 = given().get("/api/v1/schemes/" + id2).then().statusCode(200).extract().jsonPath();
        long epciWithout = byEpci.get(epcis.get(1)).stream().filter(c -> !c.code().equals(moving.code()))
                .mapToLong(CogFile.CommuneRow::population).sum();
        assertThat(s2.getLong("population")).isEqualTo(epciWithout);
        assertThat(s2.getList("perimeter.epcis")).containsExactly(epcis.get(1));
        // The dissolved EPCI is replaced by its former communes: the same territory.
        JsonPath s3 = given().get("/api/v1/schemes/" + id3).then().statusCode(200).extract().jsonPath();
        assertThat(s3.getList("perimeter.epcis")).isEmpty();
        assertThat(s3.getList("perimeter.communes")).containsExactlyElementsOf(
                byEpci.get(dissolved).stream().map(CogFile.CommuneRow::code).sorted().toList());
        assertThat(s3.getLong("population"))
                .isEqualTo(byEpci.get(dissolved).stream().mapToLong(CogFile.CommuneRow::population).sum());
        // A commune with no successor stays declared, out of the places covered, and is reported.
        JsonPath s4 = given().get("/api/v1/schemes/" + id4).then().statusCode(200).extract().jsonPath();
        assertThat(s4.getList("perimeter.communes")).containsExactly(gone.code(), moving.code());
        assertThat(s4.getLong("population")).isEqualTo((long) moving.population());

        // One audit entry per scheme changed; none for the others.
        for (long id : List.of(id1, id2, id3, id4)) {
            assertThat(audited(id)).as("scheme %d", id).isEqualTo(1);
        }
        assertThat(audited(untouched)).isZero();

        // The report, in the log and to an administrator.
        JsonPath shown = admin().get("/api/v1/admin/cog").then().statusCode(200).extract().jsonPath();
        assertThat(shown.getInt("cogYear")).isEqualTo(2027);
        // (Demo schemes on the EPCI that lost communes are moved too: they are reported like any other.)
        assertThat(shown.getList("moved.ref"))
                .contains("next-cog-merged", "next-cog-moved", "next-cog-dissolved", "next-cog-gone")
                .doesNotContain("next-cog-untouched");
        assertThat(shown.getString("moved.find { it.ref == 'next-cog-merged' }.changes[0]")).contains(merged.code())
                .contains(kept.code());
        assertThat(shown.getList("moved.find { it.ref == 'next-cog-gone' }.unresolved")).containsExactly(gone.code());
        assertThat(shown.getString("moved.find { it.ref == 'next-cog-dissolved' }.changes[0]")).contains(dissolved)
                .contains("dissolved");
        given().get("/api/v1/admin/cog").then().statusCode(401);

        // The same file again changes nothing; the real one loaded back, perimeters follow again.
        assertThat(load(next)).isFalse();
        assertThat(load(current)).isTrue();
        migration.migratePending().orElseThrow();
        reindexing.awaitCompletion();
        assertThat(given().get("/api/v1/schemes/" + id4).then().statusCode(200).extract().jsonPath().getLong("population"))
                .isEqualTo((long) gone.population() + moving.population());
    }

    private static List<String> clsmFoundBy(String text) {
        return given().queryParam("q", text).queryParam("kind", "CLSM").queryParam("size", 200).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("items.ref");
    }

    private boolean load(DataFile file) {
        boolean loaded = loader.load(file).isPresent();
        snapshot.invalidate();
        return loaded;
    }

    private static long audited(long schemeId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.ofScheme(schemeId).stream()
                .filter(e -> e.action.equals("COG_UPDATE")).count());
    }

    private static Map<String, Object> clsm(String ref, List<String> communes, List<String> epcis) {
        Map<String, Object> body = cpts(ref, communes, epcis);
        body.put("kind", "CLSM");
        body.remove("cptsStage");
        body.remove("aciDate");
        return body;
    }

    /** The COG of the next year, as compact.mjs writes it, with the changes this test follows. */
    private static DataFile nextYear(CogFile cog, CogFile.CommuneRow kept, CogFile.CommuneRow merged, CogFile.CommuneRow moving,
            String receiving, String dissolved, CogFile.CommuneRow gone) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("cogYear", 2027);
        root.put("source", "derived in CogMigrationTest");
        ArrayNode regions = root.putArray("regions");
        cog.regions().forEach(r -> regions.addArray().add(r.code()).add(r.name()));
        ArrayNode departments = root.putArray("departments");
        cog.departments().forEach(d -> departments.addArray().add(d.code()).add(d.name()).add(d.regionCode()));
        ArrayNode epcis = root.putArray("epcis");
        cog.epcis().stream().filter(e -> !e.siren().equals(dissolved))
                .forEach(e -> epcis.addArray().add(e.siren()).add(e.name()).add(e.type()));
        ArrayNode communes = root.putArray("communes");
        for (CogFile.CommuneRow c : cog.communes()) {
            if (c.code().equals(merged.code()) || c.code().equals(gone.code())) {
                continue;
            }
            String epci = c.code().equals(moving.code()) || dissolved.equals(c.epciSiren()) ? receiving : c.epciSiren();
            Integer population = c.code().equals(kept.code()) ? Integer.valueOf(kept.population() + merged.population())
                    : c.population();
            ArrayNode row = communes.addArray().add(c.code()).add(c.name()).add(c.departmentCode());
            row.add(epci);
            row.add(population);
            row.add(String.join(" ", c.postalCodes()));
        }
        ArrayNode arrondissements = root.putArray("arrondissements");
        cog.arrondissements().forEach(a -> arrondissements.addArray().add(a.code()).add(a.name()).add(a.communeCode())
                .add(a.population()).add(String.join(" ", a.postalCodes())));
        ArrayNode former = root.putArray("formerCommunes");
        Set<String> removed = Set.of(merged.code(), gone.code());
        cog.formerCommunes().stream().filter(f -> !removed.contains(f.communeCode()))
                .forEach(f -> former.addArray().add(f.code()).add(f.name()).add(f.communeCode()).add(f.type()));
        former.addArray().add(merged.code()).add(merged.name()).add(kept.code()).add("deleguee");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gzip, root);
        }
        byte[] content = bytes.toByteArray();
        try {
            return new DataFile("cog-2027-derived", content,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
