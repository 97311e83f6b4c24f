package fr.dynamiques.sante.spreadsheet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the person decided about a listing: the sheet, a field for any column (null to ignore it), the kind of rows no
 * column gives one, the territory picked for each name the directory could not decide, and the rows left out. Sent as
 * {@code PUT /api/v1/imports/{id}}, any part of it; each part given replaces what was decided before for its keys.
 */
@Schema(name = "ImportSettings")
public record Settings(
        @Schema(description = "A sheet's name or its number from 1", examples = "CPTS") String sheet,
        @Schema(description = "Column index (from 0) to field; an empty field ignores the column", examples = "{\"3\": \"carrier\"}") @Size(max = 200) Map<Integer, String> columns,
        @Schema(description = "The kind of every row whose kind no column gives", examples = "CPTS") String kind,
        @Size(max = 20000) List<Choice> choices,
        @Schema(description = "Rows (spreadsheet numbers) left out") @Size(max = 10000) Set<Integer> skip,
        @Schema(description = "Rows taken back in") @Size(max = 10000) Set<Integer> keep) {

    /** The territory meant by a name of a row; code null leaves the name out of the perimeter. */
    @Schema(name = "ImportChoice")
    public record Choice(@Schema(examples = "7") int row, @Schema(examples = "St Marc Jaumegarde") String given,
            @Schema(nullable = true, examples = "13095") String code) {
    }

    Map<Integer, String> columnsOrEmpty() {
        return columns == null ? Map.of() : columns;
    }

    List<Choice> choicesOrEmpty() {
        return choices == null ? List.of() : choices;
    }

    Set<Integer> skipOrEmpty() {
        return skip == null ? Set.of() : skip;
    }

    /** These settings with another's parts laid over them. */
    Settings with(Settings change) {
        Map<Integer, String> mapped = new TreeMap<>(columnsOrEmpty());
        mapped.putAll(change.columnsOrEmpty());
        List<Choice> chosen = new ArrayList<>(choicesOrEmpty().stream()
                .filter(c -> change.choicesOrEmpty().stream().noneMatch(n -> n.row() == c.row() && n.given().equals(c.given())))
                .toList());
        chosen.addAll(change.choicesOrEmpty());
        Set<Integer> skipped = new LinkedHashSet<>(skipOrEmpty());
        skipped.addAll(change.skipOrEmpty());
        if (change.keep() != null) {
            skipped.removeAll(change.keep());
        }
        return new Settings(change.sheet() != null ? change.sheet() : sheet, mapped,
                change.kind() != null ? (change.kind().isBlank() ? null : change.kind()) : kind, chosen, skipped, Set.of());
    }
}
