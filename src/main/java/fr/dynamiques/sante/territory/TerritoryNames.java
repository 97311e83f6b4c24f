package fr.dynamiques.sante.territory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dynamiques.sante.text.FoldedText;

/**
 * The territories of the COG by the names people write, for spreadsheets that name territories instead of giving
 * their codes: "CC Le Grésivaudan", "Saint-Martin-d'Hères (38)", "Paris 18e", "St Étienne", "Arzay".
 * <p>
 * A name is not an identifier: several communes share one, a commune nouvelle still answers to the names of the
 * communes it absorbed, and writers abbreviate, drop accents, articles or the EPCI's legal form. So a name resolves,
 * within one level, to exactly one territory, or to the candidates a person must choose from, or to nothing; never
 * to a guess. Built once over the whole COG, each resolution is a few hash lookups.
 */
public final class TerritoryNames {

    /**
     * One name a territory answers to. former: the name is a former commune's (commune déléguée/associée), then formerCode is
     * that former commune's code.
     */
    public record Named(TerritoryLevel level, String code, String name, String departmentCode, boolean former,
            String formerCode) {
        public Named {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A candidate shown to the person fixing an ambiguity. */
    public record Candidate(String code, String name, String departmentCode) {
    }

    public sealed interface Resolution permits Found, Ambiguous, Unknown {
    }

    /** formerName: non-null when the given text matched a former commune's name (say so to the user). */
    public record Found(String code, String name, String formerName) implements Resolution {
    }

    public record Ambiguous(List<Candidate> candidates) implements Resolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    public record Unknown() implements Resolution {
    }

    /**
     * How loosely a key spells a name, strictest first. A name matched by a stricter spelling is not confused with
     * one matched only by a looser one: "Pin" is the commune Pin, not also every "Le Pin".
     */
    private enum Spelling {
        /** Folded (case, accents, punctuation), with saints, EPCI legal forms and arrondissement ranks in one form. */
        AS_WRITTEN,
        /** Also without articles: "Saint-Martin-d'Hères" as "saint martin heres". */
        WITHOUT_ARTICLES,
        /** Also without the EPCI's legal form: "CC Le Grésivaudan" as "gresivaudan". EPCIs only. */
        WITHOUT_LEGAL_FORM
    }

    private record Lookup(TerritoryLevel level, Spelling spelling, String key) {
    }

    /** A name with the département written after it: "(38)", "(Isère)", ", 38" or " 38". */
    private record Hinted(String name, String departmentCode) {
    }

    /** A rewrite of a written legal form into the form the COG uses ("communaute de communes" as "cc"). */
    private record LegalForm(Pattern written, String form) {
    }

    /** Whole words only, so "sur", "saint" and the like stay: they tell communes apart. */
    private static final Set<String> ARTICLES = Set.of("le", "la", "les", "l", "du", "de", "des", "d", "en");

    private static final Map<String, String> SAINTS = Map.of("st", "saint", "ste", "sainte", "sts", "saints", "stes",
            "saintes");

    /** Applied to folded text, where "Communauté d'agglomération" reads "communaute d agglomeration" and "C.C." "c c". */
    private static final List<LegalForm> LEGAL_FORMS = List.of(
            // As administrations write them, slips included: "Communauté de commune", "Cté de communes", "Agglo du ...".
            new LegalForm(Pattern.compile("\\b(?:communaute|cte|comm) (?:de |d |des )?communes?\\b"), "cc"),
            new LegalForm(Pattern.compile("\\b(?:(?:communaute|cte) (?:d )?)?agglo(?:meration)?\\b"), "ca"),
            new LegalForm(Pattern.compile("\\bcommunaute urbaine\\b"), "cu"),
            new LegalForm(Pattern.compile("\\betablissement public territorial\\b"), "ept"),
            new LegalForm(Pattern.compile("\\b(?:cdc|c d c|c c)\\b"), "cc"),
            new LegalForm(Pattern.compile("\\bc a\\b"), "ca"),
            new LegalForm(Pattern.compile("\\bc u\\b"), "cu"));

    private static final Set<String> LEGAL_FORM_WORDS = Set.of("cc", "ca", "cu", "ept", "metropole");

    /** "Paris 18e Arrondissement" and "18e arr. de Paris" name the same arrondissement: the word adds nothing. */
    private static final Set<String> ARRONDISSEMENT_WORDS = Set.of("arrondissement", "arrondissements", "arr", "arrt", "ardt",
            "arrdt");

    /**
     * A rank as written after folding: 1er, 1re, 1ere, 18e, 18eme, 2nd, or in roman numerals up to what cities need (XVIIIe,
     * Ier).
     */
    private static final Pattern RANK = Pattern.compile("(\\d{1,3}|[ivx]+)(?:e|er|re|ere|eme|em|ieme|nd|nde)?");

    private static final Pattern ROMAN_DIGITS = Pattern.compile("[ivx]+");

    private static final Pattern IN_PARENTHESES = Pattern.compile("(.*\\S)\\s*\\(([^()]*)\\)");

    private static final Pattern AFTER_COMMA = Pattern.compile("(.*\\S)\\s*,([^,]*)");

    /** A département code after a space or a dash, as in a list typed in a hurry: "Vaujany 38", "Arzay - 38". */
    private static final Pattern AFTER_SPACE = Pattern.compile("(.*\\S)\\s+(?:[-\u2010-\u2015]\\s*)?(\\d{1,3}|2[AaBb])");

    private final Map<Lookup, List<Named>> byKey;
    private final Map<TerritoryLevel, Map<String, String>> currentNames;
    /** Département codes by folded code ("2a") and by name without articles ("reunion"). */
    private final Map<String, String> departmentsByHint;

    private TerritoryNames(Map<Lookup, List<Named>> byKey, Map<TerritoryLevel, Map<String, String>> currentNames,
            Map<String, String> departmentsByHint) {
        this.byKey = byKey;
        this.currentNames = currentNames;
        this.departmentsByHint = departmentsByHint;
    }

    /**
     * The index of these names, all levels together. The départements among them also read the département a name
     * may be followed by: without them, "Saint-Martin-d'Hères (38)" resolves to nothing.
     */
    public static TerritoryNames of(Collection<Named> names) {
        Map<Lookup, List<Named>> byKey = new HashMap<>();
        Map<TerritoryLevel, Map<String, String>> currentNames = new EnumMap<>(TerritoryLevel.class);
        Map<String, String> departmentsByHint = new HashMap<>();
        for (Named named : names) {
            keys(named.level(), named.name()).forEach((spelling, key) -> {
                if (!key.isEmpty()) {
                    byKey.computeIfAbsent(new Lookup(named.level(), spelling, key), k -> new ArrayList<>(1)).add(named);
                }
            });
            if (!named.former()) {
                currentNames.computeIfAbsent(named.level(), level -> new HashMap<>()).putIfAbsent(named.code(), named.name());
                if (named.level() == TerritoryLevel.DEPARTMENT) {
                    departmentsByHint.put(hintKey(named.code()), named.code());
                    departmentsByHint.put(hintKey(named.name()), named.code());
                }
            }
        }
        return new TerritoryNames(byKey, currentNames, departmentsByHint);
    }

    /**
     * The territory of this level that the given text names: "name", "name (38)", "name (Isère)" or "name, 38". A
     * département given restricts the answer to it, even to nothing.
     */
    public Resolution resolve(TerritoryLevel level, String given) {
        if (given == null || given.isBlank()) {
            return new Unknown();
        }
        String text = given.strip();
        // Some official names end in parentheses or hold commas ("Château-Chinon (Ville)"): the whole text first.
        Resolution whole = resolve(level, text, null);
        if (!(whole instanceof Unknown)) {
            return whole;
        }
        return hinted(text).map(hinted -> resolve(level, hinted.name(), hinted.departmentCode())).orElse(whole);
    }

    /**
     * The first spelling, strictest first, that matches anything in the département (if given) decides. Within a
     * spelling a current name is preferred over former names, which count only when no current name matches.
     */
    public Resolution resolve(TerritoryLevel level, String name, String departmentCode) {
        for (Map.Entry<Spelling, String> key : keys(level, name).entrySet()) {
            if (key.getValue().isEmpty()) {
                continue;
            }
            List<Named> matches = byKey.getOrDefault(new Lookup(level, key.getKey(), key.getValue()), List.of()).stream()
                    .filter(named -> departmentCode == null || departmentCode.equals(named.departmentCode()))
                    .toList();
            List<Named> current = matches.stream().filter(named -> !named.former()).toList();
            if (!current.isEmpty()) {
                return decide(level, current);
            }
            if (!matches.isEmpty()) {
                return decide(level, matches);
            }
        }
        return new Unknown();
    }

    /**
     * The territories of this level whose names are spelt nearest to the given text, best first, at most {@code limit}:
     * what a person picks from when a name resolves to nothing ("Eguille", "Saint Martin d Heres", "Pays Voironais").
     * Words are compared without a final s ("Alpes"/"Alpe"), then by edit distance, allowed to grow with the name's
     * length; those of the département given come first at equal distance. Never a decision: only candidates.
     */
    public List<Candidate> nearest(TerritoryLevel level, String given, String departmentCode, int limit) {
        if (given == null || given.isBlank()) {
            return List.of();
        }
        Spelling spelling = level == TerritoryLevel.EPCI ? Spelling.WITHOUT_LEGAL_FORM : Spelling.WITHOUT_ARTICLES;
        String wanted = singular(keys(level, given.strip()).get(spelling));
        if (wanted.isEmpty()) {
            return List.of();
        }
        int allowed = Math.max(1, Math.min(4, wanted.length() / 4));
        Map<String, Integer> distances = new HashMap<>();
        Map<String, Named> named = new HashMap<>();
        for (Map.Entry<Lookup, List<Named>> entry : byKey.entrySet()) {
            Lookup lookup = entry.getKey();
            if (lookup.level() != level || lookup.spelling() != spelling
                    || Math.abs(lookup.key().length() - wanted.length()) > allowed + 1) {
                continue;
            }
            int distance = distance(wanted, singular(lookup.key()), allowed);
            if (distance <= allowed) {
                for (Named candidate : entry.getValue()) {
                    int best = distances.getOrDefault(candidate.code(), Integer.MAX_VALUE);
                    if (distance < best) {
                        distances.put(candidate.code(), distance);
                        named.put(candidate.code(), candidate);
                    }
                }
            }
        }
        return distances.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>> comparingInt(Map.Entry::getValue)
                        .thenComparing(
                                e -> departmentCode != null && departmentCode.equals(named.get(e.getKey()).departmentCode()) ? 0
                                        : 1)
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> new Candidate(e.getKey(), currentName(level, named.get(e.getKey())),
                        named.get(e.getKey()).departmentCode()))
                .toList();
    }

    /** Each word without its plural's final s (and x): "alpes maritimes" as "alpe maritime". */
    private static String singular(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (String word : key.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.length() > 3 && (word.endsWith("s") || word.endsWith("x")) ? word.substring(0, word.length() - 1)
                    : word);
        }
        return out.toString();
    }

    /** Optimal string alignment distance (a swap of two letters counts one), or more than {@code bound} once it is sure. */
    private static int distance(String a, String b, int bound) {
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > bound) {
                return bound + 1;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }

    /** Several names of one territory (its own and its former communes') are one answer, not an ambiguity. */
    private Resolution decide(TerritoryLevel level, List<Named> matches) {
        Map<String, Named> byCode = new TreeMap<>();
        matches.forEach(named -> byCode.putIfAbsent(named.code(), named));
        if (byCode.size() == 1) {
            Named named = matches.get(0);
            return new Found(named.code(), currentName(level, named), named.former() ? named.name() : null);
        }
        return new Ambiguous(byCode.values().stream()
                .map(named -> new Candidate(named.code(), currentName(level, named), named.departmentCode()))
                .toList());
    }

    private String currentName(TerritoryLevel level, Named named) {
        return currentNames.getOrDefault(level, Map.of()).getOrDefault(named.code(), named.name());
    }

    /**
     * Several levels at once, as a box that takes any territory reads a text: the whole text at every level first, then
     * the name before a département written after it. So "Marseille 13" is the 13e arrondissement before it is
     * Marseille in the Bouches-du-Rhône, and "Vaujany 38" is Vaujany in the Isère. {@code department}, when given,
     * restricts communes and arrondissements (a spreadsheet's département column). Only the levels that name something,
     * in the order asked.
     */
    public Map<TerritoryLevel, Resolution> resolve(List<TerritoryLevel> levels, String given, String department) {
        if (given == null || given.isBlank()) {
            return Map.of();
        }
        String text = given.strip();
        Map<TerritoryLevel, Resolution> found = attempt(levels, text, department, null);
        if (found.isEmpty()) {
            Optional<Hinted> hinted = hinted(text);
            if (hinted.isPresent()) {
                found = attempt(levels, hinted.get().name(), hinted.get().departmentCode(), hinted.get().departmentCode());
            }
        }
        return found;
    }

    private Map<TerritoryLevel, Resolution> attempt(List<TerritoryLevel> levels, String name, String localDepartment,
            String department) {
        Map<TerritoryLevel, Resolution> found = new LinkedHashMap<>();
        for (TerritoryLevel level : levels) {
            boolean local = level == TerritoryLevel.COMMUNE || level == TerritoryLevel.ARRONDISSEMENT;
            Resolution resolution = resolve(level, name, local ? localDepartment : department);
            if (!(resolution instanceof Unknown)) {
                found.put(level, resolution);
            }
        }
        return found;
    }

    /**
     * The name and département of "name (38)", "name (Isère)", "name, 38" or "name 38"; none when what follows is no
     * département.
     */
    private Optional<Hinted> hinted(String text) {
        for (Pattern form : List.of(IN_PARENTHESES, AFTER_COMMA, AFTER_SPACE)) {
            Matcher matcher = form.matcher(text);
            if (matcher.matches()) {
                String departmentCode = departmentsByHint.get(hintKey(matcher.group(2)));
                if (departmentCode != null) {
                    return Optional.of(new Hinted(matcher.group(1), departmentCode));
                }
            }
        }
        return Optional.empty();
    }

    /** "1" is written for "01" as often as not. */
    private static String hintKey(String hint) {
        String key = keys(TerritoryLevel.DEPARTMENT, hint).get(Spelling.WITHOUT_ARTICLES);
        return key.length() == 1 && Character.isDigit(key.charAt(0)) ? "0" + key : key;
    }

    /** The keys of a name, one per spelling that applies to its level, strictest first. */
    private static Map<Spelling, String> keys(TerritoryLevel level, String name) {
        String folded = FoldedText.of(name);
        if (level == TerritoryLevel.EPCI) {
            for (LegalForm legalForm : LEGAL_FORMS) {
                folded = legalForm.written().matcher(folded).replaceAll(legalForm.form());
            }
        }
        List<String> words = new ArrayList<>();
        for (String word : folded.split(" ")) {
            if (!word.isEmpty()) {
                words.add(SAINTS.getOrDefault(word, word));
            }
        }
        if (level == TerritoryLevel.ARRONDISSEMENT) {
            words = ranked(words);
        }
        Map<Spelling, String> keys = new EnumMap<>(Spelling.class);
        keys.put(Spelling.AS_WRITTEN, String.join(" ", words));
        List<String> withoutArticles = words.stream().filter(word -> !ARTICLES.contains(word)).toList();
        keys.put(Spelling.WITHOUT_ARTICLES, String.join(" ", withoutArticles));
        if (level == TerritoryLevel.EPCI) {
            keys.put(Spelling.WITHOUT_LEGAL_FORM,
                    String.join(" ", withoutArticles.stream().filter(word -> !LEGAL_FORM_WORDS.contains(word)).toList()));
        }
        return keys;
    }

    /** Ranks as plain numbers, placed after the city so that "18e arrondissement de Paris" reads as "Paris 18e". */
    private static List<String> ranked(List<String> words) {
        List<String> city = new ArrayList<>();
        List<String> ranks = new ArrayList<>();
        for (String word : words) {
            if (ARRONDISSEMENT_WORDS.contains(word)) {
                continue;
            }
            OptionalInt rank = rank(word);
            if (rank.isPresent()) {
                ranks.add(Integer.toString(rank.getAsInt()));
            } else {
                city.add(word);
            }
        }
        city.addAll(ranks);
        return city;
    }

    private static OptionalInt rank(String word) {
        Matcher matcher = RANK.matcher(word);
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        String number = matcher.group(1);
        return ROMAN_DIGITS.matcher(number).matches() ? roman(number) : OptionalInt.of(Integer.parseInt(number));
    }

    /** A roman number in its one canonical writing ("xviii", not "xiix"): other letter runs are words. */
    private static OptionalInt roman(String letters) {
        int value = 0;
        for (int i = 0; i < letters.length(); i++) {
            int digit = romanDigit(letters.charAt(i));
            boolean subtracted = i + 1 < letters.length() && digit < romanDigit(letters.charAt(i + 1));
            value += subtracted ? -digit : digit;
        }
        return value > 0 && toRoman(value).equals(letters) ? OptionalInt.of(value) : OptionalInt.empty();
    }

    private static int romanDigit(char letter) {
        return switch (letter) {
            case 'i' -> 1;
            case 'v' -> 5;
            default -> 10;
        };
    }

    private static String toRoman(int value) {
        StringBuilder roman = new StringBuilder();
        int left = value;
        int[] values = { 10, 9, 5, 4, 1 };
        String[] letters = { "x", "ix", "v", "iv", "i" };
        for (int i = 0; i < values.length; i++) {
            while (left >= values[i]) {
                roman.append(letters[i]);
                left -= values[i];
            }
        }
        return roman.toString();
    }
}
