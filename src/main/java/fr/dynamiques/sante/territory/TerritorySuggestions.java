package fr.dynamiques.sante.territory;

import static org.hibernate.search.engine.search.common.BooleanOperator.AND;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Territories as the user types: accent- and case-insensitive prefix matches on names, codes and
 * postal codes. Clauses score by kind of match, not by text statistics, so that the ranking is
 * predictable: exact code, exact name, name prefix, words prefixes, code prefix; then the most
 * populated territory first.
 */
@ApplicationScoped
public class TerritorySuggestions {

    private final SearchSession session;

    TerritorySuggestions(SearchSession session) {
        this.session = session;
    }

    public List<TerritoryMatch> suggest(String text, Optional<TerritoryLevel> level, int limit) {
        Class<? extends Territory> scope = level.<Class<? extends Territory>>map(TerritoryLevel::entity)
                .orElse(Territory.class);
        return session.search(scope)
                .select(TerritoryMatch.class)
                .where(f -> f.bool()
                        .should(f.match().field("codes").matching(text).constantScore().boost(20))
                        .should(f.match().field("nameExact").matching(text).constantScore().boost(16))
                        .should(f.match().field("nameStart").matching(text).constantScore().boost(8))
                        // Every typed word must start a word of the name ("sai mart" -> Saint-Martin-...);
                        // no query syntax: what users type is text, never operators.
                        .should(f.simpleQueryString().field("name").matching(text)
                                .defaultOperator(AND).flags(EnumSet.noneOf(SimpleQueryFlag.class))
                                .constantScore().boost(4))
                        .should(f.match().field("codePrefix").matching(text).constantScore().boost(2)))
                .sort(f -> f.score().then().field("population").desc().missing().last())
                .fetchHits(limit);
    }
}
