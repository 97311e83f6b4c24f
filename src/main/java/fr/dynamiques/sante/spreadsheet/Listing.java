package fr.dynamiques.sante.spreadsheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.audit.AuditEntry;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.scheme.SchemeValidator;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.PlaceReader;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.territory.TerritoryNames;
import fr.dynamiques.sante.text.FoldedText;

/**
 * What a listing would do to the registry, row by row, with the person's choices applied: each row's scheme as it
 * would be written, the record it updates (found by ref, else by kind, name and département, else by kind and at least
 * 90 % of the population shared), what it changes there, the territory names it could not decide, its mistakes. Nothing
 * is guessed: a name that is not exactly one territory waits for the person's choice, with its nearest candidates.
 */
@ApplicationScoped
public class Listing {

    /** Shared population from which a row is the same scheme as a record of its kind, without ref nor name. */
    static final double SAME_POPULATION = 0.9;

    /** One row to write: its document, the record it replaces (null: a creation). */
    public record Planned(int row, SchemeDocument document, Long targetId) {
    }

    /** The preview's rows and what committing would write. */
    public record Computed(List<Preview.Column> columns, List<Preview.Row> rows, Preview.Summary summary,
            List<Planned> planned) {
    }

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.-](\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:[.,]0+)?");
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("\\d{1,3}|2[AaBb]");

    private final CogSnapshot cog;
    private final PlaceReader places;
    private final SchemeValidator validator;
    private final Audit audit;
    private final ObjectMapper json;

    Listing(CogSnapshot cog, PlaceReader places, SchemeValidator validator, Audit audit, ObjectMapper json) {
        this.cog = cog;
        this.places = places;
        this.validator = validator;
        this.audit = audit;
        this.json = json;
    }

    /** regions: those the importer answers for (a row must touch one), or null for an admin (everywhere). */
    public Computed compute(Table table, Settings settings, Set<String> regions) {
        Pass pass = new Pass(columns(table, settings), settings, regions, Registry.load(cog));
        table.body().forEach(pass::read);
        pass.checkAsWritten();
        return pass.computed();
    }

    /**
     * One pass over a listing's rows: what each row would do, the rows already seen (two rows for one scheme are a
     * mistake), the refs already taken, and the documents that would be written.
     */
    private final class Pass {
        final List<Preview.Column> columns;
        final Settings settings;
        final Set<String> regions;
        final Registry registry;
        final Map<String, SchemeKind> kinds = SchemeKind.byCode();
        final Set<String> refsTaken;
        final Map<String, Integer> firstRowOf = new HashMap<>();
        final Map<String, Map<String, Integer>> firstDepartmentsOf = new HashMap<>();
        final List<SchemeDocument> docs = new ArrayList<>();
        final List<Integer> docRows = new ArrayList<>();
        final Map<Integer, Scheme> targets = new HashMap<>();
        final Map<Integer, RowState> states = new LinkedHashMap<>();

        Pass(List<Preview.Column> columns, Settings settings, Set<String> regions, Registry registry) {
            this.columns = columns;
            this.settings = settings;
            this.regions = regions;
            this.registry = registry;
            this.refsTaken = new HashSet<>(registry.refs());
        }

        /** A row's action decided, its document kept when it would write. */
        void read(Table.Row line) {
            RowState state = new RowState(line.number());
            states.put(line.number(), state);
            Values values = new Values(line, columns);
            state.name = values.one("name");
            state.kind = kind(values.one("kind"), settings.kind(), kinds, state);
            if (settings.skipOrEmpty().contains(line.number())) {
                state.action = Preview.SKIPPED;
                return;
            }
            if (state.name == null) {
                state.errors.add(new FieldError(line.number(), "name", "no name: every row needs the scheme's name"));
            }
            String department = department(values.one("department"), state);
            Perimeter perimeter = perimeter(values, department, settings, state);
            values.formulas().forEach(header -> state.warnings.add("column '" + header + "' holds a formula: its last saved "
                    + "value is read, the formula is not computed"));
            if (!placed(state, perimeter)) {
                return;
            }
            Registry.Known match = registry.match(values.one("ref"), state.kind, state.name, department, perimeter.places(cog));
            if (match != null) {
                state.match = new Preview.Match(match.id(), match.ref(), match.name(), match.how());
            }
            Integer first = earlierRow(match, state, department);
            if (first != null) {
                state.errors.add(new FieldError(line.number(), "name", "the same scheme as row " + first
                        + ": keep one of the two rows (skip the other)"));
                state.action = Preview.ERROR;
                return;
            }
            plan(values, state, department, perimeter, match);
        }

        /**
         * Whether the row can go on: no mistake so far, no name waiting for a choice, a territory, and one within the
         * importer's régions. When not, the row's action says why.
         */
        private boolean placed(RowState state, Perimeter perimeter) {
            if (!state.errors.isEmpty() || state.kind == null || state.name == null) {
                state.action = Preview.ERROR;
                return false;
            }
            if (perimeter.waiting) {
                state.action = Preview.NEEDS_CHOICE;
                state.perimeter = perimeter.view(cog);
                return false;
            }
            if (perimeter.isEmpty()) {
                state.errors.add(new FieldError(state.row, "territory", "no territory: give the communes, EPCI or "
                        + "départements the scheme covers"));
                state.action = Preview.ERROR;
                return false;
            }
            state.perimeter = perimeter.view(cog);
            if (regions != null && cog.regionsOf(perimeter.places(cog)).stream().noneMatch(r -> regions.contains(r.code()))) {
                state.errors.add(new FieldError(state.row, "territory", "outside your régions " + regions
                        + ": leave the row out, or let the ARS of its région bring it in"));
                state.action = Preview.ERROR;
                return false;
            }
            return true;
        }

        /**
         * The earlier row for the same scheme, if any: the same record, or the same kind and name where either leaves the
         * département out. This row is remembered for the rows after it.
         */
        private Integer earlierRow(Registry.Known match, RowState state, String department) {
            Integer first = match == null ? null : firstRowOf.putIfAbsent("id:" + match.id(), state.row);
            String named = state.kind + "|" + FoldedText.of(state.name);
            for (String dpt : department == null ? firstDepartmentsOf.getOrDefault(named, Map.of()).keySet()
                    : Set.of(department, "")) {
                first = first != null ? first : firstDepartmentsOf.getOrDefault(named, Map.of()).get(dpt);
            }
            firstDepartmentsOf.computeIfAbsent(named, k -> new HashMap<>()).putIfAbsent(department == null ? "" : department,
                    state.row);
            return first;
        }

        /** The row's scheme as it would be written, compared with the record it updates; kept unless unchanged. */
        private void plan(Values values, RowState state, String department, Perimeter perimeter, Registry.Known match) {
            Scheme target = match == null ? null : Scheme.findById(match.id());
            SchemeDocument before = target == null ? null : SchemeDocument.of(target, cog, true, null);
            ObjectNode node = target == null ? json.createObjectNode() : json.valueToTree(before);
            if (target == null) {
                String ref = Scheme.newRef(state.kind, department, state.name, refsTaken::contains);
                refsTaken.add(ref);
                node.put("ref", ref);
                node.put("status", SchemeStatus.ACTIVE.name());
            }
            fill(node, values, state, perimeter, target == null);
            SchemeDocument doc;
            try {
                doc = json.treeToValue(node, SchemeDocument.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                state.errors.add(new FieldError(state.row, "", "cannot be read as a scheme: " + e.getMessage()));
                state.action = Preview.ERROR;
                return;
            }
            if (before != null) {
                state.changes = audit.compare(before, doc);
                state.action = state.changes.isEmpty() ? Preview.UNCHANGED : Preview.UPDATE;
            } else {
                state.action = Preview.CREATE;
            }
            if (!Preview.UNCHANGED.equals(state.action)) {
                if (target != null) {
                    targets.put(docs.size(), target);
                }
                docs.add(doc);
                docRows.add(state.row);
            }
        }

        /** Every document checked as the write path will check it, errors back at their spreadsheet row. */
        void checkAsWritten() {
            for (FieldError error : validator.checkAll(docs, targets)) {
                int index = error.row() == null ? 0 : error.row() - 1;
                if (index < 0 || index >= docRows.size()) {
                    continue;
                }
                RowState state = states.get(docRows.get(index));
                state.errors.add(new FieldError(state.row, error.field(), error.message()));
                state.action = Preview.ERROR;
            }
        }

        Computed computed() {
            List<Planned> planned = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                RowState state = states.get(docRows.get(i));
                if (!Preview.ERROR.equals(state.action)) {
                    Scheme target = targets.get(i);
                    planned.add(new Planned(state.row, docs.get(i), target == null ? null : target.id));
                }
            }
            List<Preview.Row> rows = new ArrayList<>();
            int create = 0, update = 0, unchanged = 0, choice = 0, error = 0, skipped = 0;
            for (RowState state : states.values()) {
                rows.add(state.view());
                switch (state.action) {
                    case Preview.CREATE -> create++;
                    case Preview.UPDATE -> update++;
                    case Preview.UNCHANGED -> unchanged++;
                    case Preview.NEEDS_CHOICE -> choice++;
                    case Preview.SKIPPED -> skipped++;
                    default -> error++;
                }
            }
            return new Computed(columns, rows,
                    new Preview.Summary(states.size(), create, update, unchanged, choice, error, skipped), planned);
        }
    }

    /** Each header's field: the person's mapping where given, else what the header says. */
    private static List<Preview.Column> columns(Table table, Settings settings) {
        List<Preview.Column> columns = new ArrayList<>();
        List<Table.Cell> header = table.header().cells();
        for (int i = 0; i < header.size(); i++) {
            String field = settings.columnsOrEmpty().containsKey(i) ? blankToNull(settings.columnsOrEmpty().get(i))
                    : Headers.field(header.get(i).text());
            columns.add(new Preview.Column(i, header.get(i).text(), field));
        }
        return columns;
    }

    /** A row's scheme as the file gives it, laid over the record it updates (a blank cell keeps what the record has). */
    private void fill(ObjectNode node, Values values, RowState state, Perimeter perimeter, boolean creating) {
        node.put("name", state.name);
        node.put("kind", state.kind);
        String status = values.one("status");
        if (status != null) {
            SchemeStatus read = status(status);
            if (read == null) {
                state.errors.add(new FieldError(state.row, "status", "'" + status + "' is not a status: en projet, en cours, "
                        + "en renouvellement or terminé"));
            } else {
                node.put("status", read.name());
            }
        }
        date(values, "startDate", state).ifPresent(d -> node.put("startDate", d.toString()));
        date(values, "endDate", state).ifPresent(d -> node.put("endDate", d.toString()));
        if (creating && values.one("status") == null && node.hasNonNull("endDate")
                && LocalDate.parse(node.get("endDate").asText()).isBefore(LocalDate.now())) {
            node.put("status", SchemeStatus.ENDED.name());
        }
        ObjectNode p = node.putObject("perimeter");
        p.set("communes", json.valueToTree(perimeter.communes));
        p.set("epcis", json.valueToTree(perimeter.epcis));
        p.set("departments", json.valueToTree(perimeter.departments));
        p.set("arrondissements", json.valueToTree(perimeter.arrondissements));
        text(values, "website").map(Listing::website).ifPresent(w -> node.put("website", w));
        text(values, "description").ifPresent(d -> node.put("description", d));
        text(values, "source").map(Listing::website).ifPresent(s -> node.put("source", s));
        List<String> themes = values.list("themes");
        if (!themes.isEmpty()) {
            node.set("themes", json.valueToTree(themes));
        }
        ArrayNode partners = node.withArray("partners");
        values.list("carrier").forEach(name -> partner(partners, name, "CARRIER"));
        values.list("funders").forEach(name -> partner(partners, name, "FUNDER"));
        values.list("partners").forEach(name -> partner(partners, name, "PARTNER"));
        coordinator(node.withArray("coordinators"), values, state);
    }

    /** The organisation among the partners (by name, case and accents aside) with this role, added if it is not there. */
    private void partner(ArrayNode partners, String name, String role) {
        for (var existing : partners) {
            if (FoldedText.of(existing.path("organisation").path("name").asText()).equals(FoldedText.of(name))) {
                ArrayNode roles = (ArrayNode) existing.withArray("roles");
                boolean has = false;
                for (var r : roles) {
                    has |= r.asText().equals(role);
                }
                if (!has) {
                    roles.add(role);
                }
                return;
            }
        }
        ObjectNode entry = partners.addObject();
        entry.putObject("organisation").put("name", name);
        entry.putArray("roles").add(role);
    }

    /**
     * The coordinator the row names, added unless the record already has them (same email, or same name). A spreadsheet
     * carries no consent: the person is recorded, never shown publicly until they consent.
     */
    private void coordinator(ArrayNode coordinators, Values values, RowState state) {
        String name = values.one("coordinatorName");
        String email = values.one("coordinatorEmail");
        String phone = values.one("coordinatorPhone");
        if (name == null && email == null) {
            if (phone != null) {
                state.warnings.add("a phone number without a coordinator's name or email is not kept");
            }
            return;
        }
        for (var existing : coordinators) {
            boolean sameEmail = email != null && email.equalsIgnoreCase(existing.path("email").asText());
            boolean sameName = name != null && FoldedText.of(name).equals(
                    FoldedText.of(existing.path("firstName").asText() + " " + existing.path("lastName").asText()));
            if (sameEmail || sameName) {
                return;
            }
        }
        String[] parts = personName(name, email);
        if (parts == null) {
            state.errors.add(new FieldError(state.row, "coordinatorName", "give the coordinator's first and last name"));
            return;
        }
        ObjectNode entry = coordinators.addObject();
        entry.put("firstName", parts[0]);
        entry.put("lastName", parts[1]);
        if (email != null) {
            entry.put("email", email);
        }
        if (phone != null) {
            entry.put("phone", phone);
        }
        entry.put("publicContact", false);
    }

    /** "Camille Exemple", "EXEMPLE Camille", "Exemple, Camille", or from "camille.exemple@..." when no name is given. */
    static String[] personName(String name, String email) {
        String text = name;
        if (text == null && email != null && email.contains("@")) {
            String local = email.substring(0, email.indexOf('@'));
            if (local.matches("[A-Za-z-]+\\.[A-Za-z-]+")) {
                String[] both = local.split("\\.");
                return new String[] { capitalised(both[0]), capitalised(both[1]) };
            }
            return null;
        }
        if (text == null) {
            return null;
        }
        text = text.replaceAll("^(?i)(mme|mr|m\\.|mlle|dr|docteur|madame|monsieur)\\s+", "").strip();
        if (text.contains(",")) {
            String[] both = text.split(",", 2);
            return both[1].isBlank() ? null : new String[] { both[1].strip(), both[0].strip() };
        }
        String[] words = text.split("\\s+");
        if (words.length < 2) {
            return null;
        }
        if (words[0].length() > 1 && words[0].equals(words[0].toUpperCase(Locale.ROOT))
                && !words[1].equals(words[1].toUpperCase(Locale.ROOT))) {
            return new String[] { String.join(" ", List.of(words).subList(1, words.length)), words[0] };
        }
        return new String[] { words[0], String.join(" ", List.of(words).subList(1, words.length)) };
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String kind(String given, String fixed, Map<String, SchemeKind> kinds, RowState state) {
        String text = given != null ? given : fixed;
        if (text == null) {
            state.errors.add(new FieldError(state.row, "kind", "no kind: map a column to the kind, or choose the kind of "
                    + "every row of the file"));
            return null;
        }
        String folded = FoldedText.of(text);
        for (SchemeKind kind : kinds.values()) {
            if (FoldedText.of(kind.code).equals(folded) || FoldedText.of(kind.labelFr).equals(folded)
                    || folded.startsWith(FoldedText.of(kind.code) + " ")) {
                return kind.code;
            }
        }
        state.errors.add(new FieldError(state.row, "kind", "'" + text + "' is not a kind of the directory: one of "
                + String.join(", ", kinds.keySet().stream().sorted().toList())));
        return null;
    }

    static SchemeStatus status(String text) {
        String folded = FoldedText.of(text);
        if (folded.matches(
                "(en )?projet|en construction|en emergence|emergence|en preparation|brouillon|draft|en cours d elaboration|elaboration")) {
            return SchemeStatus.DRAFT;
        }
        if (folded.matches("(en )?renouvellement|a renouveler|renewal")) {
            return SchemeStatus.RENEWAL;
        }
        if (folded.matches("termine|terminee|echu|echue|clos|close|fini|finie|ended|arrete|arretee|inactif|inactive")) {
            return SchemeStatus.ENDED;
        }
        if (folded.matches(
                "(en )?cours|actif|active|signe|signee|en fonctionnement|operationnel|operationnelle|valide|validee|active")) {
            return SchemeStatus.ACTIVE;
        }
        return null;
    }

    private static Optional<LocalDate> date(Values values, String field, RowState state) {
        Table.Cell cell = values.cell(field);
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        if (cell.date() != null) {
            return Optional.of(cell.date());
        }
        LocalDate read = date(cell.text(), field.equals("endDate"));
        if (read == null) {
            state.errors.add(new FieldError(state.row, field, "'" + cell.text() + "' is not a date: write it as 12/07/2023"));
        }
        return Optional.ofNullable(read);
    }

    /** 12/07/2023, 12.07.23, 2023-07-12, 07/2023, 2023, or a spreadsheet's day number (45119) saved as text. */
    static LocalDate date(String text, boolean end) {
        String t = text.strip();
        try {
            Matcher m = DAY_MONTH_YEAR.matcher(t);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(3));
                return LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t);
            }
            m = MONTH_YEAR.matcher(t);
            if (m.matches()) {
                LocalDate first = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), 1);
                return end ? first.plusMonths(1).minusDays(1) : first;
            }
            if (YEAR.matcher(t).matches()) {
                return end ? LocalDate.of(Integer.parseInt(t), 12, 31) : LocalDate.of(Integer.parseInt(t), 1, 1);
            }
            if (SERIAL.matcher(t).matches()) {
                int days = Integer.parseInt(t.replaceAll("[.,]0+$", ""));
                if (days > 20_000 && days < 80_000) {
                    return LocalDate.of(1899, 12, 30).plusDays(days);
                }
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private String department(String given, RowState state) {
        if (given == null) {
            return null;
        }
        String text = given.split("[,;/]")[0].strip();
        if (DEPARTMENT_CODE.matcher(text).matches()) {
            String code = text.length() == 1 ? "0" + text : text.toUpperCase(Locale.ROOT);
            if (cog.isDepartment(code)) {
                return code;
            }
        } else if (cog.names().resolve(TerritoryLevel.DEPARTMENT, text) instanceof TerritoryNames.Found found) {
            return found.code();
        }
        state.warnings.add("'" + given + "' is not a département: names are resolved without it");
        return null;
    }

    /** The territory cells of a row, split into names and codes, each resolved or waiting for a choice. */
    private Perimeter perimeter(Values values, String department, Settings settings, RowState state) {
        Perimeter perimeter = new Perimeter();
        Map<String, String> chosen = new HashMap<>();
        settings.choicesOrEmpty().stream().filter(c -> c.row() == state.row)
                .forEach(c -> chosen.put(c.given().strip(), c.code()));
        for (String field : List.of("territory", "communes", "epcis", "departments")) {
            for (String cell : values.all(field)) {
                for (String piece : places.split(cell, field, department)) {
                    PlaceReader.Reading entry = chosen.containsKey(piece) ? chosenEntry(piece, chosen.get(piece), state)
                            : places.read(piece, field, department);
                    state.territory.add(entry);
                    perimeter.add(entry);
                }
            }
        }
        return perimeter;
    }

    private PlaceReader.Reading chosenEntry(String given, String code, RowState state) {
        if (code == null || code.isBlank()) {
            return PlaceReader.Reading.leftOut(given);
        }
        PlaceReader.Reading reading = places.chosen(given, code);
        if (reading == null) {
            state.errors.add(new FieldError(state.row, "territory",
                    "'" + code + "', chosen for '" + given + "', is no code of the COG"));
            return new PlaceReader.Reading(given, null, null, null, null, null, List.of());
        }
        return reading;
    }

    private static String website(String text) {
        String t = text.strip();
        return t.matches("(?i)https?://.*") ? t
                : t.matches("(?i)www\\..*|[a-z0-9-]+(\\.[a-z0-9-]+)+(/.*)?") ? "https://" + t : t;
    }

    private static Optional<String> text(Values values, String field) {
        return Optional.ofNullable(values.one(field));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A row's cells by field. */
    private record Values(Table.Row line, List<Preview.Column> columns) {

        Table.Cell cell(String field) {
            for (Preview.Column column : columns) {
                if (field.equals(column.field()) && !line.cell(column.index()).isBlank()) {
                    return line.cell(column.index());
                }
            }
            return null;
        }

        String one(String field) {
            Table.Cell cell = cell(field);
            return cell == null ? null : cell.text().strip();
        }

        List<String> all(String field) {
            List<String> cells = new ArrayList<>();
            for (Preview.Column column : columns) {
                if (field.equals(column.field()) && !line.cell(column.index()).isBlank()) {
                    cells.add(line.cell(column.index()).text());
                }
            }
            return cells;
        }

        /** A cell's list: separated by ; , or new lines. */
        List<String> list(String field) {
            Set<String> items = new LinkedHashSet<>();
            for (String cell : all(field)) {
                for (String item : cell.split("[;,\\n\\r]+")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
            return List.copyOf(items);
        }

        List<String> formulas() {
            List<String> headers = new ArrayList<>();
            for (Preview.Column column : columns) {
                if (column.field() != null && line.cell(column.index()).formula() != null) {
                    headers.add(column.header());
                }
            }
            return headers;
        }
    }

    /** What is known of a row while it is read. */
    private static final class RowState {
        final int row;
        String name;
        String kind;
        String action;
        Preview.Match match;
        Preview.Perimeter perimeter;
        final List<PlaceReader.Reading> territory = new ArrayList<>();
        List<AuditEntry.FieldChange> changes = List.of();
        final List<FieldError> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        RowState(int row) {
            this.row = row;
        }

        Preview.Row view() {
            return new Preview.Row(row, name, kind, action, match, perimeter, territory, changes, errors, warnings);
        }
    }

    /** The codes a row's territory resolved to, by level; waiting while a name awaits a choice. */
    private static final class Perimeter {
        final List<String> communes = new ArrayList<>();
        final List<String> epcis = new ArrayList<>();
        final List<String> departments = new ArrayList<>();
        final List<String> arrondissements = new ArrayList<>();
        boolean waiting;

        void add(PlaceReader.Reading entry) {
            if (entry.code() == null) {
                waiting |= !entry.isLeftOut();
                return;
            }
            List<String> codes = switch (entry.level()) {
                case "epci" -> epcis;
                case "department" -> departments;
                case "arrondissement" -> arrondissements;
                default -> communes;
            };
            if (!codes.contains(entry.code())) {
                codes.add(entry.code());
            }
        }

        boolean isEmpty() {
            return communes.isEmpty() && epcis.isEmpty() && departments.isEmpty() && arrondissements.isEmpty();
        }

        Set<String> places(CogSnapshot cog) {
            return cog.resolve(communes, arrondissements, epcis, departments);
        }

        Preview.Perimeter view(CogSnapshot cog) {
            Set<String> places = places(cog);
            return new Preview.Perimeter(List.copyOf(communes), List.copyOf(epcis), List.copyOf(departments),
                    List.copyOf(arrondissements), cog.population(places), cog.communesOf(places).size());
        }
    }

    /** The registry's records as far as matching needs them: kind, folded name, départements, places. */
    private record Registry(Map<Long, Known> byId, Map<String, Known> byRefs, Map<String, List<Known>> byName,
            Map<String, Set<Long>> byPlace, CogSnapshot cog) {

        record Known(long id, String ref, String kind, String name, List<String> departments, Set<String> places, String how) {
            Known as(String how) {
                return new Known(id, ref, kind, name, departments, places, how);
            }
        }

        Collection<String> refs() {
            return byRefs.keySet();
        }

        @SuppressWarnings("unchecked")
        static Registry load(CogSnapshot cog) {
            Map<Long, Known> byId = new HashMap<>();
            Map<String, List<Known>> byName = new HashMap<>();
            Map<Long, Set<String>> places = new HashMap<>();
            List<Object[]> communes = Scheme.getEntityManager()
                    .createNativeQuery("select scheme_id, commune_code from scheme_commune").getResultList();
            for (Object[] row : communes) {
                places.computeIfAbsent(((Number) row[0]).longValue(), id -> new HashSet<>()).add((String) row[1]);
            }
            List<Object[]> schemes = Scheme.getEntityManager()
                    .createNativeQuery("select id, ref, kind, name, array_to_string(department_codes, ',') from scheme")
                    .getResultList();
            Map<String, Set<Long>> byPlace = new HashMap<>();
            for (Object[] row : schemes) {
                long id = ((Number) row[0]).longValue();
                String departments = (String) row[4];
                Known known = new Known(id, (String) row[1], (String) row[2], (String) row[3],
                        departments == null || departments.isEmpty() ? List.of() : List.of(departments.split(",")),
                        places.getOrDefault(id, Set.of()), null);
                byId.put(id, known);
                byName.computeIfAbsent(known.kind() + "|" + FoldedText.of(known.name()), k -> new ArrayList<>()).add(known);
                known.places().forEach(place -> byPlace.computeIfAbsent(place, p -> new HashSet<>()).add(id));
            }
            Map<String, Known> byRefs = new HashMap<>();
            byId.values().forEach(known -> byRefs.put(known.ref(), known));
            return new Registry(byId, byRefs, byName, byPlace, cog);
        }

        /** By ref; else by kind, name and département; else by kind and the population both share. */
        Known match(String ref, String kind, String name, String department, Set<String> rowPlaces) {
            Known byRef = ref == null ? null : byRefs.get(ref.strip());
            if (byRef != null) {
                return byRef.as("ref");
            }
            List<Known> named = byName.getOrDefault(kind + "|" + FoldedText.of(name), List.of()).stream()
                    .filter(k -> department == null || k.departments().contains(department)).toList();
            if (named.size() == 1) {
                return named.get(0).as("name");
            }
            Map<Long, Integer> sharing = new HashMap<>();
            for (String place : rowPlaces) {
                for (Long id : byPlace.getOrDefault(place, Set.of())) {
                    sharing.merge(id, 1, Integer::sum);
                }
            }
            long rowPopulation = cog.population(rowPlaces);
            Known best = null;
            for (Long id : sharing.keySet()) {
                Known known = byId.get(id);
                if (!known.kind().equals(kind)) {
                    continue;
                }
                Set<String> shared = new HashSet<>(rowPlaces);
                shared.retainAll(known.places());
                long common = cog.population(shared);
                long larger = Math.max(rowPopulation, cog.population(known.places()));
                if (larger > 0 && common >= SAME_POPULATION * larger) {
                    if (best != null) {
                        return null; // two records fit as well: not for the directory to pick
                    }
                    best = known.as("perimeter");
                }
            }
            return best;
        }
    }
}
