package fr.dynamiques.sante.overlap;

import java.util.List;

import jakarta.persistence.Query;

/**
 * Which schemes a figure counts: those of these kinds and of these statuses, each list only when not empty (every kind,
 * every status otherwise). The SQL conditions and their parameters are written here, together, for every overlap and
 * coverage query: on a table (its alias) with {@code kind} and {@code status} columns, or {@code kind} alone.
 */
record SchemeClauses(List<String> kinds, List<String> statuses) {

    static SchemeClauses of(List<String> kinds, List<String> statuses) {
        return new SchemeClauses(kinds, statuses);
    }

    /** The conditions, each after an {@code and}; nothing when neither list is given. */
    String on(String alias) {
        return (kinds.isEmpty() ? "" : " and " + alias + ".kind in (:kinds)")
                + (statuses.isEmpty() ? "" : " and " + alias + ".status in (:statuses)");
    }

    /** Their parameters, on a query holding {@link #on}'s conditions. */
    <Q extends Query> Q bind(Q query) {
        if (!kinds.isEmpty()) {
            query.setParameter("kinds", kinds);
        }
        if (!statuses.isEmpty()) {
            query.setParameter("statuses", statuses);
        }
        return query;
    }
}
