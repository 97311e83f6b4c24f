package fr.dynamiques.sante.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import fr.dynamiques.sante.scheme.OpenDataResource;
import fr.dynamiques.sante.spreadsheet.Download;
import fr.dynamiques.sante.spreadsheet.Download.Cover;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryLevel;

/**
 * The lists pages offer as files, made to travel: named after what they hold ("zones-blanches-CPTS-departement-38"),
 * and, in a workbook, a first sheet saying where they come from, when, filtered how, under which licence, and what
 * each column holds.
 */
@ApplicationScoped
public class ListDownloads {

    /** French time: the registry's readers are in France (overseas readers read "heure de Paris"). */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final CogSnapshot cog;
    private final Visitor visitor;

    ListDownloads(CogSnapshot cog, Visitor visitor) {
        this.cog = cog;
        this.visitor = visitor;
    }

    /** The filters of a list, in words for its cover and as the words of its file name. */
    public final class Filters {
        private final List<Cover.Line> lines = new ArrayList<>();
        private final List<String> nameParts = new ArrayList<>();

        /** Kinds of scheme (codes): their names on the cover, their codes in the file name. */
        public Filters kinds(List<String> codes) {
            if (!codes.isEmpty()) {
                KindNames kinds = visitor.kinds();
                lines.add(new Cover.Line(visitor.files().filter_kind(),
                        String.join(", ", codes.stream().map(kinds::of).toList())));
                nameParts.addAll(codes);
            }
            return this;
        }

        public Filters kind(String code) {
            return kinds(code == null ? List.of() : List.of(code));
        }

        /** A territory of the COG: "département Isère (38)" on the cover, "departement-38" in the name. */
        public Filters territory(TerritoryLevel level, String code) {
            return territory(visitor.files().filter_territory(), level, code);
        }

        public Filters territory(String label, TerritoryLevel level, String code) {
            if (code != null) {
                FileMessages files = visitor.files();
                String name = name(level, code);
                lines.add(new Cover.Line(label,
                        files.level(level.name()) + " " + (name == null ? code : name + " (" + code + ")")));
                nameParts.add(files.level_file(level.name()) + "-" + code);
            }
            return this;
        }

        public Filters statuses(List<String> statuses) {
            if (!statuses.isEmpty()) {
                Messages msg = visitor.messages();
                lines.add(new Cover.Line(visitor.files().filter_status(),
                        String.join(", ", statuses.stream().map(msg::status).toList())));
            }
            return this;
        }

        /** Any other filter: on the cover, and in the file name when {@code namePart} is given. */
        public Filters other(String label, String value, String namePart) {
            if (value != null && !value.isBlank()) {
                lines.add(new Cover.Line(label, value));
                if (namePart != null) {
                    nameParts.add(namePart);
                }
            }
            return this;
        }

        /** A word the file name ends with (a partial registry says so). */
        public Filters nameEnd(String part) {
            nameParts.add(part);
            return this;
        }
    }

    public Filters filters() {
        return new Filters();
    }

    /**
     * The list as a file: {@code base} and the filters name it, {@code title} heads its cover. Cells as
     * {@link Download} takes them: text, numbers, dates.
     */
    public Download of(String base, String title, Filters filters, List<String> headers, List<List<Object>> rows) {
        FileMessages files = visitor.files();
        List<Cover.Line> lines = new ArrayList<>();
        lines.add(new Cover.Line(files.source(), files.source_value(visitor.absolute("/"))));
        lines.add(new Cover.Line(files.address(), visitor.address()));
        lines.add(new Cover.Line(files.extracted(), LocalDateTime.now(PARIS).withSecond(0).withNano(0)));
        if (filters.lines.isEmpty()) {
            lines.add(new Cover.Line(files.filters(), files.no_filter()));
        } else {
            lines.add(new Cover.Line(files.filters(), ""));
            lines.addAll(filters.lines);
        }
        lines.add(new Cover.Line(files.rows(), rows.size()));
        lines.add(new Cover.Line(files.licence(),
                files.licence_value(OpenDataResource.LICENCE_NAME, OpenDataResource.LICENCE_URL)));
        lines.add(new Cover.Line(files.columns(files.data_sheet()), ""));
        for (int c = 0; c < headers.size(); c++) {
            lines.add(new Cover.Line(headers.get(c), files.column_type(type(rows, c))));
        }
        List<String> name = new ArrayList<>(List.of(base));
        name.addAll(filters.nameParts);
        return new Download(String.join("-", name), new Cover(files.about_sheet(), files.data_sheet(), title, lines), headers,
                rows);
    }

    /** What a column holds, by its first filled cell. */
    private static String type(List<List<Object>> rows, int column) {
        for (List<Object> row : rows) {
            Object value = column < row.size() ? row.get(column) : null;
            if (value instanceof Number) {
                return "number";
            }
            if (value instanceof Download.Share) {
                return "share";
            }
            if (value instanceof LocalDate) {
                return "date";
            }
            if (value != null && !"".equals(value)) {
                return "text";
            }
        }
        return "text";
    }

    private String name(TerritoryLevel level, String code) {
        return switch (level) {
            case COMMUNE, ARRONDISSEMENT -> cog.place(code) == null ? null : cog.place(code).name();
            case EPCI -> cog.epciName(code);
            case DEPARTMENT -> cog.departmentName(code);
            case REGION -> cog.regionName(code);
        };
    }
}
