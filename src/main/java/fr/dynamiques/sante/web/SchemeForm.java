package fr.dynamiques.sante.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.scheme.ApproachCriterion;
import fr.dynamiques.sante.scheme.KindFeature;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.territory.PlaceReader;
import fr.dynamiques.sante.text.Stripped;

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
    }

    public record AssessmentRow(String criterion, String score, String comment, Map<String, String> errors) {
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
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    // Reading the page

    /** The form as the browser sent it. */
    public static SchemeForm read(MultivaluedMap<String, String> params) {
        Basics basics = new Basics(one(params, "ref"), one(params, "name"), one(params, "kind"), one(params, "status"),
                one(params, "startDate"), one(params, "endDate"), one(params, "description"), one(params, "website"),
                one(params, "themes"), one(params, "source"), one(params, "lastVerified"), one(params, "generation"),
                one(params, "previousRef"), one(params, "cptsStage"), one(params, "aciDate"),
                one(params, "coCarryingHospital.name"),
                one(params, "coCarryingHospital.finess"), one(params, "priorityNeighbourhoods"), one(params, "projectStep"),
                one(params, "places"));
        Map<String, Map<Integer, Map<String, List<String>>>> rows = new HashMap<>();
        params.forEach((key, values) -> {
            Matcher m = ROW.matcher(key);
            if (m.matches() && Integer.parseInt(m.group(2)) < MOST_ROWS) {
                rows.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new HashMap<>())
                        .put(m.group(3), values);
            }
        });
        List<PartnerRow> partners = new ArrayList<>();
        rows.getOrDefault("partners", Map.of()).forEach((i, row) -> {
            if (!ticked(row, "remove")) {
                partners.add(new PartnerRow(partners.size(), first(row, "organisation.id"), first(row, "organisation.name"),
                        first(row, "organisation.type"), first(row, "organisation.siret"), first(row, "organisation.finess"),
                        first(row, "organisation.cogCode"),
                        row.getOrDefault("roles", List.of()).stream().filter(ROLES::contains).distinct().toList(),
                        first(row, "organisation.website"), first(row, "organisation.email"), first(row, "organisation.phone"),
                        first(row, "organisation.address"), Map.of()));
            }
        });
        List<FundingRow> fundings = new ArrayList<>();
        rows.getOrDefault("fundings", Map.of()).forEach((i, row) -> {
            if (!ticked(row, "remove")) {
                fundings.add(new FundingRow(fundings.size(), first(row, "organisation"), first(row, "year"),
                        first(row, "amountEuros"),
                        first(row, "purpose"), Map.of()));
            }
        });
        List<CoordinatorRow> coordinators = new ArrayList<>();
        rows.getOrDefault("coordinators", Map.of()).forEach((i, row) -> {
            if (!ticked(row, "remove")) {
                boolean kept = ticked(row, "kept") && first(row, "id") != null;
                coordinators.add(
                        new CoordinatorRow(coordinators.size(), first(row, "id"), kept, kept ? null : first(row, "firstName"),
                                kept ? null : first(row, "lastName"), first(row, "title"), kept ? null : first(row, "email"),
                                kept ? null : first(row, "phone"), first(row, "employer"), ticked(row, "publicContact"),
                                first(row, "publicContactSince"), Map.of()));
            }
        });
        List<AmendmentRow> amendments = new ArrayList<>();
        rows.getOrDefault("amendments", Map.of()).forEach((i, row) -> {
            if (!ticked(row, "remove")) {
                amendments.add(new AmendmentRow(amendments.size(), first(row, "date"), first(row, "title"),
                        first(row, "summary"), Map.of()));
            }
        });
        List<AssessmentRow> approach = Arrays.stream(ApproachCriterion.values()).map(c -> new AssessmentRow(c.name(),
                one(params, "approach." + c.name() + ".score"), one(params, "approach." + c.name() + ".comment"), Map.of()))
                .toList();
        return new SchemeForm(basics, partners, fundings, coordinators, amendments, approach, List.of(), Map.of(), List.of());
    }

    /** The form of a scheme as it stands (or, {@code doc} null, of a new one of this kind). */
    public static SchemeForm of(SchemeDocument doc) {
        Basics basics = new Basics(doc.ref(), doc.name(), doc.kind(), doc.status(), text(doc.startDate()), text(doc.endDate()),
                doc.description(), doc.website(), String.join(", ", doc.themesOrEmpty()), doc.source(),
                text(doc.lastVerified()),
                doc.generation() == null ? null : doc.generation().toString(), doc.previousRef(), doc.cptsStage(),
                text(doc.aciDate()),
                doc.coCarryingHospital() == null ? null : doc.coCarryingHospital().name(),
                doc.coCarryingHospital() == null ? null : doc.coCarryingHospital().finess(),
                String.join(", ", doc.priorityNeighbourhoodsOrEmpty()), doc.projectStep(), null);
        List<PartnerRow> partners = new ArrayList<>();
        for (SchemeDocument.PartnerEntry p : doc.partnersOrEmpty()) {
            SchemeDocument.OrganisationRef o = p.organisation();
            partners.add(new PartnerRow(partners.size(), text(o.id()), o.name(), o.type(), o.siret(), o.finess(), o.cogCode(),
                    p.roles(),
                    o.website(), o.email(), o.phone(), o.address(), Map.of()));
        }
        List<FundingRow> fundings = new ArrayList<>();
        for (SchemeDocument.FundingEntry f : doc.fundingsOrEmpty()) {
            fundings.add(new FundingRow(fundings.size(), f.organisation(), text(f.year()), f.amountEuros() == null ? null
                    : f.amountEuros().stripTrailingZeros().toPlainString(), f.purpose(), Map.of()));
        }
        List<CoordinatorRow> coordinators = new ArrayList<>();
        for (SchemeDocument.CoordinatorEntry c : doc.coordinatorsOrEmpty()) {
            coordinators
                    .add(new CoordinatorRow(coordinators.size(), text(c.id()), c.firstName() == null && c.lastName() == null,
                            c.firstName(), c.lastName(), c.title(), c.email(), c.phone(), c.employer(), c.publicContact(),
                            text(c.publicContactSince()), Map.of()));
        }
        List<AmendmentRow> amendments = new ArrayList<>();
        for (SchemeDocument.AmendmentEntry a : doc.amendmentsOrEmpty()) {
            amendments.add(new AmendmentRow(amendments.size(), text(a.date()), a.title(), a.summary(), Map.of()));
        }
        Map<String, SchemeDocument.AssessmentEntry> assessed = new HashMap<>();
        doc.approachOrEmpty().forEach(a -> assessed.put(a.criterion(), a));
        List<AssessmentRow> approach = Arrays.stream(ApproachCriterion.values())
                .map(c -> Optional.ofNullable(assessed.get(c.name()))
                        .map(a -> new AssessmentRow(c.name(), text(a.score()), a.comment(), Map.<String, String> of()))
                        .orElse(new AssessmentRow(c.name(), null, null, Map.of())))
                .toList();
        return new SchemeForm(basics, partners, fundings, coordinators, amendments, approach, List.of(), Map.of(), List.of());
    }

    /** An empty form for a new scheme. */
    public static SchemeForm empty(String kind) {
        return new SchemeForm(
                new Basics(null, null, kind, "ACTIVE", null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null),
                List.of(), List.of(), List.of(), List.of(),
                Arrays.stream(ApproachCriterion.values()).map(c -> new AssessmentRow(c.name(), null, null, Map.of())).toList(),
                List.of(), Map.of(), List.of());
    }

    // What the page shows

    /** The same form with a blank row at the end of each list, to fill in ({@code extra}: one more in that list). */
    public SchemeForm withBlankRows(String extra) {
        List<PartnerRow> p = new ArrayList<>(partners);
        List<FundingRow> f = new ArrayList<>(fundings);
        List<CoordinatorRow> c = new ArrayList<>(coordinators);
        List<AmendmentRow> a = new ArrayList<>(amendments);
        for (int n = 0; n < ("partners".equals(extra) ? 2 : 1); n++) {
            p.add(new PartnerRow(p.size(), null, null, null, null, null, null, List.of(), null, null, null, null, Map.of()));
        }
        for (int n = 0; n < ("fundings".equals(extra) ? 2 : 1); n++) {
            f.add(new FundingRow(f.size(), null, null, null, null, Map.of()));
        }
        for (int n = 0; n < ("coordinators".equals(extra) ? 2 : 1); n++) {
            c.add(new CoordinatorRow(c.size(), null, false, null, null, null, null, null, null, false, null, Map.of()));
        }
        for (int n = 0; n < ("amendments".equals(extra) ? 2 : 1); n++) {
            a.add(new AmendmentRow(a.size(), null, null, null, Map.of()));
        }
        return new SchemeForm(basics, p, f, c, a, approach, places, errors, problems);
    }

    /** The same form with its perimeter read, place by place: the box shows what was found as name and code. */
    public SchemeForm withPlaces(List<PlaceReader.Reading> readings) {
        List<Place> read = new ArrayList<>();
        readings.forEach(r -> read.add(new Place(read.size(), r)));
        StringBuilder text = new StringBuilder();
        read.forEach(p -> text.append(p.line()).append('\n'));
        Basics b = basics;
        Basics shown = new Basics(b.ref(), b.name(), b.kind(), b.status(), b.startDate(), b.endDate(), b.description(),
                b.website(),
                b.themes(), b.source(), b.lastVerified(), b.generation(), b.previousRef(), b.cptsStage(), b.aciDate(),
                b.hospitalName(),
                b.hospitalFiness(), b.neighbourhoods(), b.projectStep(), text.toString().strip());
        return new SchemeForm(shown, partners, fundings, coordinators, amendments, approach, List.copyOf(read), errors,
                problems);
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
     * The API's document from the form ({@code refTaken}: for a new scheme, which refs are taken); kind-specific fields the
     * kind does not have are left out (the boxes are not
     * shown for it). The perimeter is the places found; the box keeps what still waits for a choice.
     */
    public Built build(ObjectMapper json, Map<String, SchemeKind> kinds, Predicate<String> refTaken) {
        List<FieldError> mistakes = new ArrayList<>();
        Map<String, String> boxOfPath = new HashMap<>();
        ObjectNode doc = json.createObjectNode();
        Basics b = basics;
        // A new scheme without a ref gets one from its kind and name (as an import's rows do).
        boolean namedOnly = blank(b.ref()) && refTaken != null && !blank(b.kind()) && !blank(b.name());
        doc.put("ref", namedOnly ? Scheme.newRef(b.kind().strip(), null, b.name(), refTaken) : Stripped.orNull(b.ref()));
        doc.put("name", Stripped.orNull(b.name()));
        doc.put("kind", Stripped.orNull(b.kind()));
        doc.put("status", Stripped.orNull(b.status()));
        doc.put("startDate", date(b.startDate(), "startDate", mistakes));
        doc.put("endDate", date(b.endDate(), "endDate", mistakes));
        doc.put("description", Stripped.orNull(b.description()));
        doc.put("website", Stripped.orNull(b.website()));
        doc.put("source", Stripped.orNull(b.source()));
        doc.put("lastVerified", date(b.lastVerified(), "lastVerified", mistakes));
        doc.set("themes", list(json, b.themes(), ","));
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
        SchemeKind kind = b.kind() == null ? null : kinds.get(b.kind());
        if (kind != null && kind.has(KindFeature.GENERATIONS)) {
            doc.put("generation", number(b.generation(), "generation", mistakes));
            doc.put("previousRef", Stripped.orNull(b.previousRef()));
            ArrayNode list = doc.putArray("amendments");
            for (AmendmentRow a : amendments) {
                if (!a.isBlank()) {
                    String box = "amendments[" + a.index() + "]";
                    boxOfPath.put("amendments[" + list.size() + "]", box);
                    list.addObject().put("date", date(a.date(), box + ".date", mistakes))
                            .put("title", Stripped.orNull(a.title()))
                            .put("summary", Stripped.orNull(a.summary()));
                }
            }
        }
        if (kind != null && kind.has(KindFeature.CPTS_STAGES)) {
            doc.put("cptsStage", Stripped.orNull(b.cptsStage()));
            doc.put("aciDate", date(b.aciDate(), "aciDate", mistakes));
        }
        if (kind != null && kind.has(KindFeature.CO_CARRYING_HOSPITAL) && !blank(b.hospitalName())) {
            doc.putObject("coCarryingHospital").put("name", b.hospitalName().strip()).put("type", "HOSPITAL")
                    .put("finess", Stripped.orNull(b.hospitalFiness()));
        }
        if (kind != null && kind.has(KindFeature.PRIORITY_NEIGHBOURHOODS)) {
            doc.set("priorityNeighbourhoods", list(json, b.neighbourhoods(), "[,;\\s]+"));
        }
        ArrayNode partnerList = doc.putArray("partners");
        for (PartnerRow p : partners) {
            if (!p.isBlank()) {
                boxOfPath.put("partners[" + partnerList.size() + "]", "partners[" + p.index() + "]");
                ObjectNode entry = partnerList.addObject();
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
        ArrayNode fundingList = doc.putArray("fundings");
        for (FundingRow f : fundings) {
            if (!f.isBlank()) {
                String box = "fundings[" + f.index() + "]";
                boxOfPath.put("fundings[" + fundingList.size() + "]", box);
                fundingList.addObject().put("organisation", Stripped.orNull(f.organisation()))
                        .put("year", number(f.year(), box + ".year", mistakes))
                        .put("amountEuros", amount(f.amount(), box + ".amountEuros", mistakes))
                        .put("purpose", Stripped.orNull(f.purpose()));
            }
        }
        ArrayNode coordinatorList = doc.putArray("coordinators");
        for (CoordinatorRow c : coordinators) {
            if (c.isBlank()) {
                continue;
            }
            boxOfPath.put("coordinators[" + coordinatorList.size() + "]", "coordinators[" + c.index() + "]");
            ObjectNode entry = coordinatorList.addObject();
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
                    c.publicContact() ? date(c.publicContactSince(), "coordinators[" + c.index() + "].publicContact", mistakes)
                            : null);
        }
        doc.put("projectStep", Stripped.orNull(b.projectStep()));
        ArrayNode assessments = doc.putArray("approach");
        for (AssessmentRow a : approach) {
            if (!blank(a.score())) {
                boxOfPath.put("approach[" + assessments.size() + "]", "approach." + a.criterion());
                assessments.addObject().put("criterion", a.criterion())
                        .put("score", number(a.score(), "approach." + a.criterion() + ".score", mistakes))
                        .put("comment", Stripped.orNull(a.comment()));
            }
        }
        try {
            return new Built(json.treeToValue(doc, SchemeDocument.class), mistakes, boxOfPath);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            // Every value was read above into its JSON type: this is the directory's own mistake, not the person's.
            throw new IllegalStateException("The form's document does not read as a scheme", e);
        }
    }

    /**
     * The same form with these mistakes next to their boxes and in the summary. Paths are the document's
     * ({@code partners[1].organisation.email}), or the form's own for reading mistakes.
     */
    public SchemeForm withMistakes(List<FieldError> found, Map<String, String> boxOfPath, Locale locale) {
        Map<String, String> top = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> partnerErrors = new HashMap<>();
        Map<Integer, Map<String, String>> fundingErrors = new HashMap<>();
        Map<Integer, Map<String, String>> coordinatorErrors = new HashMap<>();
        Map<Integer, Map<String, String>> amendmentErrors = new HashMap<>();
        Map<String, Map<String, String>> approachErrors = new HashMap<>();
        List<Problem> summary = new ArrayList<>();
        for (FieldError error : found) {
            String path = boxPath(error.field() == null ? "" : error.field(), boxOfPath);
            String message = FormMistakes.say(error.message(), locale);
            Matcher row = Pattern.compile("(partners|fundings|coordinators|amendments)\\[(\\d+)](?:\\.(.*))?").matcher(path);
            Matcher criterion = Pattern.compile("approach\\.([A-Z_]+)(?:\\.(.*))?").matcher(path);
            if (row.matches()) {
                int index = Integer.parseInt(row.group(2));
                String sub = row.group(3) == null ? "" : INDEX.matcher(row.group(3)).replaceAll("");
                Map<Integer, Map<String, String>> target = switch (row.group(1)) {
                    case "partners" -> partnerErrors;
                    case "fundings" -> fundingErrors;
                    case "coordinators" -> coordinatorErrors;
                    default -> amendmentErrors;
                };
                String box = rowBox(row.group(1), sub);
                target.computeIfAbsent(index, i -> new LinkedHashMap<>()).merge(box, message, (x, y) -> x + " ; " + y);
                summary.add(new Problem(anchor(row.group(1) + "[" + index + "]." + box), row.group(1), index + 1, message));
            } else if (criterion.matches()) {
                approachErrors.computeIfAbsent(criterion.group(1), c -> new LinkedHashMap<>()).merge("score", message,
                        (x, y) -> x + " ; " + y);
                summary.add(new Problem(anchor("approach." + criterion.group(1) + ".score"), "approach", 0, message));
            } else {
                String box = topBox(path);
                top.merge(box, message, (x, y) -> x + " ; " + y);
                summary.add(new Problem(box.isEmpty() ? "" : anchor(box), box, 0, message));
            }
        }
        return new SchemeForm(basics,
                partners.stream()
                        .map(p -> new PartnerRow(p.index(), p.id(), p.name(), p.type(), p.siret(), p.finess(), p.cogCode(),
                                p.roles(),
                                p.website(), p.email(), p.phone(), p.address(),
                                partnerErrors.getOrDefault(p.index(), Map.of())))
                        .toList(),
                fundings.stream().map(f -> new FundingRow(f.index(), f.organisation(), f.year(), f.amount(), f.purpose(),
                        fundingErrors.getOrDefault(f.index(), Map.of()))).toList(),
                coordinators.stream()
                        .map(c -> new CoordinatorRow(c.index(), c.id(), c.kept(), c.firstName(), c.lastName(), c.title(),
                                c.email(),
                                c.phone(), c.employer(), c.publicContact(), c.publicContactSince(),
                                coordinatorErrors.getOrDefault(c.index(), Map.of())))
                        .toList(),
                amendments.stream().map(a -> new AmendmentRow(a.index(), a.date(), a.title(), a.summary(),
                        amendmentErrors.getOrDefault(a.index(), Map.of()))).toList(),
                approach.stream().map(a -> new AssessmentRow(a.criterion(), a.score(), a.comment(),
                        approachErrors.getOrDefault(a.criterion(), Map.of()))).toList(),
                places, top, summary);
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

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static ArrayNode list(ObjectMapper json, String text, String separator) {
        ArrayNode list = json.createArrayNode();
        if (text != null) {
            Arrays.stream(text.split(separator)).map(String::strip).filter(t -> !t.isEmpty()).distinct().forEach(list::add);
        }
        return list;
    }

    /** A date typed as the date box gives it (2024-03-15) or as people write it (15/03/2024). */
    private static String date(String text, String box, List<FieldError> mistakes) {
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

    private static Integer number(String text, String box, List<FieldError> mistakes) {
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
    private static BigDecimal amount(String text, String box, List<FieldError> mistakes) {
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
