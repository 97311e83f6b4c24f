package fr.dynamiques.sante.overlap;

import java.util.List;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/**
 * A row of a native query made with {@code Tuple.class}, its columns read by their aliases, so that the SQL says what
 * each column is. Aliases in lower case: PostgreSQL folds those not quoted.
 */
record SqlRow(Tuple columns) {

    @SuppressWarnings("unchecked")
    static List<SqlRow> of(Query query) {
        return ((List<Tuple>) query.getResultList()).stream().map(SqlRow::new).toList();
    }

    String text(String column) {
        return columns.get(column, String.class);
    }

    /** A number (a count, a sum, an id); 0 for a null (a sum over no row). */
    long number(String column) {
        Number value = columns.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }

    int count(String column) {
        return (int) number(column);
    }

    boolean flag(String column) {
        return columns.get(column, Boolean.class);
    }

    boolean isNull(String column) {
        return columns.get(column) == null;
    }
}
