package fr.dynamiques.sante.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.territory.TerritoryNames;

/**
 * Turns the territories an import names ("CC Le Grésivaudan", "Saint-Martin-d'Hères (38)", "Paris 18e") or codes the
 * way people still do (a former commune's code, an arrondissement among communes) into the current codes perimeters
 * store. Every entry changed is reported; a name that is unknown or fits several territories is an error naming the
 * candidates, and the import then writes nothing.
 */
@ApplicationScoped
public class PerimeterNames {

    /** Candidates named in an ambiguity's message; the rest are counted. */
    private static final int CANDIDATES_SHOWN = 12;

    /** One entry of a perimeter read differently from how it was given. */
    @Schema(description = "A perimeter entry given by name, or by a code that is no longer current, and what it was read as", requiredProperties = {
            "row", "field", "given", "code", "name" })
    public record Resolved(@Schema(examples = "3") int row, @Schema(examples = "perimeter.epcis[0]") String field,
            @Schema(examples = "CC Le Grésivaudan") String given, @Schema(examples = "200018166") String code,
            @Schema(examples = "CC Le Grésivaudan") String name,
            @Schema(description = "Said when the entry was read as something else than written: a former commune "
                    + "now part of a current one, an arrondissement listed among communes", examples = "null") String warning) {
    }

    /** The documents in current codes, what was read differently, and the names that could not be resolved. */
    public record Outcome(List<SchemeDocument> documents, List<Resolved> resolved, List<FieldError> errors) {
    }

    private final CogSnapshot cog;

    PerimeterNames(CogSnapshot cog) {
        this.cog = cog;
    }

    public Outcome resolve(List<SchemeDocument> docs) {
        List<SchemeDocument> resolvedDocs = new ArrayList<>(docs.size());
        List<Resolved> resolved = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            SchemeDocument doc = docs.get(i);
            if (doc == null || doc.perimeter() == null) {
                resolvedDocs.add(doc);
                continue;
            }
            Rows row = new Rows(i + 1, resolved, errors);
            SchemeDocument.Perimeter p = doc.perimeter();
            List<String> communes = new ArrayList<>();
            List<String> arrondissements = new ArrayList<>();
            List<String> epcis = new ArrayList<>();
            List<String> departments = new ArrayList<>();
            for (int k = 0; k < p.communesOrEmpty().size(); k++) {
                commune(row, "perimeter.communes[" + k + "]", p.communesOrEmpty().get(k), communes, arrondissements);
            }
            for (int k = 0; k < p.arrondissementsOrEmpty().size(); k++) {
                named(row, "perimeter.arrondissements[" + k + "]", p.arrondissementsOrEmpty().get(k),
                        TerritoryLevel.ARRONDISSEMENT, arrondissements);
            }
            for (int k = 0; k < p.epcisOrEmpty().size(); k++) {
                named(row, "perimeter.epcis[" + k + "]", p.epcisOrEmpty().get(k), TerritoryLevel.EPCI, epcis);
            }
            for (int k = 0; k < p.departmentsOrEmpty().size(); k++) {
                named(row, "perimeter.departments[" + k + "]", p.departmentsOrEmpty().get(k), TerritoryLevel.DEPARTMENT,
                        departments);
            }
            resolvedDocs.add(doc.withPerimeter(new SchemeDocument.Perimeter(communes, epcis, departments, arrondissements)));
        }
        return new Outcome(resolvedDocs, resolved, errors);
    }

    /** A commune entry: a current code, a former commune's code, an arrondissement's, or a name of either. */
    private void commune(Rows row, String field, String given, List<String> communes, List<String> arrondissements) {
        String text = given == null ? null : given.strip();
        if (text == null || text.isEmpty() || cog.isCommune(text)) {
            communes.add(given);
        } else if (cog.isArrondissement(text)) {
            arrondissements.add(text);
            row.resolved(field, given, text, cog.place(text).name(),
                    "a municipal arrondissement: stored among arrondissements");
        } else if (TerritoryLevel.COMMUNE.isWellFormed(text)) {
            CogSnapshot.FormerCommune former = cog.former(text);
            if (former == null) {
                communes.add(given); // an unknown code: the validator says so
            } else {
                communes.add(former.communeCode());
                row.resolved(field, given, former.communeCode(), cog.commune(former.communeCode()).name(),
                        "former commune" + (former.name() == null ? "" : " " + former.name()) + ", now part of "
                                + cog.commune(former.communeCode()).name());
            }
        } else {
            TerritoryNames.Resolution found = cog.names().resolve(TerritoryLevel.COMMUNE, text);
            if (found instanceof TerritoryNames.Unknown) {
                // "Paris 18e" in a communes column: an arrondissement, if it names one.
                TerritoryNames.Resolution part = cog.names().resolve(TerritoryLevel.ARRONDISSEMENT, text);
                if (part instanceof TerritoryNames.Found f) {
                    arrondissements.add(f.code());
                    row.resolved(field, given, f.code(), f.name(), "a municipal arrondissement: stored among arrondissements");
                    return;
                }
            }
            row.outcome(field, given, TerritoryLevel.COMMUNE, found, communes);
        }
    }

    private void named(Rows row, String field, String given, TerritoryLevel level, List<String> codes) {
        String text = given == null ? null : given.strip();
        if (text == null || text.isEmpty() || level.isWellFormed(text)) {
            codes.add(given); // a code: checked by the validator
        } else {
            row.outcome(field, given, level, cog.names().resolve(level, text), codes);
        }
    }

    /** What one row's entries were read as, and its errors, at their row. */
    private record Rows(int row, List<Resolved> resolved, List<FieldError> errors) {

        void resolved(String field, String given, String code, String name, String warning) {
            resolved.add(new Resolved(row, field, given, code, name, warning));
        }

        void outcome(String field, String given, TerritoryLevel level, TerritoryNames.Resolution resolution,
                List<String> codes) {
            if (resolution instanceof TerritoryNames.Found f) {
                codes.add(f.code());
                resolved(field, given, f.code(), f.name(), f.formerName() == null ? null
                        : "former commune " + f.formerName() + ", now part of " + f.name());
            } else if (resolution instanceof TerritoryNames.Ambiguous a) {
                String example = a.candidates().get(0).departmentCode() == null ? ""
                        : " (" + a.candidates().get(0).departmentCode() + ")";
                errors.add(new FieldError(row, field, "'" + shown(given) + "' names " + a.candidates().size() + " "
                        + level.apiName() + "s: " + a.candidates().stream().limit(CANDIDATES_SHOWN)
                                .map(c -> c.code() + " " + c.name()
                                        + (c.departmentCode() == null ? "" : " (" + c.departmentCode() + ")"))
                                .collect(Collectors.joining(", "))
                        + (a.candidates().size() > CANDIDATES_SHOWN ? ", …" : "")
                        + "; give the code, or the département in parentheses: '" + shown(given) + example + "'"));
            } else {
                errors.add(new FieldError(row, field,
                        "'" + shown(given) + "' names no " + level.apiName() + " of the COG; give its code"));
            }
        }

        private static String shown(String given) {
            String text = given.strip();
            return text.length() <= 80 ? text : text.substring(0, 80) + "…";
        }
    }
}
