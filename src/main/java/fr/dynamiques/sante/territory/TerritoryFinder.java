package fr.dynamiques.sante.territory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a typed text names, read the same way by every box that asks for a place: the search page's territory card,
 * the suggestions, the peers' page; spreadsheet imports and the edit page read names and codes through the same
 * {@link TerritoryNames} and postal codes ({@link PlaceReader}).
 * <p>
 * A text names a territory outright by its code (INSEE, SIREN, département, région), a postal code (several communes
 * share one, and it is not the INSEE code: 38114 is Vaujany's postal code and Clonas-sur-Varèze's INSEE code, both are
 * answers, each saying how it was named), a former commune's code or name, or its name as people write it: "St Martin
 * d'Heres", "Paris 18e", "Vaujany 38", "Cté de communes du Grésivaudan". While typing, the engine's prefix matches
 * follow. What is named outright comes from the referential in memory, the prefix matches from the territory index: no
 * database round trip.
 */
@ApplicationScoped
public class TerritoryFinder {

    /** Territories named outright at most: a postal code's communes (Paris's 75016 has two places; some have 40). */
    static final int MOST_NAMED = 40;

    private static final List<TerritoryLevel> LEVELS = List.of(TerritoryLevel.COMMUNE, TerritoryLevel.ARRONDISSEMENT,
            TerritoryLevel.EPCI, TerritoryLevel.DEPARTMENT, TerritoryLevel.REGION);
    private static final Pattern FIVE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    private static final Pattern SHORT_CODE = Pattern.compile("\\d{2,3}|2[AB]");
    private static final Pattern SIREN = Pattern.compile("\\d{9}");

    /** A territory named, before the index tells its population and context. */
    private record Named(TerritoryLevel level, String code, String matchedBy, String formerName) {
    }

    private final CogSnapshot cog;
    private final TerritorySuggestions engine;

    TerritoryFinder(CogSnapshot cog, TerritorySuggestions engine) {
        this.cog = cog;
        this.engine = engine;
    }

    /**
     * The territories the text names outright, by how it names them (postal codes before INSEE codes), most populated first
     * within each.
     */
    public List<TerritoryMatch> named(String text) {
        List<Named> named = readings(text == null ? "" : text.strip());
        if (named.isEmpty()) {
            return List.of();
        }
        List<TerritoryMatch> matches = new ArrayList<>();
        for (Named n : named) {
            if (matches.stream().noneMatch(m -> m.level().equals(n.level().apiName()) && m.code().equals(n.code()))) {
                matches.add(cog.match(n.level(), n.code(), n.matchedBy(), n.formerName()));
            }
        }
        // Within one way of naming, the commune before the EPCI that bears its name ("Lyon", then "Métropole de Lyon"),
        // and homonyms the most populated first: a postal code's main commune before its hamlets.
        List<String> ways = matches.stream().map(TerritoryMatch::matchedBy).distinct().toList();
        return matches.stream().sorted(Comparator.<TerritoryMatch> comparingInt(m -> ways.indexOf(m.matchedBy()))
                .thenComparingInt(m -> LEVELS.indexOf(TerritoryLevel.fromApiName(m.level()).orElseThrow()))
                .thenComparing(m -> m.population() == null ? 0 : -m.population())).toList();
    }

    /** As the person types: what the text names outright first, then the territories whose names or codes it begins. */
    public List<TerritoryMatch> suggest(String text, Optional<TerritoryLevel> level, int limit) {
        List<TerritoryMatch> matches = new ArrayList<>(named(text).stream()
                .filter(m -> level.isEmpty() || level.get().apiName().equals(m.level())).limit(limit).toList());
        for (TerritoryMatch begun : engine.suggest(text, level, limit)) {
            if (matches.size() < limit
                    && matches.stream().noneMatch(m -> m.level().equals(begun.level()) && m.code().equals(begun.code()))) {
                matches.add(begun);
            }
        }
        return matches;
    }

    private List<Named> readings(String text) {
        List<Named> named = new ArrayList<>();
        String code = text.toUpperCase(Locale.ROOT);
        if (FIVE.matcher(code).matches()) {
            // People typing five digits mean a postal code more often than an INSEE code: its communes come first.
            cog.withPostalCode(code).stream().limit(MOST_NAMED).forEach(place -> named.add(new Named(
                    cog.isArrondissement(place) ? TerritoryLevel.ARRONDISSEMENT : TerritoryLevel.COMMUNE, place, "postalCode",
                    null)));
            if (cog.isCommune(code)) {
                named.add(new Named(TerritoryLevel.COMMUNE, code, "code", null));
            } else if (cog.isArrondissement(code)) {
                named.add(new Named(TerritoryLevel.ARRONDISSEMENT, code, "code", null));
            } else if (cog.former(code) != null) {
                CogSnapshot.FormerCommune former = cog.former(code);
                named.add(new Named(TerritoryLevel.COMMUNE, former.communeCode(), "formerCode", former.name()));
            }
        } else if (SIREN.matcher(code).matches() && cog.isEpci(code)) {
            named.add(new Named(TerritoryLevel.EPCI, code, "code", null));
        } else if (SHORT_CODE.matcher(code).matches()) {
            if (cog.isDepartment(code)) {
                named.add(new Named(TerritoryLevel.DEPARTMENT, code, "code", null));
            }
            if (cog.isRegion(code)) {
                named.add(new Named(TerritoryLevel.REGION, code, "code", null));
            }
        } else if (text.length() >= 2) {
            cog.names().resolve(LEVELS, text, null).forEach((level, resolution) -> {
                if (resolution instanceof TerritoryNames.Found found) {
                    named.add(new Named(level, found.code(), found.formerName() == null ? "name" : "formerName",
                            found.formerName()));
                } else if (resolution instanceof TerritoryNames.Ambiguous homonyms) {
                    homonyms.candidates().stream().limit(MOST_NAMED)
                            .forEach(c -> named.add(new Named(level, c.code(), "name", null)));
                }
            });
        }
        return named;
    }
}
