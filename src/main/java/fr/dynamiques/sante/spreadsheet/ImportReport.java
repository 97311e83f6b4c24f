package fr.dynamiques.sante.spreadsheet;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.scheme.OpenDataResource;
import fr.dynamiques.sante.territory.PlaceReader;

/**
 * An import's row-by-row outcome as a file the person keeps: what each row did, to which record, and why not. The
 * workbook's first sheet says which file and sheet were read, when the report was taken, and from where.
 */
final class ImportReport {

    private static final List<String> HEADERS = List.of("Ligne", "Nom", "Dispositif", "Action", "Fiche", "Trouvée par",
            "Communes", "Population", "Territoires à choisir", "Erreurs", "Avertissements");

    private ImportReport() {
    }

    static String csv(Preview preview, String publicUrl) {
        return new String(download(preview, publicUrl).csv(), StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Preview preview, String publicUrl) {
        return download(preview, publicUrl).xlsx();
    }

    private static Download download(Preview preview, String publicUrl) {
        List<List<Object>> rows = new ArrayList<>();
        for (Preview.Row row : preview.rows()) {
            rows.add(Arrays.asList(row.row(), orEmpty(row.name()), orEmpty(row.kind()), row.action(),
                    row.match() == null ? "" : row.match().id() + " " + row.match().ref(),
                    row.match() == null ? "" : row.match().how(),
                    row.perimeter() == null ? null : row.perimeter().communeCount(),
                    row.perimeter() == null ? null : row.perimeter().population(),
                    row.territory().stream().filter(e -> e.code() == null && !e.candidates().isEmpty())
                            .map(PlaceReader.Reading::given)
                            .collect(Collectors.joining(" | ")),
                    row.errors().stream().map(ImportReport::error).collect(Collectors.joining(" | ")),
                    String.join(" | ", row.warnings())));
        }
        String site = publicUrl.replaceAll("/+$", "");
        List<Download.Cover.Line> lines = new ArrayList<>(List.of(
                new Download.Cover.Line("Source", "Annuaire des dynamiques territoriales de santé, " + site + "/"),
                new Download.Cover.Line("Adresse de ce fichier", site + "/api/v1/imports/" + preview.id() + "/report.xlsx"),
                new Download.Cover.Line("Extrait le (heure de Paris)",
                        LocalDateTime.now(ZoneId.of("Europe/Paris")).withSecond(0).withNano(0)),
                new Download.Cover.Line("Fichier importé", preview.file() == null ? "" : preview.file()),
                new Download.Cover.Line("Feuille", preview.sheet() == null ? "" : preview.sheet()),
                new Download.Cover.Line("Type de dispositif", preview.kind() == null ? "selon chaque ligne" : preview.kind()),
                new Download.Cover.Line("État de l'import", preview.status()),
                new Download.Cover.Line("Lignes", rows.size()),
                new Download.Cover.Line("Licence",
                        "Les fiches publiées dans l'annuaire : " + OpenDataResource.LICENCE_NAME + ", "
                                + OpenDataResource.LICENCE_URL)));
        return new Download("import-" + preview.id(), new Download.Cover("À propos", "Lignes", "Compte rendu d'import", lines),
                HEADERS, rows);
    }

    private static String error(FieldError error) {
        return (error.field() == null || error.field().isEmpty() ? "" : error.field() + ": ") + error.message();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
