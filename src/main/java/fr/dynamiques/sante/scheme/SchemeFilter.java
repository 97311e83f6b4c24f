package fr.dynamiques.sante.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.Density;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.text.Stripped;

/**
 * The filters of {@code GET /schemes}, checked: unknown kinds, statuses or codes are the client's mistake
 * (400), never an empty answer that looks like "no scheme there". Kind, status and département take several values,
 * repeated or comma-separated (any of them); the filters combine with AND.
 */
public record SchemeFilter(List<String> kinds, List<String> statuses, String region, List<String> departments,
        String commune, String epci, String theme, String funder, String ref, Density density) {

    public static final int MAX_SIZE = 200;
    /** No filter: every scheme. */
    public static final SchemeFilter NONE = new SchemeFilter(List.of(), List.of(), null, List.of(), null, null, null, null,
            null, null);

    /** Filters named one by one; those not named filter nothing. */
    public static Builder where() {
        return new Builder();
    }

    /** The filters as a request gives them, raw: {@link #check} turns them into a filter or a 400. */
    public static final class Builder {
        private List<String> kind = List.of();
        private List<String> status = List.of();
        private String region;
        private List<String> department = List.of();
        private String commune;
        private String epci;
        private String theme;
        private String funder;
        private String ref;
        private String density;

        private Builder() {
        }

        public Builder kind(List<String> values) {
            kind = values == null ? List.of() : values;
            return this;
        }

        public Builder status(List<String> values) {
            status = values == null ? List.of() : values;
            return this;
        }

        public Builder region(String code) {
            region = code;
            return this;
        }

        public Builder department(String code) {
            department = code == null ? List.of() : List.of(code);
            return this;
        }

        /** Several départements, repeated or comma-separated: the schemes working in any of them. */
        public Builder departments(List<String> codes) {
            department = codes == null ? List.of() : codes;
            return this;
        }

        public Builder commune(String code) {
            commune = code;
            return this;
        }

        public Builder epci(String siren) {
            epci = siren;
            return this;
        }

        public Builder theme(String label) {
            theme = label;
            return this;
        }

        public Builder funder(String nameOrId) {
            funder = nameOrId;
            return this;
        }

        /** rural, intermediate or urban ({@link Density#apiName}). */
        public Builder density(String name) {
            density = name;
            return this;
        }

        public Builder ref(String value) {
            ref = value;
            return this;
        }

        /** The filter, every value checked against the registry's kinds and the COG: a 400 naming each unknown one. */
        public SchemeFilter check(Map<String, SchemeKind> kinds, CogSnapshot cog) {
            List<FieldError> errors = new ArrayList<>();
            List<String> kindCodes = split(kind);
            kindCodes.stream().filter(k -> !kinds.containsKey(k)).findFirst().ifPresent(k -> errors.add(new FieldError("kind",
                    "unknown kind '" + k + "'; one of " + kinds.keySet().stream().sorted().collect(Collectors.joining(", ")))));
            List<String> statusCodes = split(status);
            statusCodes.stream().filter(s -> Arrays.stream(SchemeStatus.values()).noneMatch(v -> v.name().equals(s)))
                    .findFirst().ifPresent(s -> errors.add(new FieldError("status",
                            "unknown status '" + s + "'; one of DRAFT, ACTIVE, RENEWAL, ENDED")));
            checkCode(errors, "region", region, TerritoryLevel.REGION, cog);
            List<String> departmentCodes = split(department);
            departmentCodes.forEach(code -> checkCode(errors, "department", code, TerritoryLevel.DEPARTMENT, cog));
            if (commune != null && !commune.isBlank() && !cog.isArrondissement(commune)) {
                checkCode(errors, "commune", commune, TerritoryLevel.COMMUNE, cog);
            }
            checkCode(errors, "epci", epci, TerritoryLevel.EPCI, cog);
            Density densityClass = density == null || density.isBlank() ? null
                    : Density.fromApiName(density.strip()).orElse(null);
            if (density != null && !density.isBlank() && densityClass == null) {
                errors.add(new FieldError("density", "unknown density class; one of rural, intermediate, urban"));
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(400, "Invalid filter.", errors);
            }
            return new SchemeFilter(kindCodes, statusCodes, Stripped.orNull(region), departmentCodes,
                    Stripped.orNull(commune), Stripped.orNull(epci), Stripped.orNull(theme), Stripped.orNull(funder),
                    Stripped.orNull(ref), densityClass);
        }
    }

    /**
     * The paging as the pages receive it, as text (blank: the first page of {@value Paging#DEFAULT_SIZE}), or a 400 naming
     * the parameter; the API takes it typed and checked at the door.
     */
    public static Paging paging(String page, String size) {
        int p = page == null || page.isBlank() ? 0 : parse(page, -1);
        int s = size == null || size.isBlank() ? Paging.DEFAULT_SIZE : parse(size, -1);
        List<FieldError> errors = new ArrayList<>();
        if (p < 0 || p > Paging.MAX_PAGE) {
            errors.add(new FieldError("page", Paging.PAGE_RANGE));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", Paging.SIZE_RANGE));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid paging.", errors);
        }
        return new Paging(p, s);
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
}
