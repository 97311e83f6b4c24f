package fr.dynamiques.sante.territory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The levels of the COG the directory uses, with the shape of their codes. Municipal arrondissements (Paris, Lyon,
 * Marseille) are parts of a commune: perimeters may name them, and their city's schemes cover each of them.
 */
public enum TerritoryLevel {

    COMMUNE(Commune.class, Codes.COMMUNE),
    ARRONDISSEMENT(Arrondissement.class, Codes.ARRONDISSEMENT),
    EPCI(Epci.class, Codes.EPCI),
    DEPARTMENT(Department.class, Codes.DEPARTMENT),
    REGION(Region.class, Codes.REGION);

    /** The shapes of the codes, also used by validation annotations on path parameters. */
    public static final class Codes {
        public static final String COMMUNE = "\\d{5}|2[AB]\\d{3}";
        public static final String ARRONDISSEMENT = "751\\d{2}|6938\\d|132\\d{2}";
        public static final String EPCI = "\\d{9}";
        public static final String DEPARTMENT = "\\d{2}|2[AB]|9[78]\\d";
        public static final String REGION = "\\d{2}|9[78]\\d";

        private Codes() {
        }
    }

    private final Class<? extends Territory> entity;
    private final Pattern code;

    TerritoryLevel(Class<? extends Territory> entity, String code) {
        this.entity = entity;
        this.code = Pattern.compile(code);
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Class<? extends Territory> entity() {
        return entity;
    }

    public boolean isWellFormed(String candidate) {
        return candidate != null && code.matcher(candidate).matches();
    }

    /**
     * A level as a path names it: "communes" or "commune", "arrondissements", "epcis", "departments", "regions" (case aside).
     */
    public static Optional<TerritoryLevel> fromPathSegment(String name) {
        return fromApiName(name.toLowerCase(Locale.ROOT).replaceAll("s$", ""));
    }

    public static Optional<TerritoryLevel> fromApiName(String name) {
        return Arrays.stream(values()).filter(level -> level.apiName().equals(name)).findFirst();
    }
}
