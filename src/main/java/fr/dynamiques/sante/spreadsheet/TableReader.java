package fr.dynamiques.sante.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.github.miachm.sods.Range;
import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;

import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.SchemeCsv;
import fr.dynamiques.sante.text.MarkerFreeText;

/**
 * Reads a person's listing as it comes: .xlsx, .ods, or .csv separated by {@code ,} {@code ;} or tabs, in UTF-8 (with
 * or without BOM) or Windows-1252. The type is told by the bytes, not the name, and a name that says otherwise is
 * refused (a renamed file is a mistake worth saying). Formulas are never evaluated: a formula cell gives the value the
 * file saved with it. An archive that would unpack to far more than it weighs is refused before any parser sees it.
 */
public final class TableReader {

    public static final int MAX_ROWS = 10_000;
    /** Unpacked, every part of an archive together: a 20 MB listing unpacks to a few times that. */
    static final long MAX_UNPACKED = 200L * 1024 * 1024;
    static final int MAX_COLUMNS = 200;

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };
    private static final Pattern DATE_FORMAT = Pattern.compile(".*[dDyY].*|.*[mM].*");
    private static final Pattern NOT_DATE_PARTS = Pattern.compile("\\[[^]]*]|\"[^\"]*\"|\\\\.|[hHsS]");

    private TableReader() {
    }

    /** The sheet asked for (a name, or a number from 1), else the first sheet with a header and a row under it. */
    public static Table read(String fileName, byte[] bytes, String sheet) {
        String format = format(bytes);
        String extension = extension(fileName);
        if (extension != null && !extension.equals(format) && !(extension.equals("txt") && format.equals("csv"))) {
            throw ProblemException.badRequest("The file is named ." + extension + " but its content is " + described(format)
                    + ": save it again as ." + extension + " from the spreadsheet, or send it under its own type.");
        }
        List<Named> sheets = switch (format) {
            case "xlsx" -> xlsx(bytes);
            case "ods" -> ods(bytes);
            default -> List.of(new Named("CSV", csv(bytes)));
        };
        Named chosen = choose(sheets, sheet);
        List<Table.Row> rows = chosen.rows();
        int headerAt = 0;
        while (headerAt < rows.size() && rows.get(headerAt).cells().stream().filter(c -> !c.isBlank()).count() < 2) {
            headerAt++;
        }
        if (headerAt == rows.size()) {
            throw ProblemException.badRequest("The sheet '" + chosen.name() + "' has no header row (a row with at least two "
                    + "filled cells, the column names) and nothing to import.");
        }
        List<Table.Row> body = rows.subList(headerAt + 1, rows.size()).stream().filter(r -> !r.isBlank()).toList();
        if (body.size() > MAX_ROWS) {
            throw new ProblemException(413, "The sheet has " + body.size() + " rows; at most " + MAX_ROWS
                    + " are imported at once: split the file.", List.of());
        }
        return new Table(format, chosen.name(), sheets.stream().map(Named::name).toList(), rows.get(headerAt), body);
    }

    private record Named(String name, List<Table.Row> rows) {
    }

    private static Named choose(List<Named> sheets, String wanted) {
        if (wanted != null && !wanted.isBlank()) {
            String name = wanted.strip();
            for (Named sheet : sheets) {
                if (sheet.name().equalsIgnoreCase(name)) {
                    return sheet;
                }
            }
            if (name.matches("\\d{1,4}") && Integer.parseInt(name) >= 1 && Integer.parseInt(name) <= sheets.size()) {
                return sheets.get(Integer.parseInt(name) - 1);
            }
            throw ProblemException.badRequest("No sheet '" + name + "' in the file; its sheets are: "
                    + String.join(", ", sheets.stream().map(Named::name).toList()));
        }
        return sheets.stream().filter(s -> s.rows().stream().filter(r -> !r.isBlank()).count() >= 2).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("The file holds no sheet with a header and a row under it: "
                        + "nothing to import."));
    }

    static String format(byte[] bytes) {
        if (startsWith(bytes, OLE2)) {
            throw ProblemException.badRequest("This is an Excel 97-2003 file (.xls) or another old Office document: save it "
                    + "as .xlsx (Excel: Fichier > Enregistrer sous > Classeur Excel) or as .ods, and send it again.");
        }
        if (startsWith(bytes, ZIP)) {
            return archive(bytes);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw ProblemException.badRequest("The file is neither a spreadsheet (.xlsx, .ods) nor text (.csv).");
            }
        }
        return "csv";
    }

    /** Which spreadsheet an archive is, after making sure it unpacks to a reasonable size (a zip bomb does not). */
    private static String archive(byte[] bytes) {
        boolean workbook = false;
        String mimetype = null;
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[65536];
        // Entries stored with a data descriptor, as streaming writers (fastexcel, some exports) make them, read too.
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true, true)) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > 10_000) {
                    throw ProblemException.badRequest("The archive holds more than 10,000 parts: not a listing.");
                }
                if (entry.getName().equals("xl/workbook.xml")) {
                    workbook = true;
                }
                boolean keep = entry.getName().equals("mimetype");
                StringBuilder kept = new StringBuilder();
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED) {
                        throw new ProblemException(413, "The file unpacks to more than " + MAX_UNPACKED / (1024 * 1024)
                                + " MB (a compressed archive out of proportion with a listing): refused.", List.of());
                    }
                    if (keep && kept.length() < 200) {
                        kept.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
                    }
                }
                if (keep) {
                    mimetype = kept.toString().strip();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException
                    .badRequest("The file looks like an archive (.xlsx, .ods) but cannot be opened: it is damaged "
                            + "or incomplete. Save it again from the spreadsheet.");
        }
        if ("application/vnd.oasis.opendocument.spreadsheet".equals(mimetype)) {
            return "ods";
        }
        if (workbook) {
            return "xlsx";
        }
        throw ProblemException.badRequest("The file is an archive but not a spreadsheet (.xlsx or .ods)"
                + (mimetype == null ? "" : ": its content is " + mimetype) + ".");
    }

    private static List<Named> xlsx(byte[] bytes) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
                new ReadingOptions(true, false))) {
            List<Named> sheets = new ArrayList<>();
            for (org.dhatim.fastexcel.reader.Sheet sheet : workbook.getSheets().toList()) {
                List<Table.Row> rows = new ArrayList<>();
                for (org.dhatim.fastexcel.reader.Row row : sheet.read()) {
                    if (rows.size() > MAX_ROWS + 50) {
                        throw new ProblemException(413, "The sheet '" + sheet.getName() + "' has more than " + MAX_ROWS
                                + " rows; at most " + MAX_ROWS + " are imported at once: split the file.", List.of());
                    }
                    List<Table.Cell> cells = new ArrayList<>();
                    for (int i = 0; i < Math.min(row.getCellCount(), MAX_COLUMNS); i++) {
                        cells.add(xlsxCell(row.getCell(i)));
                    }
                    rows.add(new Table.Row(row.getRowNum(), cells));
                }
                sheets.add(new Named(sheet.getName(), rows));
            }
            return sheets;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest("The .xlsx file cannot be read: it is damaged or not a spreadsheet Excel "
                    + "or LibreOffice wrote. Save it again from the spreadsheet.");
        }
    }

    private static Table.Cell xlsxCell(org.dhatim.fastexcel.reader.Cell cell) {
        if (cell == null) {
            return Table.Cell.EMPTY;
        }
        String formula = cell.getFormula();
        String raw = cell.getRawValue();
        return switch (cell.getType()) {
            case EMPTY -> Table.Cell.EMPTY;
            case NUMBER -> {
                if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                    LocalDateTime date = cell.asDate();
                    yield new Table.Cell(date.toLocalDate().toString(), date.toLocalDate(), formula);
                }
                yield new Table.Cell(plain(cell.asNumber()), null, formula);
            }
            case FORMULA -> new Table.Cell(raw == null ? "" : raw.strip(), null, formula == null ? "" : formula);
            default -> new Table.Cell(raw == null ? "" : cell.getText().strip(), null, formula);
        };
    }

    /** Built-in date formats (14-22, 45-47) or a custom one with day, month or year parts outside quotes and brackets. */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        if (format == null || format.equalsIgnoreCase("general")) {
            return false;
        }
        String parts = NOT_DATE_PARTS.matcher(format).replaceAll("");
        return DATE_FORMAT.matcher(parts).matches() && !parts.contains("0") && !parts.contains("#");
    }

    private static List<Named> ods(byte[] bytes) {
        try {
            SpreadSheet book = new SpreadSheet(new ByteArrayInputStream(bytes));
            List<Named> sheets = new ArrayList<>();
            for (Sheet sheet : book.getSheets()) {
                int last = Math.min(sheet.getMaxRows(), MAX_ROWS + 100);
                int columns = Math.min(sheet.getMaxColumns(), MAX_COLUMNS);
                List<Table.Row> rows = new ArrayList<>();
                if (last > 0 && columns > 0) {
                    Range range = sheet.getRange(0, 0, last, columns);
                    Object[][] values = range.getValues();
                    String[][] formulas = range.getFormulas();
                    for (int r = 0; r < values.length; r++) {
                        List<Table.Cell> cells = new ArrayList<>();
                        for (int c = 0; c < values[r].length; c++) {
                            cells.add(odsCell(values[r][c], formulas[r][c]));
                        }
                        rows.add(new Table.Row(r + 1, cells));
                    }
                }
                sheets.add(new Named(sheet.getName(), rows));
            }
            return sheets;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("The .ods file cannot be read: it is damaged or not a spreadsheet LibreOffice "
                    + "wrote. Save it again from the spreadsheet.");
        }
    }

    private static Table.Cell odsCell(Object value, String formula) {
        String kept = formula == null || formula.isBlank() ? null : formula;
        if (value == null) {
            return kept == null ? Table.Cell.EMPTY : new Table.Cell("", null, kept);
        }
        if (value instanceof LocalDate date) {
            return new Table.Cell(date.toString(), date, kept);
        }
        if (value instanceof LocalDateTime dateTime) {
            return new Table.Cell(dateTime.toLocalDate().toString(), dateTime.toLocalDate(), kept);
        }
        if (value instanceof Double number) {
            return new Table.Cell(plain(BigDecimal.valueOf(number)), null, kept);
        }
        return new Table.Cell(value.toString().strip(), null, kept);
    }

    private static List<Table.Row> csv(byte[] bytes) {
        String text = MarkerFreeText.of(SchemeCsv.decode(bytes));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char separator = ',';
        long most = count(firstLine, ',');
        for (char candidate : new char[] { ';', '\t' }) {
            if (count(firstLine, candidate) > most) {
                most = count(firstLine, candidate);
                separator = candidate;
            }
        }
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<Table.Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> lines = mapper.readerFor(String[].class).with(schema).readValues(text)) {
            while (lines.hasNextValue()) {
                String[] values = lines.nextValue();
                if (rows.size() > MAX_ROWS + 50) {
                    throw new ProblemException(413, "The file has more than " + MAX_ROWS + " rows; at most " + MAX_ROWS
                            + " are imported at once: split the file.", List.of());
                }
                List<Table.Cell> cells = new ArrayList<>();
                for (int i = 0; i < Math.min(values.length, MAX_COLUMNS); i++) {
                    cells.add(Table.Cell.of(values[i]));
                }
                rows.add(new Table.Row(lines.getCurrentLocation().getLineNr() - 1, cells));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest("The CSV file cannot be read: " + e.getMessage());
        }
        return rows;
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String extension(String fileName) {
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return null;
        }
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return List.of("xlsx", "ods", "csv", "txt", "xls").contains(extension) ? extension : null;
    }

    private static String described(String format) {
        return switch (format) {
            case "xlsx" -> "an Excel workbook (.xlsx)";
            case "ods" -> "an OpenDocument spreadsheet (.ods)";
            default -> "text (CSV)";
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}
