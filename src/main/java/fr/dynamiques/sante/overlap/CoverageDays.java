package fr.dynamiques.sante.overlap;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;

/**
 * The days coverage is told for: {@code at=} and the history's 1 January, from 1 January 1990 (before, the registry
 * has nothing to say) to ten years ahead (schemes are signed for five or six years), Paris time.
 */
public final class CoverageDays {

    public static final int FIRST_YEAR = 1990;
    /** The counting rule of at=, as the OpenAPI document states it. */
    static final String RULE = "With at=YYYY-MM-DD, the figures as they stood that day: a scheme counts when it is not a DRAFT, its start date "
            + "is on or before that day and its end date is unknown or on or after it, whatever its status today (an ENDED contract counts "
            + "on the days its dates say it was at work); a later generation whose start is unknown starts the day after its previous "
            + "generation's end, when that is known. A scheme whose start is still unknown is left out of the figures and counted in "
            + "unknownStart. With at=, status= is refused (400): the lifecycle is read from the dates. The day runs from 1990-01-01 to "
            + "ten years from today.";
    /** Where the history starts unless asked otherwise: the first CPTS came in 2016-2017. */
    public static final int HISTORY_FROM = 2015;
    private static final int YEARS_AHEAD = 10;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private CoverageDays() {
    }

    public static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    public static LocalDate first() {
        return LocalDate.of(FIRST_YEAR, 1, 1);
    }

    public static LocalDate last() {
        return today().plusYears(YEARS_AHEAD);
    }

    /** The day written as YYYY-MM-DD, when it is a real one (no 30 February) from {@link #first()} to {@link #last()}. */
    public static Optional<LocalDate> read(String text) {
        try {
            LocalDate day = LocalDate.parse(text.strip()); // ISO_LOCAL_DATE resolves strictly
            return day.isBefore(first()) || day.isAfter(last()) ? Optional.empty() : Optional.of(day);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The day of {@code at=}, null when none is given. Its figures read each scheme's lifecycle from its dates, so
     * choosing statuses with it is a mistake, as is a day that is not one or out of range.
     */
    public static LocalDate asked(String at, List<String> status) {
        if (at == null) {
            return null;
        }
        LocalDate day = read(at).orElseThrow(() -> ProblemException.badRequest("Invalid date.",
                new FieldError("at", "a date as YYYY-MM-DD, from " + first() + " to " + last())));
        if (!status.isEmpty()) {
            throw ProblemException.badRequest("status cannot be chosen with at=.", new FieldError("status",
                    "with at=, a scheme's lifecycle is read from its dates (not a draft, started on or before the day, not ended before it): leave status out"));
        }
        return day;
    }

    /** The 1 January of each year from {@code from} (default 2015) to {@code to} (default this year). */
    static List<LocalDate> januaries(String from, String to) {
        int first = year("from", from, HISTORY_FROM);
        int last = year("to", to, today().getYear());
        if (first > last) {
            throw ProblemException.badRequest("Invalid years.", new FieldError("from", "not after to (" + last + ")"));
        }
        return januaries(first, last);
    }

    /** The 1 January of each year from 2015 to this year: the history the pages draw. */
    public static List<LocalDate> januaries() {
        return januaries(HISTORY_FROM, today().getYear());
    }

    private static List<LocalDate> januaries(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(year -> LocalDate.of(year, 1, 1)).toList();
    }

    private static int year(String field, String text, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        int year = text.strip().matches("\\d{4}") ? Integer.parseInt(text.strip()) : -1;
        if (year < FIRST_YEAR || year > last().getYear()) {
            throw ProblemException.badRequest("Invalid year.",
                    new FieldError(field, "a year from " + FIRST_YEAR + " to " + last().getYear()));
        }
        return year;
    }
}
