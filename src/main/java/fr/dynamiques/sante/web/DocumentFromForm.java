package fr.dynamiques.sante.web;

import static fr.dynamiques.sante.web.SchemeForm.blank;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.scheme.KindFeature;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.text.Stripped;
import fr.dynamiques.sante.web.SchemeForm.AmendmentRow;
import fr.dynamiques.sante.web.SchemeForm.AssessmentRow;
import fr.dynamiques.sante.web.SchemeForm.Basics;
import fr.dynamiques.sante.web.SchemeForm.Built;
import fr.dynamiques.sante.web.SchemeForm.CoordinatorRow;
import fr.dynamiques.sante.web.SchemeForm.FundingRow;
import fr.dynamiques.sante.web.SchemeForm.PartnerRow;
import fr.dynamiques.sante.web.SchemeForm.Place;

/**
 * The API's document written from the edit page's form, once: each value read into its JSON type (a date, a number, an
 * amount, as people type them), the mistakes of reading noted by box, and each list's entries mapped back to their
 * rows on the page (a blank row is left out, so the document's {@code partners[1]} may be the page's third row).
 */
final class DocumentFromForm {

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");

    private final ObjectMapper json;
    private final Map<String, SchemeKind> kinds;
    private final List<FieldError> mistakes = new ArrayList<>();
    private final Map<String, String> boxOfPath = new HashMap<>();
    private final ObjectNode doc;

    DocumentFromForm(ObjectMapper json, Map<String, SchemeKind> kinds) {
        this.json = json;
        this.kinds = kinds;
        this.doc = json.createObjectNode();
    }

    /**
     * The document ({@code refTaken}: for a new scheme, which refs are taken); kind-specific fields the kind does not
     * have are left out (the boxes are not shown for it). The perimeter is the places found; the box keeps what still
     * waits for a choice.
     */
    Built build(SchemeForm form, Predicate<String> refTaken) {
        basics(form.basics(), refTaken);
        perimeter(form.places());
        SchemeKind kind = form.basics().kind() == null ? null : kinds.get(form.basics().kind());
        if (kind != null) {
            kindFeatures(kind, form.basics(), form.amendments());
        }
        partners(form.partners());
        fundings(form.fundings());
        coordinators(form.coordinators());
        doc.put("projectStep", Stripped.orNull(form.basics().projectStep()));
        approach(form.approach());
        try {
            return new Built(json.treeToValue(doc, SchemeDocument.class), mistakes, boxOfPath);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Every value was read above into its JSON type: this is the directory's own mistake, not the person's.
            throw new IllegalStateException("The form's document does not read as a scheme", e);
        }
    }

    private void basics(Basics b, Predicate<String> refTaken) {
        // A new scheme without a ref gets one from its kind and name (as an import's rows do).
        boolean namedOnly = blank(b.ref()) && refTaken != null && !blank(b.kind()) && !blank(b.name());
        doc.put("ref", namedOnly ? Scheme.newRef(b.kind().strip(), null, b.name(), refTaken) : Stripped.orNull(b.ref()));
        doc.put("name", Stripped.orNull(b.name()));
        doc.put("kind", Stripped.orNull(b.kind()));
        doc.put("status", Stripped.orNull(b.status()));
        doc.put("startDate", date(b.startDate(), "startDate"));
        doc.put("endDate", date(b.endDate(), "endDate"));
        doc.put("description", Stripped.orNull(b.description()));
        doc.put("website", Stripped.orNull(b.website()));
        doc.put("source", Stripped.orNull(b.source()));
        doc.put("lastVerified", date(b.lastVerified(), "lastVerified"));
        doc.set("themes", list(b.themes(), ","));
    }

    /** The places found, each code once, by level; those still waiting for a choice are not in it. */
    private void perimeter(List<Place> places) {
        ObjectNode perimeter = doc.putObject("perimeter");
        for (String level : List.of("communes", "epcis", "departments", "arrondissements")) {
            perimeter.putArray(level);
        }
        for (Place p : places) {
            if (p.reading().code() != null) {
                ArrayNode codes = (ArrayNode) perimeter.get(switch (p.reading().level()) {
                    case "epci" -> "epcis";
                    case "department" -> "departments";
                    case "arrondissement" -> "arrondissements";
                    default -> "communes";
                });
                if (!codes.toString().contains("\"" + p.reading().code() + "\"")) {
                    codes.add(p.reading().code());
                }
            }
        }
    }

    private void kindFeatures(SchemeKind kind, Basics b, List<AmendmentRow> amendments) {
        if (kind.has(KindFeature.GENERATIONS)) {
            doc.put("generation", number(b.generation(), "generation"));
            doc.put("previousRef", Stripped.orNull(b.previousRef()));
            ArrayNode list = doc.putArray("amendments");
            for (AmendmentRow a : amendments) {
                if (!a.isBlank()) {
                    String box = "amendments[" + a.index() + "]";
                    boxOfPath.put("amendments[" + list.size() + "]", box);
                    list.addObject().put("date", date(a.date(), box + ".date"))
                            .put("title", Stripped.orNull(a.title()))
                            .put("summary", Stripped.orNull(a.summary()));
                }
            }
        }
        if (kind.has(KindFeature.CPTS_STAGES)) {
            doc.put("cptsStage", Stripped.orNull(b.cptsStage()));
            doc.put("aciDate", date(b.aciDate(), "aciDate"));
        }
        if (kind.has(KindFeature.CO_CARRYING_HOSPITAL) && !blank(b.hospitalName())) {
            doc.putObject("coCarryingHospital").put("name", b.hospitalName().strip()).put("type", "HOSPITAL")
                    .put("finess", Stripped.orNull(b.hospitalFiness()));
        }
        if (kind.has(KindFeature.PRIORITY_NEIGHBOURHOODS)) {
            doc.set("priorityNeighbourhoods", list(b.neighbourhoods(), "[,;\\s]+"));
        }
    }

    private void partners(List<PartnerRow> partners) {
        ArrayNode list = doc.putArray("partners");
        for (PartnerRow p : partners) {
            if (!p.isBlank()) {
                boxOfPath.put("partners[" + list.size() + "]", "partners[" + p.index() + "]");
                ObjectNode entry = list.addObject();
                ObjectNode o = entry.putObject("organisation");
                o.put("name", Stripped.orNull(p.name()));
                o.put("type", Stripped.orNull(p.type()));
                o.put("siret", Stripped.orNull(p.siret()));
                o.put("finess", Stripped.orNull(p.finess()));
                o.put("cogCode", Stripped.orNull(p.cogCode()));
                o.put("website", Stripped.orNull(p.website()));
                o.put("email", Stripped.orNull(p.email()));
                o.put("phone", Stripped.orNull(p.phone()));
                o.put("address", Stripped.orNull(p.address()));
                p.roles().forEach(entry.putArray("roles")::add);
            }
        }
    }

    private void fundings(List<FundingRow> fundings) {
        ArrayNode list = doc.putArray("fundings");
        for (FundingRow f : fundings) {
            if (!f.isBlank()) {
                String box = "fundings[" + f.index() + "]";
                boxOfPath.put("fundings[" + list.size() + "]", box);
                list.addObject().put("organisation", Stripped.orNull(f.organisation()))
                        .put("year", number(f.year(), box + ".year"))
                        .put("amountEuros", amount(f.amount(), box + ".amountEuros"))
                        .put("purpose", Stripped.orNull(f.purpose()));
            }
        }
    }

    /** A kept coordinator is written as its id only: the scheme keeps its name and contact as recorded. */
    private void coordinators(List<CoordinatorRow> coordinators) {
        ArrayNode list = doc.putArray("coordinators");
        for (CoordinatorRow c : coordinators) {
            if (c.isBlank()) {
                continue;
            }
            boxOfPath.put("coordinators[" + list.size() + "]", "coordinators[" + c.index() + "]");
            ObjectNode entry = list.addObject();
            if (c.kept()) {
                entry.put("id", Long.parseLong(c.id()));
                continue;
            }
            entry.put("firstName", Stripped.orNull(c.firstName())).put("lastName", Stripped.orNull(c.lastName()))
                    .put("title", Stripped.orNull(c.title())).put("email", Stripped.orNull(c.email()))
                    .put("phone", Stripped.orNull(c.phone()))
                    .put("employer", Stripped.orNull(c.employer())).put("publicContact", c.publicContact());
            // Consent keeps the date it was given; ticked now, it is given today (the writer's default).
            entry.put("publicContactSince",
                    c.publicContact() ? date(c.publicContactSince(), "coordinators[" + c.index() + "].publicContact") : null);
        }
    }

    private void approach(List<AssessmentRow> approach) {
        ArrayNode assessments = doc.putArray("approach");
        for (AssessmentRow a : approach) {
            if (!blank(a.score())) {
                boxOfPath.put("approach[" + assessments.size() + "]", "approach." + a.criterion());
                assessments.addObject().put("criterion", a.criterion())
                        .put("score", number(a.score(), "approach." + a.criterion() + ".score"))
                        .put("comment", Stripped.orNull(a.comment()));
            }
        }
    }

    private ArrayNode list(String text, String separator) {
        ArrayNode list = json.createArrayNode();
        if (text != null) {
            Arrays.stream(text.split(separator)).map(String::strip).filter(t -> !t.isEmpty()).distinct().forEach(list::add);
        }
        return list;
    }

    /** A date typed as the date box gives it (2024-03-15) or as people write it (15/03/2024). */
    private String date(String text, String box) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip();
        try {
            Matcher m = DAY_MONTH_YEAR.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)))
                        .toString();
            }
            return LocalDate.parse(t).toString();
        } catch (DateTimeException e) {
            mistakes.add(new FieldError(box, "must be a date, as 15/03/2024"));
            return null;
        }
    }

    private Integer number(String text, String box) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            mistakes.add(new FieldError(box, "must be a whole number"));
            return null;
        }
    }

    /** An amount as people type it: 35000, 35 000, 35 000,50 or 35000.50 (euros). */
    private BigDecimal amount(String text, String box) {
        if (blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.replaceAll("[\\s\u00a0\u202f€]", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            mistakes.add(new FieldError(box, "must be an amount in euros, as 35000 or 35 000,50"));
            return null;
        }
    }
}
