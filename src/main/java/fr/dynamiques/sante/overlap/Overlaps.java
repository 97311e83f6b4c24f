package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.overlap.OverlapViews.ratio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import fr.dynamiques.sante.overlap.OverlapViews.CoveringScheme;
import fr.dynamiques.sante.overlap.OverlapViews.KindGroup;
import fr.dynamiques.sante.overlap.OverlapViews.MatrixCell;
import fr.dynamiques.sante.overlap.OverlapViews.OverlapMatrix;
import fr.dynamiques.sante.overlap.OverlapViews.OverlapPair;
import fr.dynamiques.sante.overlap.OverlapViews.OverlapPairs;
import fr.dynamiques.sante.overlap.OverlapViews.OverlapRow;
import fr.dynamiques.sante.overlap.OverlapViews.SchemeRef;
import fr.dynamiques.sante.overlap.OverlapViews.TerritoryStack;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.territory.TerritoryLevel;

/**
 * Who else works where a scheme works. Everything is read from {@code scheme_commune}, the communes each perimeter
 * resolves to, at the time of the question: an edited perimeter shows in the next answer, nothing to keep in step.
 * Populations are the COG's, each commune counted once per pair or per territory.
 */
@ApplicationScoped
public class Overlaps {

    private final EntityManager em;
    private final FigureCache figures;

    Overlaps(EntityManager em, FigureCache figures) {
        this.em = em;
        this.figures = figures;
    }

    /**
     * Every other scheme sharing at least one commune with this one (of these statuses; all when empty), largest shared
     * population first.
     */
    public List<OverlapRow> of(Scheme scheme, List<String> statuses) {
        Query query = em.createNativeQuery("""
                select o.id, o.ref, o.name, o.kind, o.status, o.population, o.commune_count,
                       count(distinct c.commune_code), coalesce(sum(c.population), 0)
                from scheme_commune mine
                join scheme_commune theirs on theirs.commune_code = mine.commune_code and theirs.scheme_id <> mine.scheme_id
                join scheme o on o.id = theirs.scheme_id
                join place c on c.code = mine.commune_code
                where mine.scheme_id = :id %s
                group by o.id
                order by 9 desc, 8 desc, o.sort_name, o.id""".formatted(filters("o", List.of(), statuses)));
        query.setParameter("id", scheme.id);
        bind(query, List.of(), statuses);
        List<OverlapRow> rows = new ArrayList<>();
        for (Object[] row : rows(query)) {
            long shared = number(row[8]);
            int sharedCommunes = (int) number(row[7]);
            long otherPopulation = number(row[5]);
            rows.add(new OverlapRow(ref(row), sharedCommunes, shared,
                    share(shared, scheme.population, sharedCommunes, scheme.communeCount),
                    share(shared, otherPopulation, sharedCommunes, number(row[6]))));
        }
        return rows;
    }

    /** The schemes covering (part of) the area, grouped by kind (in code order), each kind's largest share first. */
    public TerritoryStack stack(Area area, List<String> kinds, List<String> statuses) {
        Query query = em.createNativeQuery(
                """
                        select s.id, s.ref, s.name, s.kind, s.status, count(distinct c.commune_code), coalesce(sum(c.population), 0), count(*)
                        from scheme_commune sc
                        join place c on c.code = sc.commune_code
                        join scheme s on s.id = sc.scheme_id
                        where %s %s
                        group by s.id
                        order by s.kind, 7 desc, 6 desc, s.sort_name, s.id"""
                        .formatted(area.places(), filters("s", kinds, statuses)));
        query.setParameter("code", area.code());
        bind(query, kinds, statuses);
        Map<String, SchemeKind> known = SchemeKind.byCode();
        Map<String, List<CoveringScheme>> byKind = new LinkedHashMap<>();
        List<Object[]> rows = rows(query);
        for (Object[] row : rows) {
            int communes = (int) number(row[5]);
            long population = number(row[6]);
            byKind.computeIfAbsent((String) row[3], k -> new ArrayList<>()).add(new CoveringScheme(ref(row), communes,
                    population, share(population, area.population(), communes, area.communeCount()),
                    number(row[7]) == area.placeCount()));
        }
        List<KindGroup> groups = byKind.entrySet().stream()
                .map(e -> new KindGroup(e.getKey(), known.get(e.getKey()).labelFr, e.getValue())).toList();
        return new TerritoryStack(area, statuses, rows.size(), groups);
    }

    /**
     * For each scheme covering part of the widest of these nested territories (narrowest first, each within the next),
     * the position of the narrowest one it covers part of: who works here, then nearby, in one query. In name order.
     */
    public Map<Long, Integer> nearest(List<Map.Entry<TerritoryLevel, String>> nested, List<String> kinds,
            List<String> statuses) {
        int widest = nested.size() - 1;
        // One ring alone (a région asked for) has no inner ring to tell apart: every scheme is in it.
        StringBuilder ring = new StringBuilder(widest == 0 ? "0" : "case");
        for (int i = 0; i < widest; i++) {
            ring.append(" when ").append(Area.condition(nested.get(i).getKey(), "code" + i)).append(" then ").append(i);
        }
        if (widest > 0) {
            ring.append(" else ").append(widest).append(" end");
        }
        Query query = em.createNativeQuery("""
                select s.id, min(%s)
                from scheme_commune sc
                join place c on c.code = sc.commune_code
                join scheme s on s.id = sc.scheme_id
                where %s %s
                group by s.id
                order by s.sort_name, s.id""".formatted(ring, Area.condition(nested.get(widest).getKey(), "code" + widest),
                filters("s", kinds, statuses)));
        for (int i = 0; i < nested.size(); i++) {
            query.setParameter("code" + i, nested.get(i).getValue());
        }
        bind(query, kinds, statuses);
        Map<Long, Integer> nearest = new LinkedHashMap<>();
        rows(query).forEach(row -> nearest.put(number(row[0]), (int) number(row[1])));
        return nearest;
    }

    /**
     * Kind x kind: how many pairs of schemes share at least one commune of the area, and the population of the
     * communes they share there, summed over the pairs.
     */
    public OverlapMatrix matrix(Area area, List<String> statuses) {
        // Joins the area's (scheme, commune) rows with themselves: seconds for a région at 100,000 schemes.
        return figures.get(FigureCache.key("matrix", area, List.of(), statuses), () -> computeMatrix(area, statuses));
    }

    private OverlapMatrix computeMatrix(Area area, List<String> statuses) {
        Query query = em.createNativeQuery(
                """
                        with covered as (
                            select sc.scheme_id, sc.commune_code, s.kind, coalesce(c.population, 0) as population
                            from scheme_commune sc
                            join scheme s on s.id = sc.scheme_id
                            join place c on c.code = sc.commune_code
                            where %s %s
                        )
                        select least(a.kind, b.kind), greatest(a.kind, b.kind), count(distinct (a.scheme_id, b.scheme_id)), sum(a.population)
                        from covered a
                        join covered b on b.commune_code = a.commune_code and a.scheme_id < b.scheme_id
                        group by 1, 2
                        order by 1, 2"""
                        .formatted(area.places(), filters("s", List.of(), statuses)));
        query.setParameter("code", area.code());
        bind(query, List.of(), statuses);
        List<MatrixCell> cells = rows(query).stream()
                .map(row -> new MatrixCell((String) row[0], (String) row[1], number(row[2]), number(row[3]))).toList();
        List<String> kinds = SchemeKind.listByCode().stream().map(k -> k.code).toList();
        return new OverlapMatrix(area, statuses, kinds, cells);
    }

    /**
     * Which schemes overlap which in the area: the pairs sharing at least one of its communes, at least one of the two of
     * these kinds (any when empty), the largest shared population first (the {@code listed} first, and how many pairs in all).
     */
    public OverlapPairs pairs(Area area, List<String> kinds, List<String> statuses, int listed) {
        return figures.get(FigureCache.key("pairs", Arrays.asList(area, listed), kinds, statuses),
                () -> computePairs(area, kinds, statuses, listed));
    }

    private OverlapPairs computePairs(Area area, List<String> kinds, List<String> statuses, int listed) {
        Query query = em.createNativeQuery("""
                with covered as (
                    select sc.scheme_id, sc.commune_code, s.kind, coalesce(c.population, 0) as population
                    from scheme_commune sc
                    join scheme s on s.id = sc.scheme_id
                    join place c on c.code = sc.commune_code
                    where %s %s
                )
                select a.scheme_id, b.scheme_id, count(*), sum(a.population), count(*) over ()
                from covered a
                join covered b on b.commune_code = a.commune_code and a.scheme_id < b.scheme_id
                %s
                group by 1, 2
                order by 4 desc, 1, 2
                limit :listed""".formatted(area.places(), filters("s", List.of(), statuses),
                kinds.isEmpty() ? "" : "where a.kind in (:kinds) or b.kind in (:kinds)"));
        query.setParameter("code", area.code());
        query.setParameter("listed", listed);
        bind(query, kinds, statuses);
        List<Object[]> found = rows(query);
        Set<Long> ids = new HashSet<>();
        found.forEach(row -> {
            ids.add(number(row[0]));
            ids.add(number(row[1]));
        });
        Map<Long, SchemeRef> schemes = new HashMap<>();
        if (!ids.isEmpty()) {
            Query names = em.createNativeQuery("select id, ref, name, kind, status from scheme where id in (:ids)");
            names.setParameter("ids", ids);
            rows(names).forEach(row -> schemes.put(number(row[0]),
                    new SchemeRef(number(row[0]), (String) row[1], (String) row[2], (String) row[3], (String) row[4])));
        }
        List<OverlapPair> pairs = found.stream()
                .map(row -> new OverlapPair(schemes.get(number(row[0])), schemes.get(number(row[1])),
                        (int) number(row[2]), number(row[3])))
                .toList();
        return new OverlapPairs(found.isEmpty() ? 0 : (int) number(found.get(0)[4]), pairs);
    }

    /** SQL conditions on a table (alias) with kind and status columns: these kinds and statuses, each only when given. */
    static String filters(String alias, List<String> kinds, List<String> statuses) {
        return (kinds.isEmpty() ? "" : " and " + alias + ".kind in (:kinds)")
                + (statuses.isEmpty() ? "" : " and " + alias + ".status in (:statuses)");
    }

    static void bind(Query query, List<String> kinds, List<String> statuses) {
        if (!kinds.isEmpty()) {
            query.setParameter("kinds", kinds);
        }
        if (!statuses.isEmpty()) {
            query.setParameter("statuses", statuses);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static SchemeRef ref(Object[] row) {
        return new SchemeRef(number(row[0]), (String) row[1], (String) row[2], (String) row[3], (String) row[4]);
    }

    /** By population; by communes when the whole has no population (villages "morts pour la France"). */
    private static double share(long population, long wholePopulation, long communes, long wholeCommunes) {
        return wholePopulation > 0 ? ratio(population, wholePopulation) : ratio(communes, wholeCommunes);
    }
}
