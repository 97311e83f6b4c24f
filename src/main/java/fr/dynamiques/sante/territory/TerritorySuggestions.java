package fr.dynamiques.sante.territory;

import static org.hibernate.search.engine.search.common.BooleanOperator.AND;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.mapper.orm.session.SearchSession;

import fr.dynamiques.sante.text.FoldedText;

/**
 * The search engine's part of {@link TerritoryFinder}, territories as the user types: accent- and case-insensitive prefix
 * matches on names, codes and
 * postal codes. Clauses score by kind of match, not by text statistics, so that the ranking is
 * predictable: exact code, exact name, name prefix, words prefixes, former commune names, code prefix; then the
 * most populated territory first.
 */
@ApplicationScoped
class TerritorySuggestions {

    private final SearchSession session;

    TerritorySuggestions(SearchSession session) {
        this.session = session;
    }

    List<TerritoryMatch> suggest(String text, Optional<TerritoryLevel> level, int limit) {
        Class<? extends Territory> scope = level.<Class<? extends Territory>> map(TerritoryLevel::entity)
                .orElse(Territory.class);
        List<TerritoryHit> hits = session.search(scope)
                .select(TerritoryHit.class)
                .where(f -> f.bool()
                        .should(f.match().field("codes").matching(text).constantScore().boost(20))
                        .should(f.match().field("nameExact").matching(text).constantScore().boost(16))
                        .should(f.match().field("nameStart").matching(text).constantScore().boost(8))
                        // Every typed word must start a word of the name ("sai mart" -> Saint-Martin-...);
                        // no query syntax: what users type is text, never operators.
                        .should(f.simpleQueryString().field("name").matching(text)
                                .defaultOperator(AND).flags(EnumSet.noneOf(SimpleQueryFlag.class))
                                .constantScore().boost(4))
                        .should(f.match().field("codePrefix").matching(text).constantScore().boost(2))
                        // A former commune's name ("Arzay") finds its current commune, below the current names.
                        .should(f.match().field("formerNameExact").matching(text).constantScore().boost(6))
                        .should(f.match().field("formerNameStart").matching(text).constantScore().boost(3))
                        .should(f.simpleQueryString().field("formerNames").matching(text)
                                .defaultOperator(AND).flags(EnumSet.noneOf(SimpleQueryFlag.class))
                                .constantScore().boost(1)))
                .sort(f -> f.score().then().field("population").desc().missing().last())
                .fetchHits(limit);
        return hits.stream().map(hit -> {
            String formerName = formerNameMatched(text, hit);
            return new TerritoryMatch(hit.level(), hit.code(), hit.name(), hit.population(), hit.context(), formerName,
                    formerName == null ? "prefix" : "formerName");
        }).toList();
    }

    /** The former name the text starts, when the current name does not: what tells the user why this commune came up. */
    private static String formerNameMatched(String text, TerritoryHit hit) {
        String typed = FoldedText.of(text);
        if (typed.isEmpty() || hit.formerNames() == null || startsWords(FoldedText.of(hit.name()), typed)) {
            return null;
        }
        return hit.formerNames().stream().filter(former -> startsWords(FoldedText.of(former), typed)).findFirst().orElse(null);
    }

    /** Every typed word starts a word of the name, in any order ("sai mart" in "saint martin d heres"). */
    private static boolean startsWords(String name, String typed) {
        List<String> words = List.of(name.split(" "));
        return List.of(typed.split(" ")).stream().allMatch(t -> words.stream().anyMatch(w -> w.startsWith(t)));
    }
}
