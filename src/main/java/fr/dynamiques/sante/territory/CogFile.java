package fr.dynamiques.sante.territory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The COG referential as packaged in {@code data/cog} (gzipped JSON, rows as arrays: see data/README.md), read into
 * typed rows. The one reader of that file: the loader writes these rows to the database, the synthetic registry lays
 * schemes over them.
 */
public record CogFile(int cogYear, String source, List<RegionRow> regions, List<DepartmentRow> departments, List<EpciRow> epcis,
        List<CommuneRow> communes, List<ArrondissementRow> arrondissements,
        List<FormerCommuneRow> formerCommunes) {

    public record RegionRow(String code, String name) {
    }

    public record DepartmentRow(String code, String name, String regionCode) {
    }

    public record EpciRow(String siren, String name, String type) {
    }

    /** A commune: its EPCI and population may be unknown (null); postal codes may be none. */
    public record CommuneRow(String code, String name, String departmentCode, String epciSiren, Integer population,
            List<String> postalCodes) {
    }

    /** A municipal arrondissement of Paris, Lyon or Marseille: part of {@code communeCode}, with its own population. */
    public record ArrondissementRow(String code, String name, String communeCode, Integer population,
            List<String> postalCodes) {
    }

    /**
     * A former commune and the current commune it is now part of. Delegated and associated communes carry a name
     * and a type ({@code deleguee}, {@code associee}); older former codes have neither (null). A delegated commune
     * may keep its current commune's code (the chef-lieu): its name is then another name of that commune.
     */
    public record FormerCommuneRow(String code, String name, String communeCode, String type) {
    }

    public static CogFile parse(byte[] gzipped, ObjectMapper json) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            JsonNode cog = json.readTree(in);
            return new CogFile(cog.get("cogYear").asInt(), cog.get("source").asText(),
                    rows(cog, "regions", r -> new RegionRow(r.get(0).asText(), r.get(1).asText())),
                    rows(cog, "departments", d -> new DepartmentRow(d.get(0).asText(), d.get(1).asText(), d.get(2).asText())),
                    rows(cog, "epcis", e -> new EpciRow(e.get(0).asText(), e.get(1).asText(), e.get(2).asText())),
                    // [code, name, département, EPCI SIREN or null, population or null, "postal codes"]
                    rows(cog, "communes", c -> new CommuneRow(c.get(0).asText(), c.get(1).asText(), c.get(2).asText(),
                            c.get(3).isNull() ? null : c.get(3).asText(), c.get(4).isNull() ? null : c.get(4).asInt(),
                            codes(c.get(5)))),
                    // [code, name, commune, population or null, "postal codes"]; absent from files made before 2026-11
                    rows(cog, "arrondissements",
                            a -> new ArrondissementRow(a.get(0).asText(), a.get(1).asText(), a.get(2).asText(),
                                    a.get(3).isNull() ? null : a.get(3).asInt(), codes(a.get(4)))),
                    // [code, name or null, current commune, type or null]
                    rows(cog, "formerCommunes",
                            f -> new FormerCommuneRow(f.get(0).asText(), f.get(1).isNull() ? null : f.get(1).asText(),
                                    f.get(2).asText(), f.get(3).isNull() ? null : f.get(3).asText())));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable COG referential", e);
        }
    }

    private static List<String> codes(JsonNode spaced) {
        return spaced.asText().isEmpty() ? List.of() : List.of(spaced.asText().split(" "));
    }

    private static <T> List<T> rows(JsonNode cog, String table, Function<JsonNode, T> row) {
        if (!cog.has(table)) {
            return List.of();
        }
        List<T> rows = new ArrayList<>(cog.get(table).size());
        cog.get(table).forEach(node -> rows.add(row.apply(node)));
        return List.copyOf(rows);
    }
}
