package fr.dynamiques.sante.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import fr.dynamiques.sante.problem.ProblemException;

/**
 * A list a person filtered on a page, as a file to take away: CSV as French spreadsheets open it (semicolons, UTF-8
 * with a byte order mark, decimal commas, dates as dd/mm/yyyy, a header row in the visitor's language) or an Excel
 * workbook (.xlsx, written by fastexcel) whose first sheet says what the file is ({@link Cover}) and whose second holds
 * the list, numbers as numbers and dates as dates. For people, not for round trips: the API's export.csv stays the
 * importable format.
 *
 * <p>
 * A cell of {@code rows} is a {@link String}, a {@link Number}, a {@link Share}, a {@link LocalDate}, a
 * {@link LocalDateTime} or null (empty): what a spreadsheet computes with is never written as text.
 *
 * @param name the file's name without its extension, saying what it holds ("zones-blanches-CPTS-departement-38")
 */
public record Download(String name, Cover cover, List<String> headers, List<List<Object>> rows) {

    public static final String CSV = "text/csv;charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String DATE_FORMAT = "dd/mm/yyyy";
    static final String SHARE_FORMAT = "0.0%";
    static final String DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** A share, 0 to 1: a number shown as a percentage ("12,5%", which French spreadsheets read back as 0.125). */
    public record Share(double ratio) {
    }

    /**
     * What the workbook's first sheet says: where the list comes from, when it was taken, the filters that made it, its
     * licence, its columns. Each line a label and a value (text, or a date and time).
     */
    public record Cover(String sheet, String dataSheet, String title, List<Line> lines) {

        public record Line(String label, Object value) {
        }
    }

    /** The file in this format ({@code csv} or {@code xlsx}), as an attachment named after the list. */
    public Response as(String format) {
        return switch (format) {
            case "csv" -> file(csv(), CSV, "csv");
            case "xlsx" -> file(xlsx(), XLSX, "xlsx");
            default -> throw ProblemException.notFound("No such format: csv or xlsx.");
        };
    }

    public byte[] csv() {
        StringBuilder text = new StringBuilder("\uFEFF");
        line(text, List.copyOf(headers));
        rows.forEach(row -> line(text, row));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Annuaire des dynamiques territoriales de santé", "1.0");
            about(workbook.newWorksheet(sheetName(cover.sheet())));
            Worksheet sheet = workbook.newWorksheet(sheetName(cover.dataSheet()));
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
                sheet.style(0, c).bold().set();
            }
            sheet.freezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r + 1, c, row.get(c));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first sheet: the title, then a label and its value a line. */
    private void about(Worksheet sheet) {
        sheet.value(0, 0, cover.title());
        sheet.style(0, 0).bold().fontSize(14).set();
        sheet.width(0, 28);
        sheet.width(1, 90);
        for (int i = 0; i < cover.lines().size(); i++) {
            Cover.Line line = cover.lines().get(i);
            sheet.value(i + 2, 0, line.label());
            sheet.style(i + 2, 0).bold().set();
            cell(sheet, i + 2, 1, line.value());
        }
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null || value instanceof String text && text.isEmpty()) {
            return;
        }
        if (value instanceof String text) {
            sheet.value(r, c, text);
        } else if (value instanceof Number number) {
            sheet.value(r, c, number);
        } else if (value instanceof Share share) {
            sheet.value(r, c, share.ratio());
            sheet.style(r, c).format(SHARE_FORMAT).set();
        } else if (value instanceof LocalDate date) {
            sheet.value(r, c, date);
            sheet.style(r, c).format(DATE_FORMAT).set();
        } else if (value instanceof LocalDateTime time) {
            sheet.value(r, c, time);
            sheet.style(r, c).format(DATE_TIME_FORMAT).set();
        } else {
            throw new IllegalArgumentException("Not a cell: " + value.getClass());
        }
    }

    /** A value as French spreadsheets read it back: decimal comma, day/month/year. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString().replace('.', ',');
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof Share share) {
            return text(BigDecimal.valueOf(share.ratio() * 100).setScale(2, RoundingMode.HALF_EVEN)) + "%";
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof LocalDateTime time) {
            return DATE_TIME.format(time);
        }
        throw new IllegalArgumentException("Not a cell: " + value.getClass());
    }

    /** A sheet's name as Excel takes it: 31 characters at most, none of []:*?/\. */
    private static String sheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    /**
     * Named for every browser: an ASCII name (accents dropped, anything else a hyphen), and the same name in UTF-8
     * (RFC 6266) for those that read it.
     */
    private Response file(byte[] bytes, String type, String extension) {
        String file = name + "." + extension;
        String ascii = Normalizer.normalize(file, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9._-]+",
                "-");
        return Response.ok(bytes, type)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    /** One row: fields separated by semicolons, quoted when they hold one, a quote or a line break; CRLF at the end. */
    private static void line(StringBuilder text, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(';');
            }
            Object value = fields.get(i);
            String field = text(value);
            // Text starting with =, +, - or @ is a formula to a spreadsheet: kept as text. Numbers (-3) are numbers.
            if (value instanceof String && !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0) {
                field = "'" + field;
            }
            if (field.contains(";") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                field = "\"" + field.replace("\"", "\"\"") + "\"";
            }
            text.append(field);
        }
        text.append("\r\n");
    }
}
