package fr.dynamiques.sante.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.dynamiques.sante.overlap.CoverageDays;
import fr.dynamiques.sante.text.Stripped;

/**
 * The day a coverage page shows its figures for ({@code ?at=2020-01-01}): none for today's, or what was typed when it
 * is not a day the directory can show (then the page shows today's and says why beside the date box).
 */
public record AsOf(LocalDate day, String invalid) {

    static AsOf read(String at) {
        String given = Stripped.orNull(at);
        if (given == null) {
            return new AsOf(null, null);
        }
        return CoverageDays.read(given).map(day -> new AsOf(day, null)).orElseGet(() -> new AsOf(null, given));
    }

    /** The query of a link to a page of the same kind on the same day: "?kind=CPTS&amp;at=2020-01-01", "?at=...", or "". */
    public String query(String kind) {
        List<String> parameters = new ArrayList<>();
        if (kind != null) {
            parameters.add("kind=" + kind);
        }
        if (day != null) {
            parameters.add("at=" + day);
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    /** The query of the same page today. */
    public String today(String kind) {
        return new AsOf(null, null).query(kind);
    }

    /** The first day the date box takes. */
    public LocalDate first() {
        return CoverageDays.first();
    }

    /** The last day the date box takes. */
    public LocalDate last() {
        return CoverageDays.last();
    }
}
