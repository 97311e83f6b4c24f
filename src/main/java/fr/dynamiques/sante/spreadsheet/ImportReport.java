package fr.dynamiques.sante.spreadsheet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.territory.PlaceReader;

/** An import's row-by-row outcome as a file the person keeps: what each row did, to which record, and why not. */
final class ImportReport {

    private static final List<String> HEADERS = List.of("Ligne", "Nom", "Dispositif", "Action", "Fiche", "Trouvée par",
            "Communes", "Population", "Territoires à choisir", "Erreurs", "Avertissements");

    private ImportReport() {
    }

    static String csv(Preview preview) {
        return new String(download(preview).csv(), StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Preview preview) {
        return download(preview).xlsx();
    }

    private static Download download(Preview preview) {
        List<List<String>> rows = new ArrayList<>();
        for (Preview.Row row : preview.rows()) {
            rows.add(List.of(String.valueOf(row.row()), orEmpty(row.name()), orEmpty(row.kind()), row.action(),
                    row.match() == null ? "" : row.match().id() + " " + row.match().ref(),
                    row.match() == null ? "" : row.match().how(),
                    row.perimeter() == null ? "" : String.valueOf(row.perimeter().communeCount()),
                    row.perimeter() == null ? "" : String.valueOf(row.perimeter().population()),
                    row.territory().stream().filter(e -> e.code() == null && !e.candidates().isEmpty()).map(PlaceReader.Reading::given)
                            .collect(Collectors.joining(" | ")),
                    row.errors().stream().map(ImportReport::error).collect(Collectors.joining(" | ")),
                    String.join(" | ", row.warnings())));
        }
        return new Download("import-" + preview.id(), HEADERS, rows);
    }

    private static String error(FieldError error) {
        return (error.field() == null || error.field().isEmpty() ? "" : error.field() + ": ") + error.message();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
