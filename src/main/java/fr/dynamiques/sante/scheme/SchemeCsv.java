package fr.dynamiques.sante.scheme;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import fr.dynamiques.sante.problem.JsonMistake;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.territory.TerritoryViews;
import fr.dynamiques.sante.text.MarkerFreeText;

/**
 * Schemes as CSV (RFC 4180, UTF-8, one scheme a row), for spreadsheets and open data. Simple lists (themes,
 * codes) are joined with {@code |}; nested lists (partners, fundings, coordinators, amendments, approach)
 * are JSON in their cell, which keeps the round trip exact. Export adds read-only columns that import
 * ignores. Import also takes the semicolon-separated files of French spreadsheets, and a byte-order mark.
 */
@ApplicationScoped
public class SchemeCsv {

    public static final String MEDIA_TYPE = "text/csv";

    /** A file's rows: the documents read (null where a row could not be read) and the mistakes found. */
    public record Rows(List<SchemeDocument> documents, List<FieldError> errors) {
    }

    static final List<String> COLUMNS = List.of("ref", "name", "kind", "status", "startDate", "endDate",
            "description", "website", "themes", "communes", "arrondissements", "epcis", "departments", "generation",
            "previousRef",
            "amendments", "cptsStage", "aciDate", "coCarryingHospital", "priorityNeighbourhoods", "partners",
            "fundings", "coordinators", "projectStep", "approach", "source", "lastVerified");

    static final List<String> READ_ONLY_COLUMNS = List.of("id", "kindLabel", "population", "communeCount",
            "departmentCodes", "regionCodes", "size", "cogYear", "createdAt", "updatedAt");

    private static final String SEPARATOR = "|";
    private static final Pattern FORMULA = Pattern.compile("[=+\\-@\t\r]");

    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();

    SchemeCsv(ObjectMapper json) {
        this.json = json;
    }

    /** UTF-8; or, when the bytes are not UTF-8, Windows-1252: what French spreadsheets save as "CSV". */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    public String write(List<SchemeDocument> docs) {
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(READ_ONLY_COLUMNS);
        CsvSchema schema = CsvSchema.builder().addColumns(header, CsvSchema.ColumnType.STRING).build().withHeader();
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = csv.writerFor(Map.class).with(schema).writeValues(out)) {
            for (SchemeDocument doc : docs) {
                writer.write(row(doc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Reads a file. A scheme already in the registry keeps its stored value for every column the file leaves
     * out: a spreadsheet of names and dates does not wipe partners or coordinators.
     */
    public Rows read(String text, Function<String, Optional<SchemeDocument>> stored) {
        String body = MarkerFreeText.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        String firstLine = body.lines().findFirst().orElse("");
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        List<SchemeDocument> documents = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = csv.readerFor(new TypeReference<Map<String, String>>() {
        })
                .with(schema).readValues(body)) {
            Set<String> known = new HashSet<>(COLUMNS);
            known.addAll(READ_ONLY_COLUMNS);
            CsvSchema header = (CsvSchema) rows.getParserSchema();
            for (String column : header.getColumnNames()) {
                if (!known.contains(column)) {
                    errors.add(new FieldError(0, column, "unknown column; the columns are " + String.join(", ", COLUMNS)));
                }
            }
            List<String> absent = COLUMNS.stream().filter(c -> header.column(c) == null).toList();
            int row = 0;
            while (rows.hasNextValue()) {
                row++;
                Map<String, String> values = new HashMap<>(rows.nextValue());
                String ref = values.get("ref") == null ? null : values.get("ref").strip();
                if (!absent.isEmpty() && ref != null && !ref.isEmpty()) {
                    stored.apply(ref).map(this::row).ifPresent(kept -> absent.forEach(c -> values.put(c, kept.get(c))));
                }
                Cells cells = new Cells(values, row);
                documents.add(cells.document());
                errors.addAll(cells.errors);
            }
            if (row == 0 && errors.isEmpty()) {
                errors.add(new FieldError(0, "", "no scheme in the file: a header line, then one scheme a line"));
            }
        } catch (IOException | RuntimeException e) {
            // Jackson's CSV messages name no Java class; their first line says where the file went wrong.
            errors.add(new FieldError(documents.size() + 1, "", "unreadable CSV: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
        return new Rows(documents, errors);
    }

    private Map<String, String> row(SchemeDocument d) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ref", d.ref());
        row.put("name", d.name());
        row.put("kind", d.kind());
        row.put("status", d.status());
        row.put("startDate", text(d.startDate()));
        row.put("endDate", text(d.endDate()));
        row.put("description", d.description());
        row.put("website", d.website());
        row.put("themes", join(d.themesOrEmpty()));
        row.put("communes", join(d.perimeter().communesOrEmpty()));
        row.put("arrondissements", join(d.perimeter().arrondissementsOrEmpty()));
        row.put("epcis", join(d.perimeter().epcisOrEmpty()));
        row.put("departments", join(d.perimeter().departmentsOrEmpty()));
        row.put("generation", text(d.generation()));
        row.put("previousRef", d.previousRef());
        row.put("amendments", jsonList(d.amendmentsOrEmpty()));
        row.put("cptsStage", d.cptsStage());
        row.put("aciDate", text(d.aciDate()));
        row.put("coCarryingHospital", d.coCarryingHospital() == null ? "" : json(d.coCarryingHospital()));
        row.put("priorityNeighbourhoods", join(d.priorityNeighbourhoodsOrEmpty()));
        row.put("partners", jsonList(d.partnersOrEmpty()));
        row.put("fundings", jsonList(d.fundingsOrEmpty()));
        row.put("coordinators", jsonList(d.coordinatorsOrEmpty()));
        row.put("projectStep", d.projectStep());
        row.put("approach", jsonList(d.approachOrEmpty()));
        row.put("source", d.source());
        row.put("lastVerified", text(d.lastVerified()));
        row.put("id", text(d.id()));
        row.put("kindLabel", d.kindLabel());
        row.put("population", text(d.population()));
        row.put("communeCount", text(d.communeCount()));
        row.put("departmentCodes", codes(d.departments()));
        row.put("regionCodes", codes(d.regions()));
        row.put("size", text(d.size()));
        row.put("cogYear", text(d.cogYear()));
        row.put("createdAt", text(d.createdAt()));
        row.put("updatedAt", text(d.updatedAt()));
        row.replaceAll((column, value) -> value == null ? "" : defused(value));
        return row;
    }

    /** One row being read: each cell converted, each mistake noted against its column. */
    private final class Cells {
        private final Map<String, String> cells;
        private final int row;
        private final List<FieldError> errors = new ArrayList<>();

        Cells(Map<String, String> cells, int row) {
            this.cells = cells;
            this.row = row;
        }

        SchemeDocument document() {
            return new SchemeDocument(null, string("ref"), string("name"), string("kind"), null, string("status"),
                    date("startDate"), date("endDate"), string("description"), string("website"), list("themes"),
                    new SchemeDocument.Perimeter(list("communes"), list("epcis"), list("departments"), list("arrondissements")),
                    integer("generation"), string("previousRef"),
                    jsonCell("amendments", new TypeReference<List<SchemeDocument.AmendmentEntry>>() {
                    }),
                    string("cptsStage"), date("aciDate"),
                    jsonCell("coCarryingHospital", new TypeReference<SchemeDocument.OrganisationRef>() {
                    }),
                    list("priorityNeighbourhoods"),
                    jsonCell("partners", new TypeReference<List<SchemeDocument.PartnerEntry>>() {
                    }),
                    jsonCell("fundings", new TypeReference<List<SchemeDocument.FundingEntry>>() {
                    }),
                    jsonCell("coordinators", new TypeReference<List<SchemeDocument.CoordinatorEntry>>() {
                    }),
                    string("projectStep"),
                    jsonCell("approach", new TypeReference<List<SchemeDocument.AssessmentEntry>>() {
                    }),
                    string("source"), date("lastVerified"),
                    null, null, null, null, null, null, null, null, null, null, null);
        }

        private String string(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : restored(value.strip());
        }

        private List<String> list(String column) {
            String value = string(column);
            return value == null ? List.of()
                    : Arrays.stream(value.split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        }

        private LocalDate date(String column) {
            return convert(column, LocalDate::parse, "must be a date written YYYY-MM-DD");
        }

        private Integer integer(String column) {
            return convert(column, Integer::valueOf, "must be a whole number");
        }

        private <T> T convert(String column, Function<String, T> parser, String message) {
            String value = string(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (DateTimeParseException | NumberFormatException e) {
                errors.add(new FieldError(row, column, message));
                return null;
            }
        }

        private <T> T jsonCell(String column, TypeReference<T> type) {
            String value = string(column);
            if (value == null) {
                return null;
            }
            try {
                return json.readValue(value, type);
            } catch (JsonProcessingException e) {
                JsonMistake mistake = JsonMistake.of(e);
                String path = mistake.field().isEmpty() ? ""
                        : mistake.field().startsWith("[") ? mistake.field() : "." + mistake.field();
                errors.add(new FieldError(row, column + path, "JSON in this column: " + mistake.message()));
                return null;
            }
        }
    }

    /**
     * A spreadsheet runs a cell starting with = + - or @ as a formula: the export marks such text with a
     * leading apostrophe (the usual defence), which the import removes.
     */
    private static String defused(String value) {
        return FORMULA.matcher(value).lookingAt() ? "'" + value : value;
    }

    private static String restored(String value) {
        return value.startsWith("'") && FORMULA.matcher(value.substring(1)).lookingAt() ? value.substring(1) : value;
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String jsonList(List<?> values) {
        return values.isEmpty() ? "" : json(values);
    }

    private static String join(List<String> values) {
        return String.join(SEPARATOR, values);
    }

    private static String codes(List<TerritoryViews.Ref> refs) {
        return refs == null ? "" : refs.stream().map(TerritoryViews.Ref::code).collect(Collectors.joining(SEPARATOR));
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}
