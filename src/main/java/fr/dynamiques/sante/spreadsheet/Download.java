package fr.dynamiques.sante.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import fr.dynamiques.sante.problem.ProblemException;

/**
 * A list a person filtered on a page, as a file to take away: CSV as French spreadsheets open it (semicolons, UTF-8
 * with a byte order mark, a header row in the visitor's language) or an Excel workbook (.xlsx, written by fastexcel).
 * For people, not for round trips: the API's export.csv stays the importable format.
 */
public record Download(String name, List<String> headers, List<List<String>> rows) {

    public static final String CSV = "text/csv;charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
        line(text, headers);
        rows.forEach(row -> line(text, row));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Annuaire des dynamiques territoriales de santé", "1.0");
            Worksheet sheet = workbook.newWorksheet(name.length() > 31 ? name.substring(0, 31) : name);
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String value = row.get(c);
                    if (value != null && !value.isEmpty()) {
                        sheet.value(r + 1, c, value);
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Response file(byte[] bytes, String type, String extension) {
        return Response.ok(bytes, type).header("Content-Disposition", "attachment; filename=\"" + name + "." + extension + "\"").build();
    }

    /** One row: fields separated by semicolons, quoted when they hold one, a quote or a line break; CRLF at the end. */
    private static void line(StringBuilder text, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(';');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            // A cell starting with =, +, - or @ is a formula to a spreadsheet: kept as text.
            if (!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0) {
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
