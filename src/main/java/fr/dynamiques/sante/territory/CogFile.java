package fr.dynamiques.sante.territory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
                      List<CommuneRow> communes) {

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
                            c.get(5).asText().isEmpty() ? List.of() : Arrays.asList(c.get(5).asText().split(" ")))));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable COG referential", e);
        }
    }

    private static <T> List<T> rows(JsonNode cog, String table, Function<JsonNode, T> row) {
        List<T> rows = new ArrayList<>(cog.get(table).size());
        cog.get(table).forEach(node -> rows.add(row.apply(node)));
        return List.copyOf(rows);
    }
}
