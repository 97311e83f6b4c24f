package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.overlap.OverlapViews.ratio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

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
import fr.dynamiques.sante.territory.TerritoryPlaces;

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
        return of(scheme.id, statuses).orElseThrow();
    }

    /**
     * The same for the scheme of this id, in one query: the scheme's own population and communes come with its pairs
     * (one row, its pair columns null, when it shares nothing). Empty when there is no such scheme.
     */
    public Optional<List<OverlapRow>> of(long id, List<String> statuses) {
        SchemeClauses clauses = SchemeClauses.of(List.of(), statuses);
        Query query = em.createNativeQuery("""
                with subject as (select population, commune_count from scheme where id = :id),
                pairs as (
                    select o.id, o.ref, o.name, o.kind, o.status, o.population, o.commune_count, o.sort_name,
                           count(distinct c.commune_code) as shared_communes,
                           coalesce(sum(c.population), 0) as shared_population
                    from scheme_commune mine
                    join scheme_commune theirs on theirs.commune_code = mine.commune_code
                                              and theirs.scheme_id <> mine.scheme_id
                    join scheme o on o.id = theirs.scheme_id
                    join place c on c.code = mine.commune_code
                    where mine.scheme_id = :id %s
                    group by o.id)
                select subject.population as subject_population, subject.commune_count as subject_communes, pairs.*
                from subject left join pairs on true
                order by shared_population desc, shared_communes desc, sort_name, id""".formatted(clauses.on("o")),
                Tuple.class);
        query.setParameter("id", id);
        List<SqlRow> rows = SqlRow.of(clauses.bind(query));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<OverlapRow> overlaps = new ArrayList<>();
        for (SqlRow row : rows) {
            if (row.isNull("id")) {
                continue;
            }
            long shared = row.number("shared_population");
            int sharedCommunes = row.count("shared_communes");
            overlaps.add(new OverlapRow(ref(row), sharedCommunes, shared,
                    share(shared, row.number("subject_population"), sharedCommunes, row.number("subject_communes")),
                    share(shared, row.number("population"), sharedCommunes, row.number("commune_count"))));
        }
        return Optional.of(overlaps);
    }

    /** The schemes covering (part of) the area, grouped by kind (in code order), each kind's largest share first. */
    public TerritoryStack stack(Area area, List<String> kinds, List<String> statuses) {
        SchemeClauses clauses = SchemeClauses.of(kinds, statuses);
        Query query = em.createNativeQuery("""
                select s.id, s.ref, s.name, s.kind, k.label_fr as kind_label, s.status,
                       count(distinct c.commune_code) as covered_communes,
                       coalesce(sum(c.population), 0) as covered_population, count(*) as covered_places
                from scheme_commune sc
                join place c on c.code = sc.commune_code
                join scheme s on s.id = sc.scheme_id
                join scheme_kind k on k.code = s.kind
                where %s %s
                group by s.id, k.label_fr
                order by s.kind, covered_population desc, covered_communes desc, s.sort_name, s.id"""
                .formatted(area.places(), clauses.on("s")), Tuple.class);
        query.setParameter("code", area.code());
        Map<String, List<CoveringScheme>> byKind = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        List<SqlRow> rows = SqlRow.of(clauses.bind(query));
        for (SqlRow row : rows) {
            labels.put(row.text("kind"), row.text("kind_label"));
            int communes = row.count("covered_communes");
            long population = row.number("covered_population");
            byKind.computeIfAbsent(row.text("kind"), k -> new ArrayList<>()).add(new CoveringScheme(ref(row), communes,
                    population, share(population, area.population(), communes, area.communeCount()),
                    row.number("covered_places") == area.placeCount()));
        }
        List<KindGroup> groups = byKind.entrySet().stream()
                .map(e -> new KindGroup(e.getKey(), labels.get(e.getKey()), e.getValue())).toList();
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
            ring.append(" when ").append(TerritoryPlaces.condition(nested.get(i).getKey(), "code" + i)).append(" then ")
                    .append(i);
        }
        if (widest > 0) {
            ring.append(" else ").append(widest).append(" end");
        }
        SchemeClauses clauses = SchemeClauses.of(kinds, statuses);
        Query query = em.createNativeQuery("""
                select s.id, min(%s) as ring
                from scheme_commune sc
                join place c on c.code = sc.commune_code
                join scheme s on s.id = sc.scheme_id
                where %s %s
                group by s.id
                order by s.sort_name, s.id""".formatted(ring,
                TerritoryPlaces.condition(nested.get(widest).getKey(), "code" + widest),
                clauses.on("s")), Tuple.class);
        for (int i = 0; i < nested.size(); i++) {
            query.setParameter("code" + i, nested.get(i).getValue());
        }
        Map<Long, Integer> nearest = new LinkedHashMap<>();
        SqlRow.of(clauses.bind(query)).forEach(row -> nearest.put(row.number("id"), row.count("ring")));
        return nearest;
    }

    /**
     * Kind x kind: how many pairs of schemes share at least one commune of the area, and the population of the
     * communes they share there, summed over the pairs.
     */
    public OverlapMatrix matrix(Area area, List<String> statuses) {
        return figures.get(FigureCache.key("matrix", area, List.of(), statuses), () -> computeMatrix(area, statuses));
    }

    /**
     * Counted between shapes rather than schemes. Joining the area's (scheme, commune) rows with themselves gives a row
     * per pair of schemes and shared commune (8.5 s for a région at 99,000 schemes), yet schemes of one kind on the same
     * communes of the area (the generations of a CLS, several CLS of one EPCI, several ASV of one town) pair alike with
     * every other. A shape is such a group, named after its first scheme: two shapes sharing communes stand for the
     * products of their schemes, a shape with itself for the pairs among its own, and each of these pairs shares the
     * population the two shapes share. The shape pairs are materialized before the shapes are joined to them, so that
     * the planner, blind to the sizes of these steps, cannot start by crossing every shape with every other.
     */
    private OverlapMatrix computeMatrix(Area area, List<String> statuses) {
        SchemeClauses clauses = SchemeClauses.of(List.of(), statuses);
        Query query = em.createNativeQuery("""
                with covered as (%s),
                footprint as (
                    select scheme_id, kind, array_agg(commune_code order by commune_code) as communes,
                           array_agg(population order by commune_code) as populations
                    from covered group by scheme_id, kind),
                shape as (
                    select min(scheme_id) as shape, kind, communes, populations, count(*) as schemes
                    from footprint group by kind, communes, populations),
                shape_commune as (
                    select s.shape, u.commune_code, u.population
                    from shape s cross join unnest(s.communes, s.populations) as u(commune_code, population)),
                shape_pair as materialized (
                    select a.shape as shape_a, b.shape as shape_b, sum(a.population) as shared_population
                    from shape_commune a
                    join shape_commune b on b.commune_code = a.commune_code and a.shape <= b.shape
                    group by a.shape, b.shape),
                scheme_pairs as (
                    select least(x.kind, y.kind) as kind_a, greatest(x.kind, y.kind) as kind_b, p.shared_population,
                           case when p.shape_a < p.shape_b then x.schemes * y.schemes
                                else x.schemes * (x.schemes - 1) / 2 end as pairs
                    from shape_pair p
                    join shape x on x.shape = p.shape_a
                    join shape y on y.shape = p.shape_b)
                select kind_a, kind_b, sum(pairs) as pairs, sum(pairs * shared_population) as shared_population
                from scheme_pairs
                group by kind_a, kind_b
                having sum(pairs) > 0
                order by kind_a, kind_b""".formatted(covered(area, clauses)), Tuple.class);
        query.setParameter("code", area.code());
        List<MatrixCell> cells = SqlRow.of(clauses.bind(query)).stream().map(row -> new MatrixCell(row.text("kind_a"),
                row.text("kind_b"), row.number("pairs"), row.number("shared_population"))).toList();
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
                with covered as (%s)
                select a.scheme_id as scheme_a, b.scheme_id as scheme_b, count(*) as shared_communes,
                       sum(a.population) as shared_population, count(*) over () as pairs
                from covered a
                join covered b on b.commune_code = a.commune_code and a.scheme_id < b.scheme_id
                %s
                group by a.scheme_id, b.scheme_id
                order by shared_population desc, scheme_a, scheme_b
                limit :listed""".formatted(covered(area, SchemeClauses.of(List.of(), statuses)),
                kinds.isEmpty() ? "" : "where a.kind in (:kinds) or b.kind in (:kinds)"), Tuple.class);
        query.setParameter("code", area.code());
        query.setParameter("listed", listed);
        List<SqlRow> found = SqlRow.of(SchemeClauses.of(kinds, statuses).bind(query));
        Set<Long> ids = new HashSet<>();
        found.forEach(row -> {
            ids.add(row.number("scheme_a"));
            ids.add(row.number("scheme_b"));
        });
        Map<Long, SchemeRef> schemes = new HashMap<>();
        if (!ids.isEmpty()) {
            Query names = em.createNativeQuery("select id, ref, name, kind, status from scheme where id in (:ids)",
                    Tuple.class);
            names.setParameter("ids", ids);
            SqlRow.of(names).forEach(row -> schemes.put(row.number("id"), ref(row)));
        }
        List<OverlapPair> pairs = found.stream()
                .map(row -> new OverlapPair(schemes.get(row.number("scheme_a")), schemes.get(row.number("scheme_b")),
                        row.count("shared_communes"), row.number("shared_population")))
                .toList();
        return new OverlapPairs(found.isEmpty() ? 0 : found.get(0).count("pairs"), pairs);
    }

    /** The (scheme, commune) rows of the area, of the schemes counted, with the scheme's kind and the commune's population. */
    private static String covered(Area area, SchemeClauses clauses) {
        return """
                select sc.scheme_id, sc.commune_code, s.kind, coalesce(c.population, 0) as population
                    from scheme_commune sc
                    join scheme s on s.id = sc.scheme_id
                    join place c on c.code = sc.commune_code
                    where %s %s
                """.formatted(area.places(), clauses.on("s"));
    }

    private static SchemeRef ref(SqlRow row) {
        return new SchemeRef(row.number("id"), row.text("ref"), row.text("name"), row.text("kind"), row.text("status"));
    }

    /** By population; by communes when the whole has no population (villages "morts pour la France"). */
    private static double share(long population, long wholePopulation, long communes, long wholeCommunes) {
        return wholePopulation > 0 ? ratio(population, wholePopulation) : ratio(communes, wholeCommunes);
    }
}
