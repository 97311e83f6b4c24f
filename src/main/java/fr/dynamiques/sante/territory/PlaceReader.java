package fr.dynamiques.sante.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import fr.dynamiques.sante.text.FoldedText;

/**
 * What a person typed for a place, read as the COG's territories: a spreadsheet's territory cell, a line of the edit
 * page's perimeter. A code or a name that is exactly one territory is found; anything else gets candidates (homonyms, or
 * the nearest spellings), best first, for the person to choose from: nothing is guessed.
 */
@ApplicationScoped
public class PlaceReader {

    /** Candidates offered for a name that resolves to nothing. */
    public static final int CANDIDATES = 5;
    /** Homonyms offered at most for a name several territories bear. */
    static final int HOMONYMS = 12;

    @Schema(name = "ImportTerritoryEntry", description = "A name or code of the territory cell: resolved (code), or "
            + "candidates to choose from, best first")
    public record Reading(String given, @Schema(nullable = true) String code, @Schema(nullable = true) String level,
            @Schema(nullable = true) String name, @Schema(nullable = true) String department,
            @Schema(nullable = true) String note, List<Candidate> candidates) {

        /** The reading of a name deliberately left out of a perimeter. */
        public static Reading leftOut(String given) {
            return new Reading(given, null, null, null, null, "left out of the perimeter by choice", List.of());
        }

        /** Derived from the fields, so not one of them: a committed import's rows are written as JSON and read back. */
        @JsonIgnore
        public boolean isLeftOut() {
            return code == null && candidates.isEmpty() && note != null && note.startsWith("left out");
        }
    }

    @Schema(name = "ImportCandidate")
    public record Candidate(String code, String level, String name, @Schema(nullable = true) String department) {
    }

    private static final Pattern SEPARATORS = Pattern.compile("[;\\n\\r/]+");
    private static final Pattern AND = Pattern.compile("\\s+(?:et|&)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EPCI_WORDS = Pattern
            .compile("\\b(cc|ca|cu|cdc|ept|communaute|metropole|agglo|agglomeration|intercommunalite)\\b");
    private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}|2[AaBb]\\d{3}");
    private static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("\\d{1,3}|2[AaBb]");
    /** A name followed by its code or its département's, in brackets: "Échirolles (38151)", "Saint-Martin (38)". */
    private static final Pattern BRACKETED = Pattern
            .compile("(.+?)\\s*\\(\\s*(\\d{2,3}|2[AaBb]|\\d{5}|2[AaBb]\\d{3}|\\d{9})\\s*\\)");

    private final CogSnapshot cog;

    PlaceReader(CogSnapshot cog) {
        this.cog = cog;
    }

    /**
     * A cell's names: split on ; / and new lines, then on commas, then on " et " where the whole does not resolve.
     * {@code field}: "communes", "epcis", "departments" to look at one level only, anything else for every level.
     */
    public List<String> split(String cell, String field, String department) {
        List<String> pieces = new ArrayList<>();
        for (String part : SEPARATORS.split(cell)) {
            for (String piece : part.split(",")) {
                String name = piece.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (AND.matcher(name).find() && read(name, field, department).code() == null) {
                    for (String half : AND.split(name)) {
                        if (!half.isBlank()) {
                            pieces.add(half.strip());
                        }
                    }
                } else {
                    pieces.add(name);
                }
            }
        }
        return pieces;
    }

    /** One name or code: exactly one territory, or candidates (several homonyms, or the nearest spellings). */
    public Reading read(String given, String field, String department) {
        String text = given.strip();
        Matcher bracketed = BRACKETED.matcher(text);
        if (bracketed.matches()) {
            Reading reading = readBracketed(given, bracketed, field);
            if (reading != null) {
                return reading;
            }
        }
        if (COMMUNE_CODE.matcher(text).matches() || SIREN.matcher(text).matches()
                || DEPARTMENT_CODE.matcher(text).matches() && !field.equals("communes")) {
            return readCode(given, text);
        }
        return readName(given, text, field, department);
    }

    /**
     * A name with a code in brackets: the code's territory, or the name read in the bracketed département; null when the
     * brackets hold neither (the whole is then read as it is).
     */
    private Reading readBracketed(String given, Matcher bracketed, String field) {
        String code = bracketed.group(2).toUpperCase(Locale.ROOT);
        TerritoryLevel level = code.length() > 3 ? levelOf(code) : null;
        if (level != null) {
            return found(given, code, level, null);
        }
        if (code.length() <= 3 && cog.isDepartment(code)) {
            Reading named = read(bracketed.group(1), field, code);
            return new Reading(given, named.code(), named.level(), named.name(), named.department(), named.note(),
                    named.candidates());
        }
        return null;
    }

    /** A code: a territory's, a former commune's, else a postal code's (one commune, or candidates). */
    private Reading readCode(String given, String text) {
        String code = text.length() == 1 ? "0" + text : text.toUpperCase(Locale.ROOT);
        TerritoryLevel level = levelOf(code);
        if (level != null) {
            return found(given, code, level, null);
        }
        CogSnapshot.FormerCommune former = COMMUNE_CODE.matcher(text).matches() ? cog.former(code) : null;
        if (former != null) {
            return found(given, former.communeCode(), TerritoryLevel.COMMUNE,
                    "former commune " + Optional.ofNullable(former.name()).orElse(code)
                            + ", now part of " + cog.commune(former.communeCode()).name());
        }
        // A code is read as INSEE's first (a listing's codes are), then as a postal code: several communes share one.
        List<String> postal = COMMUNE_CODE.matcher(text).matches() ? cog.withPostalCode(code) : List.of();
        if (postal.size() == 1) {
            return found(given, postal.get(0), levelOf(postal.get(0)), "postal code " + code);
        }
        if (!postal.isEmpty()) {
            return new Reading(given, null, null, null, null, "postal code of " + postal.size() + " communes",
                    postal.stream()
                            .map(place -> found(place, place, levelOf(place), null))
                            .map(r -> new Candidate(r.code(), r.level(), r.name(), r.department())).toList());
        }
        return new Reading(given, null, null, null, null, "no territory of the COG has this code", List.of());
    }

    /** A name: the one territory bearing it, else its homonyms (those of the département first), else the nearest. */
    private Reading readName(String given, String text, String field, String department) {
        List<TerritoryLevel> levels = levels(field, text);
        List<Candidate> homonyms = new ArrayList<>();
        // The département tells communes apart; a name found only outside it is offered, never taken.
        for (Map.Entry<TerritoryLevel, TerritoryNames.Resolution> named : cog.names().resolve(levels, text, department)
                .entrySet()) {
            TerritoryLevel level = named.getKey();
            if (named.getValue() instanceof TerritoryNames.Found f) {
                return found(given, f.code(), level, f.formerName() == null ? null
                        : "former commune " + f.formerName() + ", now part of " + f.name());
            }
            if (named.getValue() instanceof TerritoryNames.Ambiguous a) {
                a.candidates()
                        .forEach(c -> homonyms.add(new Candidate(c.code(), level.apiName(), c.name(), c.departmentCode())));
            }
        }
        if (!homonyms.isEmpty()) {
            homonyms.sort(
                    (x, y) -> Boolean.compare(!Optional.ofNullable(department).equals(Optional.ofNullable(x.department())),
                            !Optional.ofNullable(department).equals(Optional.ofNullable(y.department()))));
            return new Reading(given, null, null, null, null, homonyms.size() + " territories bear this name",
                    homonyms.subList(0, Math.min(homonyms.size(), HOMONYMS)));
        }
        List<Candidate> nearest = new ArrayList<>();
        for (TerritoryLevel level : levels) {
            cog.names().nearest(level, text, department, CANDIDATES)
                    .forEach(c -> nearest.add(new Candidate(c.code(), level.apiName(), c.name(), c.departmentCode())));
        }
        return new Reading(given, null, null, null, null, nearest.isEmpty() ? "no territory of the COG bears this name"
                : "no territory bears exactly this name: the nearest are offered",
                nearest.subList(0, Math.min(nearest.size(), CANDIDATES)));
    }

    /** A code the person chose for what they typed; null when it is no code of the COG. */
    public Reading chosen(String given, String code) {
        TerritoryLevel level = levelOf(code.strip());
        return level == null ? null : found(given, code.strip(), level, "chosen");
    }

    private Reading found(String given, String code, TerritoryLevel level, String note) {
        CogSnapshot.CommuneFacts place = level == TerritoryLevel.COMMUNE || level == TerritoryLevel.ARRONDISSEMENT
                ? cog.place(code)
                : null;
        String name = switch (level) {
            case EPCI -> cog.epciName(code);
            case DEPARTMENT -> cog.departmentName(code);
            default -> place == null ? code : place.name();
        };
        return new Reading(given, code, level.apiName(), name, place == null ? null : place.departmentCode(), note, List.of());
    }

    private TerritoryLevel levelOf(String code) {
        if (cog.isCommune(code)) {
            return TerritoryLevel.COMMUNE;
        }
        if (cog.isArrondissement(code)) {
            return TerritoryLevel.ARRONDISSEMENT;
        }
        if (cog.isEpci(code)) {
            return TerritoryLevel.EPCI;
        }
        if (cog.isDepartment(code)) {
            return TerritoryLevel.DEPARTMENT;
        }
        return null;
    }

    /** The levels a name is looked for at, likeliest first: an EPCI's words put EPCI first. */
    private static List<TerritoryLevel> levels(String field, String text) {
        return switch (field) {
            case "communes" -> List.of(TerritoryLevel.COMMUNE, TerritoryLevel.ARRONDISSEMENT);
            case "epcis" -> List.of(TerritoryLevel.EPCI);
            case "departments" -> List.of(TerritoryLevel.DEPARTMENT);
            default -> EPCI_WORDS.matcher(FoldedText.of(text)).find()
                    ? List.of(TerritoryLevel.EPCI, TerritoryLevel.COMMUNE, TerritoryLevel.ARRONDISSEMENT,
                            TerritoryLevel.DEPARTMENT)
                    : List.of(TerritoryLevel.COMMUNE, TerritoryLevel.ARRONDISSEMENT, TerritoryLevel.EPCI,
                            TerritoryLevel.DEPARTMENT);
        };
    }
}
