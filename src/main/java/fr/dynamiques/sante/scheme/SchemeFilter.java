package fr.dynamiques.sante.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryLevel;

/**
 * The filters of {@code GET /schemes}, checked: unknown kinds, statuses or codes are the client's mistake
 * (400), never an empty answer that looks like "no scheme there". Kind and status take several values,
 * repeated or comma-separated; the other filters combine with AND.
 */
public record SchemeFilter(List<String> kinds, List<String> statuses, String region, String department,
                           String commune, String epci, String theme, String funder, String ref) {

    public static final int MAX_SIZE = 200;

    public static SchemeFilter of(List<String> kind, List<String> status, String region, String department,
                                  String commune, String epci, String theme, String funder, String ref,
                                  Map<String, SchemeKind> kinds, CogSnapshot cog) {
        List<FieldError> errors = new ArrayList<>();
        List<String> kindCodes = split(kind);
        kindCodes.stream().filter(k -> !kinds.containsKey(k)).findFirst().ifPresent(k -> errors.add(new FieldError("kind",
                "unknown kind '" + k + "'; one of " + kinds.keySet().stream().sorted().collect(Collectors.joining(", ")))));
        List<String> statusCodes = split(status);
        statusCodes.stream().filter(s -> Arrays.stream(SchemeStatus.values()).noneMatch(v -> v.name().equals(s)))
                .findFirst().ifPresent(s -> errors.add(new FieldError("status",
                        "unknown status '" + s + "'; one of DRAFT, ACTIVE, RENEWAL, ENDED")));
        checkCode(errors, "region", region, TerritoryLevel.REGION, cog);
        checkCode(errors, "department", department, TerritoryLevel.DEPARTMENT, cog);
        checkCode(errors, "commune", commune, TerritoryLevel.COMMUNE, cog);
        checkCode(errors, "epci", epci, TerritoryLevel.EPCI, cog);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid filter.", errors);
        }
        return new SchemeFilter(kindCodes, statusCodes, blankToNull(region), blankToNull(department),
                blankToNull(commune), blankToNull(epci), blankToNull(theme), blankToNull(funder), blankToNull(ref));
    }

    /** A page number from 0 and a size from 1 to {@link #MAX_SIZE}, or a 400 naming the parameter. */
    public static int[] paging(String page, String size) {
        int p = page == null || page.isBlank() ? 0 : parse(page, -1);
        int s = size == null || size.isBlank() ? 20 : parse(size, -1);
        List<FieldError> errors = new ArrayList<>();
        if (p < 0 || p > 1_000_000) {
            errors.add(new FieldError("page", "a whole number from 0"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "a whole number from 1 to " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid paging.", errors);
        }
        return new int[] {p, s};
    }

    private static void checkCode(List<FieldError> errors, String field, String code, TerritoryLevel level, CogSnapshot cog) {
        if (code != null && !code.isBlank() && !cog.exists(level, code)) {
            errors.add(new FieldError(field, "'" + (code.length() > 20 ? code.substring(0, 20) + "…" : code)
                    + "' is not a " + level.apiName() + " code of the COG"));
        }
    }

    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static int parse(String number, int otherwise) {
        return number.strip().matches("\\d{1,9}") ? Integer.parseInt(number.strip()) : otherwise;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
