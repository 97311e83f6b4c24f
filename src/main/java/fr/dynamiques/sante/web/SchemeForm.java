package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.scheme.ApproachCriterion;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.territory.PlaceReader;

/**
 * The edit page's form: every field of a scheme the API takes, as the boxes of one page, read back into the API's
 * document. Lists (partners, fundings, coordinators, amendments) are numbered rows: a blank row is left out, a row ticked
 * "remove" too, and a button adds a blank one, so that the form works the same without JavaScript. The perimeter is a
 * text: one place per line (or separated by commas), a name or a code, read by the same {@link PlaceReader} as imports.
 * <p>
 * Mistakes stay next to their box: those of reading the form (a date, a number) and those of the registry's own checks
 * ({@code SchemeValidator}, whose field paths name the document, mapped back to the boxes here).
 */
public record SchemeForm(Basics basics, List<PartnerRow> partners, List<FundingRow> fundings, List<CoordinatorRow> coordinators,
        List<AmendmentRow> amendments, List<AssessmentRow> approach, List<Place> places,
        Map<String, String> errors, List<Problem> problems) {

    /** The form's single boxes, as typed. */
    public record Basics(String ref, String name, String kind, String status, String startDate, String endDate,
            String description,
            String website, String themes, String source, String lastVerified, String generation, String previousRef,
            String cptsStage, String aciDate, String hospitalName, String hospitalFiness, String neighbourhoods,
            String projectStep, String placesText) {

        static Basics read(MultivaluedMap<String, String> params) {
            return new Basics(one(params, "ref"), one(params, "name"), one(params, "kind"), one(params, "status"),
                    one(params, "startDate"), one(params, "endDate"), one(params, "description"), one(params, "website"),
                    one(params, "themes"), one(params, "source"), one(params, "lastVerified"), one(params, "generation"),
                    one(params, "previousRef"), one(params, "cptsStage"), one(params, "aciDate"),
                    one(params, "coCarryingHospital.name"), one(params, "coCarryingHospital.finess"),
                    one(params, "priorityNeighbourhoods"), one(params, "projectStep"), one(params, "places"));
        }

        static Basics of(SchemeDocument doc) {
            SchemeDocument.OrganisationRef hospital = doc.coCarryingHospital();
            return new Basics(doc.ref(), doc.name(), doc.kind(), doc.status(), text(doc.startDate()), text(doc.endDate()),
                    doc.description(), doc.website(), String.join(", ", doc.themesOrEmpty()), doc.source(),
                    text(doc.lastVerified()), text(doc.generation()), doc.previousRef(), doc.cptsStage(),
                    text(doc.aciDate()), hospital == null ? null : hospital.name(), hospital == null ? null : hospital.finess(),
                    String.join(", ", doc.priorityNeighbourhoodsOrEmpty()), doc.projectStep(), null);
        }

        static Basics empty(String kind) {
            return new Basics(null, null, kind, "ACTIVE", null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }

        Basics withPlacesText(String text) {
            return new Basics(ref, name, kind, status, startDate, endDate, description, website, themes, source,
                    lastVerified, generation, previousRef, cptsStage, aciDate, hospitalName, hospitalFiness, neighbourhoods,
                    projectStep, text);
        }
    }

    public record PartnerRow(int index, String id, String name, String type, String siret, String finess, String cogCode,
            List<String> roles, String website, String email, String phone, String address, Map<String, String> errors) {
        /** The row's boxes are named {@code partners[N].field}, their ids {@code partners-N-field}. */
        public String at() {
            return "partners[" + index + "].";
        }

        public String anchorAt() {
            return "partners-" + index + "-";
        }

        boolean isBlank() {
            return blank(name) && roles.isEmpty() && blank(siret) && blank(website) && blank(email) && blank(phone)
                    && blank(address);
        }

        static PartnerRow read(int index, Map<String, List<String>> row) {
            return new PartnerRow(index, first(row, "organisation.id"), first(row, "organisation.name"),
                    first(row, "organisation.type"), first(row, "organisation.siret"), first(row, "organisation.finess"),
                    first(row, "organisation.cogCode"),
                    row.getOrDefault("roles", List.of()).stream().filter(ROLES::contains).distinct().toList(),
                    first(row, "organisation.website"), first(row, "organisation.email"), first(row, "organisation.phone"),
                    first(row, "organisation.address"), Map.of());
        }

        static PartnerRow of(int index, SchemeDocument.PartnerEntry p) {
            SchemeDocument.OrganisationRef o = p.organisation();
            return new PartnerRow(index, text(o.id()), o.name(), o.type(), o.siret(), o.finess(), o.cogCode(), p.roles(),
                    o.website(), o.email(), o.phone(), o.address(), Map.of());
        }

        static PartnerRow empty(int index) {
            return new PartnerRow(index, null, null, null, null, null, null, List.of(), null, null, null, null, Map.of());
        }

        PartnerRow withErrors(Map<String, String> found) {
            return new PartnerRow(index, id, name, type, siret, finess, cogCode, roles, website, email, phone, address,
                    found);
        }
    }

    public record FundingRow(int index, String organisation, String year, String amount, String purpose,
            Map<String, String> errors) {
        /** The row's boxes are named {@code fundings[N].field}, their ids {@code fundings-N-field}. */
        public String at() {
            return "fundings[" + index + "].";
        }

        public String anchorAt() {
            return "fundings-" + index + "-";
        }

        boolean isBlank() {
            return blank(organisation) && blank(year) && blank(amount) && blank(purpose);
        }

        static FundingRow read(int index, Map<String, List<String>> row) {
            return new FundingRow(index, first(row, "organisation"), first(row, "year"), first(row, "amountEuros"),
                    first(row, "purpose"), Map.of());
        }

        static FundingRow of(int index, SchemeDocument.FundingEntry f) {
            return new FundingRow(index, f.organisation(), text(f.year()),
                    f.amountEuros() == null ? null : f.amountEuros().stripTrailingZeros().toPlainString(), f.purpose(),
                    Map.of());
        }

        static FundingRow empty(int index) {
            return new FundingRow(index, null, null, null, null, Map.of());
        }

        FundingRow withErrors(Map<String, String> found) {
            return new FundingRow(index, organisation, year, amount, purpose, found);
        }
    }

    /** A coordinator; {@code kept}: one whose name and contact the editor may not see, kept on the scheme as recorded. */
    public record CoordinatorRow(int index, String id, boolean kept, String firstName, String lastName, String title,
            String email,
            String phone, String employer, boolean publicContact, String publicContactSince,
            Map<String, String> errors) {
        /** The row's boxes are named {@code coordinators[N].field}, their ids {@code coordinators-N-field}. */
        public String at() {
            return "coordinators[" + index + "].";
        }

        public String anchorAt() {
            return "coordinators-" + index + "-";
        }

        boolean isBlank() {
            return !kept && blank(firstName) && blank(lastName) && blank(title) && blank(email) && blank(phone)
                    && blank(employer);
        }

        /** A kept coordinator's name and contact are not read from the form: the scheme keeps them as recorded. */
        static CoordinatorRow read(int index, Map<String, List<String>> row) {
            boolean kept = ticked(row, "kept") && first(row, "id") != null;
            return new CoordinatorRow(index, first(row, "id"), kept, kept ? null : first(row, "firstName"),
                    kept ? null : first(row, "lastName"), first(row, "title"), kept ? null : first(row, "email"),
                    kept ? null : first(row, "phone"), first(row, "employer"), ticked(row, "publicContact"),
                    first(row, "publicContactSince"), Map.of());
        }

        static CoordinatorRow of(int index, SchemeDocument.CoordinatorEntry c) {
            return new CoordinatorRow(index, text(c.id()), c.firstName() == null && c.lastName() == null, c.firstName(),
                    c.lastName(), c.title(), c.email(), c.phone(), c.employer(), c.publicContact(),
                    text(c.publicContactSince()), Map.of());
        }

        static CoordinatorRow empty(int index) {
            return new CoordinatorRow(index, null, false, null, null, null, null, null, null, false, null, Map.of());
        }

        CoordinatorRow withErrors(Map<String, String> found) {
            return new CoordinatorRow(index, id, kept, firstName, lastName, title, email, phone, employer, publicContact,
                    publicContactSince, found);
        }
    }

    public record AmendmentRow(int index, String date, String title, String summary, Map<String, String> errors) {
        /** The row's boxes are named {@code amendments[N].field}, their ids {@code amendments-N-field}. */
        public String at() {
            return "amendments[" + index + "].";
        }

        public String anchorAt() {
            return "amendments-" + index + "-";
        }

        boolean isBlank() {
            return blank(date) && blank(title) && blank(summary);
        }

        static AmendmentRow read(int index, Map<String, List<String>> row) {
            return new AmendmentRow(index, first(row, "date"), first(row, "title"), first(row, "summary"), Map.of());
        }

        static AmendmentRow of(int index, SchemeDocument.AmendmentEntry a) {
            return new AmendmentRow(index, text(a.date()), a.title(), a.summary(), Map.of());
        }

        static AmendmentRow empty(int index) {
            return new AmendmentRow(index, null, null, null, Map.of());
        }

        AmendmentRow withErrors(Map<String, String> found) {
            return new AmendmentRow(index, date, title, summary, found);
        }
    }

    public record AssessmentRow(String criterion, String score, String comment, Map<String, String> errors) {

        /** One row per criterion of the approach, in their order, as the form sent them. */
        static List<AssessmentRow> read(MultivaluedMap<String, String> params) {
            return Arrays.stream(ApproachCriterion.values()).map(c -> new AssessmentRow(c.name(),
                    one(params, "approach." + c.name() + ".score"), one(params, "approach." + c.name() + ".comment"),
                    Map.of())).toList();
        }

        /** One row per criterion of the approach, in their order, assessed or not. */
        static List<AssessmentRow> of(List<SchemeDocument.AssessmentEntry> assessments) {
            Map<String, SchemeDocument.AssessmentEntry> assessed = new HashMap<>();
            assessments.forEach(a -> assessed.put(a.criterion(), a));
            return Arrays.stream(ApproachCriterion.values())
                    .map(c -> Optional.ofNullable(assessed.get(c.name()))
                            .map(a -> new AssessmentRow(c.name(), text(a.score()), a.comment(), Map.<String, String> of()))
                            .orElse(new AssessmentRow(c.name(), null, null, Map.of())))
                    .toList();
        }

        AssessmentRow withErrors(Map<String, String> found) {
            return new AssessmentRow(criterion, score, comment, found);
        }
    }

    /** A place of the perimeter as read: found (code), or candidates to choose from. */
    public record Place(int index, PlaceReader.Reading reading) {
        /** How the place is written back in the perimeter box once found: its name and code, read again as the code. */
        public String line() {
            return reading.code() == null ? reading.given() : reading.name() + " (" + reading.code() + ")";
        }
    }

    /** A mistake, for the summary above the form: the box it belongs to (and its row in a list, from 1), what to do. */
    public record Problem(String anchor, String box, int row, String message) {
    }

    /** Rows a list may have on the page at most (the API's limits are lower or equal: beyond, its 400 says so). */
    static final int MOST_ROWS = 500;
    static final List<String> ROLES = List.of("CARRIER", "SIGNATORY", "FUNDER", "PARTNER", "EMPLOYER");

    private static final Pattern ROW = Pattern
            .compile("(partners|fundings|coordinators|amendments)\\[(\\d{1,3})]\\.([A-Za-z.]+)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    // Reading the page

    /** The form as the browser sent it. */
    public static SchemeForm read(MultivaluedMap<String, String> params) {
        Map<String, Map<Integer, Map<String, List<String>>>> rows = rows(params);
        return new SchemeForm(Basics.read(params), kept(rows, "partners", PartnerRow::read),
                kept(rows, "fundings", FundingRow::read), kept(rows, "coordinators", CoordinatorRow::read),
                kept(rows, "amendments", AmendmentRow::read), AssessmentRow.read(params), List.of(), Map.of(), List.of());
    }

    /** The rows of the lists as sent, by list and by number ({@code partners[2].year}: list, row, box). */
    private static Map<String, Map<Integer, Map<String, List<String>>>> rows(MultivaluedMap<String, String> params) {
        Map<String, Map<Integer, Map<String, List<String>>>> rows = new HashMap<>();
        params.forEach((key, values) -> {
            Matcher m = ROW.matcher(key);
            if (m.matches() && Integer.parseInt(m.group(2)) < MOST_ROWS) {
                rows.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new HashMap<>())
                        .put(m.group(3), values);
            }
        });
        return rows;
    }

    /** A list's rows in their order, but those ticked "remove", numbered again from 0. */
    private static <R> List<R> kept(Map<String, Map<Integer, Map<String, List<String>>>> rows, String list,
            BiFunction<Integer, Map<String, List<String>>, R> reader) {
        List<R> kept = new ArrayList<>();
        rows.getOrDefault(list, Map.of()).values().stream().filter(row -> !ticked(row, "remove"))
                .forEach(row -> kept.add(reader.apply(kept.size(), row)));
        return kept;
    }

    /** The form of a scheme as it stands. */
    public static SchemeForm of(SchemeDocument doc) {
        return new SchemeForm(Basics.of(doc), numbered(doc.partnersOrEmpty(), PartnerRow::of),
                numbered(doc.fundingsOrEmpty(), FundingRow::of), numbered(doc.coordinatorsOrEmpty(), CoordinatorRow::of),
                numbered(doc.amendmentsOrEmpty(), AmendmentRow::of), AssessmentRow.of(doc.approachOrEmpty()), List.of(),
                Map.of(), List.of());
    }

    /** A list's entries as rows, numbered from 0. */
    private static <E, R> List<R> numbered(List<E> entries, BiFunction<Integer, E, R> row) {
        List<R> rows = new ArrayList<>();
        entries.forEach(e -> rows.add(row.apply(rows.size(), e)));
        return rows;
    }

    /** An empty form for a new scheme. */
    public static SchemeForm empty(String kind) {
        return new SchemeForm(Basics.empty(kind), List.of(), List.of(), List.of(), List.of(),
                AssessmentRow.of(List.of()), List.of(), Map.of(), List.of());
    }

    // What the page shows

    /** The same form with a blank row at the end of each list, to fill in ({@code extra}: one more in that list). */
    public SchemeForm withBlankRows(String extra) {
        return new SchemeForm(basics, withBlank(partners, "partners".equals(extra), PartnerRow::empty),
                withBlank(fundings, "fundings".equals(extra), FundingRow::empty),
                withBlank(coordinators, "coordinators".equals(extra), CoordinatorRow::empty),
                withBlank(amendments, "amendments".equals(extra), AmendmentRow::empty), approach, places, errors, problems);
    }

    /** The rows and a blank one after them (two when one more was asked for). */
    private static <R> List<R> withBlank(List<R> rows, boolean oneMore, IntFunction<R> blank) {
        List<R> more = new ArrayList<>(rows);
        for (int n = 0; n < (oneMore ? 2 : 1); n++) {
            more.add(blank.apply(more.size()));
        }
        return more;
    }

    /** The same form with its perimeter read, place by place: the box shows what was found as name and code. */
    public SchemeForm withPlaces(List<PlaceReader.Reading> readings) {
        List<Place> read = new ArrayList<>();
        readings.forEach(r -> read.add(new Place(read.size(), r)));
        StringBuilder text = new StringBuilder();
        read.forEach(p -> text.append(p.line()).append('\n'));
        return new SchemeForm(basics.withPlacesText(text.toString().strip()), partners, fundings, coordinators, amendments,
                approach, List.copyOf(read), errors, problems);
    }

    /** Whether a place of the perimeter still waits for the person's choice. */
    public boolean waitsForChoice() {
        return places.stream().anyMatch(p -> p.reading().code() == null && !p.reading().isLeftOut());
    }

    // Writing the document

    /** The document the form stands for, and the mistakes made reading it (a date, a number), by box. */
    public record Built(SchemeDocument document, List<FieldError> mistakes, Map<String, String> boxOfPath) {
    }

    /**
     * The API's document from the form ({@code refTaken}: for a new scheme, which refs are taken): {@link DocumentFromForm}.
     */
    public Built build(ObjectMapper json, Map<String, SchemeKind> kinds, Predicate<String> refTaken) {
        return new DocumentFromForm(json, kinds).build(this, refTaken);
    }

    /**
     * The same form with these mistakes next to their boxes and in the summary. Paths are the document's
     * ({@code partners[1].organisation.email}), or the form's own for reading mistakes.
     */
    public SchemeForm withMistakes(List<FieldError> found, Map<String, String> boxOfPath, Locale locale) {
        MistakesByBox placed = new MistakesByBox();
        found.forEach(error -> placed.add(error, boxOfPath, locale));
        return new SchemeForm(basics, partners.stream().map(p -> p.withErrors(placed.ofRow("partners", p.index()))).toList(),
                fundings.stream().map(f -> f.withErrors(placed.ofRow("fundings", f.index()))).toList(),
                coordinators.stream().map(c -> c.withErrors(placed.ofRow("coordinators", c.index()))).toList(),
                amendments.stream().map(a -> a.withErrors(placed.ofRow("amendments", a.index()))).toList(),
                approach.stream().map(a -> a.withErrors(placed.ofCriterion(a.criterion()))).toList(), places,
                placed.top, placed.summary);
    }

    /**
     * Mistakes sorted by the box they belong to: outside the lists (by box), in a list's row (by list, row and box), in
     * the approach (by criterion); and the summary above the form, in the order they came.
     */
    private static final class MistakesByBox {
        private static final Pattern IN_ROW = Pattern
                .compile("(partners|fundings|coordinators|amendments)\\[(\\d+)](?:\\.(.*))?");
        private static final Pattern IN_APPROACH = Pattern.compile("approach\\.([A-Z_]+)(?:\\.(.*))?");

        final Map<String, String> top = new LinkedHashMap<>();
        final Map<String, Map<Integer, Map<String, String>>> rows = new HashMap<>();
        final Map<String, Map<String, String>> criteria = new HashMap<>();
        final List<Problem> summary = new ArrayList<>();

        void add(FieldError error, Map<String, String> boxOfPath, Locale locale) {
            String path = boxPath(error.field() == null ? "" : error.field(), boxOfPath);
            String message = FormMistakes.say(error.message(), locale);
            Matcher row = IN_ROW.matcher(path);
            Matcher criterion = IN_APPROACH.matcher(path);
            if (row.matches()) {
                inRow(row.group(1), Integer.parseInt(row.group(2)), row.group(3), message);
            } else if (criterion.matches()) {
                criteria.computeIfAbsent(criterion.group(1), c -> new LinkedHashMap<>()).merge("score", message,
                        MistakesByBox::joined);
                summary.add(new Problem(anchor("approach." + criterion.group(1) + ".score"), "approach", 0, message));
            } else {
                String box = topBox(path);
                top.merge(box, message, MistakesByBox::joined);
                summary.add(new Problem(box.isEmpty() ? "" : anchor(box), box, 0, message));
            }
        }

        private void inRow(String list, int index, String rest, String message) {
            String box = rowBox(list, rest == null ? "" : INDEX.matcher(rest).replaceAll(""));
            rows.computeIfAbsent(list, l -> new HashMap<>()).computeIfAbsent(index, i -> new LinkedHashMap<>())
                    .merge(box, message, MistakesByBox::joined);
            summary.add(new Problem(anchor(list + "[" + index + "]." + box), list, index + 1, message));
        }

        Map<String, String> ofRow(String list, int index) {
            return rows.getOrDefault(list, Map.of()).getOrDefault(index, Map.of());
        }

        Map<String, String> ofCriterion(String criterion) {
            return criteria.getOrDefault(criterion, Map.of());
        }

        private static String joined(String one, String other) {
            return one + " ; " + other;
        }
    }

    /**
     * The id of a box in the page, from its name: {@code partners[0].organisation.name} is
     * {@code partners-0-organisation-name}.
     */
    public static String anchor(String name) {
        return name.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    /** A document path read as the form's: a list's entry numbered as its row on the page. */
    private static String boxPath(String path, Map<String, String> boxOfPath) {
        Matcher m = Pattern.compile("^((?:partners|fundings|coordinators|amendments|approach)\\[\\d+])(.*)$").matcher(path);
        if (m.matches() && boxOfPath.containsKey(m.group(1))) {
            return boxOfPath.get(m.group(1)) + m.group(2);
        }
        return path;
    }

    /** The box of a row a mistake belongs to: the one the path names, else the row's first. */
    private static String rowBox(String list, String sub) {
        List<String> boxes = switch (list) {
            case "partners" ->
                List.of("organisation.name", "organisation.type", "roles", "organisation.siret", "organisation.website",
                        "organisation.email", "organisation.phone", "organisation.address");
            case "fundings" -> List.of("organisation", "year", "amountEuros", "purpose");
            case "coordinators" -> List.of("firstName", "lastName", "title", "email", "phone", "employer", "publicContact");
            default -> List.of("date", "title", "summary");
        };
        if (sub.equals("organisation.finess") || sub.equals("organisation.cogCode")) {
            return "organisation.name";
        }
        return boxes.contains(sub) ? sub : sub.equals("publicContactSince") ? "publicContact" : boxes.get(0);
    }

    /** The box of a mistake outside the lists: the perimeter's mistakes go to its box, a list's elements to the list. */
    private static String topBox(String path) {
        if (path.startsWith("perimeter")) {
            return "places";
        }
        if (path.startsWith("coCarryingHospital")) {
            return path.endsWith("finess") ? "coCarryingHospital.finess" : "coCarryingHospital.name";
        }
        String box = INDEX.matcher(path).replaceAll("");
        return box.equals("approach") ? "projectStep" : box.equals("amendments") ? "amendments" : box;
    }

    private static String one(MultivaluedMap<String, String> params, String key) {
        String value = params.getFirst(key);
        return value == null || value.isBlank() ? null : value;
    }

    private static String first(Map<String, List<String>> row, String key) {
        List<String> values = row.get(key);
        return values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank() ? null : values.get(0);
    }

    private static boolean ticked(Map<String, List<String>> row, String key) {
        return row.containsKey(key) && row.get(key).stream().anyMatch(v -> v != null && !v.isBlank() && !v.equals("false"));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
