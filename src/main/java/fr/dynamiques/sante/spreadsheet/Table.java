package fr.dynamiques.sante.spreadsheet;

import java.time.LocalDate;
import java.util.List;

/**
 * One sheet of a person's file as cells: what {@link TableReader} makes of an .xlsx, an .ods or a .csv alike. The
 * header is the first row with two filled cells (a title above it is left out); each row keeps the number the
 * spreadsheet shows, so that what is said of a row points at the right one.
 */
public record Table(String format, String sheet, List<String> sheets, Row header, List<Row> body) {

    public record Row(int number, List<Cell> cells) {

        public Cell cell(int index) {
            return index < cells.size() ? cells.get(index) : Cell.EMPTY;
        }

        public boolean isBlank() {
            return cells.stream().allMatch(Cell::isBlank);
        }
    }

    /**
     * A cell as the file holds it. date: set when the file typed it as a date (a spreadsheet date), text then being
     * its ISO form. formula: the formula the cell holds, never evaluated; text is the value the file last saved for it.
     */
    public record Cell(String text, LocalDate date, String formula) {

        public static final Cell EMPTY = new Cell("", null, null);

        public static Cell of(String text) {
            return text == null || text.isBlank() ? EMPTY : new Cell(text.strip(), null, null);
        }

        public boolean isBlank() {
            return text.isBlank();
        }
    }
}
