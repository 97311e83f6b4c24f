package fr.dynamiques.sante.overlap;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Query;

/**
 * When each scheme was at work, read from its dates alone (its status today says nothing of the past): the SQL common
 * table {@code lived}, one row per scheme of the kinds asked (all when none) that is not a draft, working in one of
 * the départements asked (anywhere when null):
 * <ul>
 * <li>{@code id}, {@code kind}, {@code department_codes};</li>
 * <li>{@code dated}: its start is known, given or, for a later generation, the day after its previous generation's end;</li>
 * <li>{@code days}: bit {@code i} set when it was at work on the {@code i}-th day asked (start on or before, end unknown or
 * on or after); for a scheme whose start is unknown, the days it would have been, had it started (its end unknown or
 * not yet passed): those it is counted as {@code unknownStart} on.</li>
 * </ul>
 * A series of days is read in one pass over the schemes: a place is covered on day {@code i} when the days of the
 * dated schemes covering it, or-ed together, have bit {@code i}.
 */
record Lived(List<LocalDate> days, List<String> kinds, List<String> departments) {

    /** A bit per day in a bigint. */
    static final int MOST_DAYS = 63;

    Lived {
        if (days.isEmpty() || days.size() > MOST_DAYS) {
            throw new IllegalArgumentException("1 to " + MOST_DAYS + " days, not " + days.size());
        }
    }

    /**
     * The common table, to follow {@code with}. Materialized: a scheme's days are worked out once, not once for each of
     * its places joined to it (inlined, the région's history at 99,000 schemes took four times as long). The previous
     * generation is looked up only for a scheme without a start date.
     */
    String table() {
        return """
                lived as materialized (
                    select s.id, s.kind, s.department_codes, o.starts is not null as dated,
                           (select coalesce(bit_or(cast(1 as bigint) << cast(d.i - 1 as integer)), 0)
                            from unnest(cast(cast(:days as varchar[]) as date[])) with ordinality d(day, i)
                            where (o.starts is null or o.starts <= d.day) and (s.end_date is null or s.end_date >= d.day)) as days
                    from scheme s,
                         lateral (select coalesce(s.start_date, (select p.end_date + 1 from scheme p where p.id = s.previous_id)) as starts) o
                    where s.status <> 'DRAFT'%s%s)"""
                .formatted(counted().on("s"),
                        departments == null ? "" : " and s.department_codes && cast(:departments as varchar[])");
    }

    Query bind(Query query) {
        query.setParameter("days", days.stream().map(LocalDate::toString).toArray(String[]::new));
        counted().bind(query);
        if (departments != null) {
            query.setParameter("departments", departments.toArray(String[]::new));
        }
        return query;
    }

    /** The kinds asked; the statuses are not (a status says nothing of the past). */
    private SchemeClauses counted() {
        return SchemeClauses.of(kinds, List.of());
    }
}
