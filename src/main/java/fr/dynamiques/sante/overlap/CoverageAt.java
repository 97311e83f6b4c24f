package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.overlap.OverlapViews.ratio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import fr.dynamiques.sante.overlap.OverlapViews.CoverageRow;
import fr.dynamiques.sante.overlap.OverlapViews.KindCoverage;
import fr.dynamiques.sante.overlap.OverlapViews.WhiteZones;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.CommuneFacts;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.territory.TerritoryViews;

/**
 * The coverage figures as they stood on a day, in the shapes of {@link Coverage}'s: a scheme counts when it is not a
 * draft, started on or before the day and had not ended before it ({@link Lived}). The per-commune counts the triggers
 * keep are of today's statuses, so these are computed from the schemes' dates and places ({@code scheme_commune}); a
 * place counts once however many schemes cover it, with its population in the COG, as today's figures count it.
 */
@ApplicationScoped
public class CoverageAt {

    /**
     * What the schemes of some kinds covered of an area on each day of a series: the days of each place, by kind, and the
     * schemes' days.
     */
    record Spans(Map<String, Map<String, Long>> places, List<Counted> schemes) {
    }

    /** How many schemes of a kind, dated or not (unknown start), were at work (or would have been) on the same days. */
    record Counted(String kind, boolean dated, long days, int schemes) {
    }

    private final EntityManager em;
    private final CogSnapshot cog;
    private final FigureCache figures;
    private final Coverage coverage;

    CoverageAt(EntityManager em, CogSnapshot cog, FigureCache figures, Coverage coverage) {
        this.em = em;
        this.cog = cog;
        this.figures = figures;
        this.coverage = coverage;
    }

    /** {@link Coverage#byTerritory} as it stood on the day, with each row's schemes of unknown start. */
    public List<CoverageRow> byTerritory(TerritoryLevel level, String region, List<String> kinds, LocalDate day) {
        return figures.get(FigureCache.key("coverage at", Arrays.asList(level, region, day), kinds, List.of()),
                () -> compute(level, region, kinds, day));
    }

    private List<CoverageRow> compute(TerritoryLevel level, String region, List<String> kinds, LocalDate day) {
        Lived lived = new Lived(List.of(day), kinds, region == null ? null : cog.departmentsOfRegions(List.of(region)));
        roomToGroup();
        // One statement, so that the schemes are read once: the kinds covering each place (territory null), then the
        // schemes per territory (place null), each once per territory as area_schemes counts today's: per département
        // it works in, once per région.
        Query query = lived.bind(em.createNativeQuery("with " + lived.table() + """
                select sc.commune_code as place, null as territory, l.kind, true as dated, 0 as schemes
                from lived l join scheme_commune sc on sc.scheme_id = l.id
                where l.dated and l.days <> 0
                group by sc.commune_code, l.kind
                union all
                """ + (level == TerritoryLevel.REGION ? """
                select null, dep.region_code, l.kind, l.dated, count(distinct l.id)
                from lived l cross join unnest(l.department_codes) d(code) join department dep on dep.code = d.code
                where l.days <> 0 group by dep.region_code, l.kind, l.dated""" : """
                select null, d.code, l.kind, l.dated, count(*) from lived l cross join unnest(l.department_codes) d(code)
                where l.days <> 0 group by d.code, l.kind, l.dated"""), Tuple.class));
        Map<String, Set<String>> kindsByCommune = new HashMap<>();
        Map<String, Map<String, Integer>> schemeCounts = new HashMap<>();
        Map<String, Integer> unknownStart = new HashMap<>();
        for (SqlRow row : SqlRow.of(query)) {
            String kind = row.text("kind");
            int count = row.count("schemes");
            if (!row.isNull("place")) {
                kindsByCommune.computeIfAbsent(row.text("place"), c -> new HashSet<>()).add(kind);
            } else if (row.flag("dated")) {
                schemeCounts.computeIfAbsent(row.text("territory"), t -> new HashMap<>()).put(kind, count);
            } else {
                unknownStart.merge(row.text("territory"), count, Integer::sum);
            }
        }
        return coverage.coverageRows(level, region, kinds, kindsByCommune, schemeCounts, unknownStart);
    }

    /** {@link Coverage#of} as it stood on the day. */
    public CoverageRow of(Area area, List<String> kinds, LocalDate day) {
        return area.level().equals(TerritoryLevel.COMMUNE.apiName()) ? compute(area, kinds, day)
                : figures.get(FigureCache.key("coverage of at", Arrays.asList(area, day), kinds, List.of()),
                        () -> compute(area, kinds, day));
    }

    private CoverageRow compute(Area area, List<String> kinds, LocalDate day) {
        Spans spans = spans(area, kinds, List.of(day));
        long all = 0;
        Map<String, Long> byKind = new HashMap<>();
        for (Map.Entry<String, Map<String, Long>> place : spans.places().entrySet()) {
            CommuneFacts facts = cog.place(place.getKey());
            if (facts != null) {
                all += facts.population();
                place.getValue().keySet().forEach(kind -> byKind.merge(kind, facts.population(), Long::sum));
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        int unknownStart = 0;
        for (Counted counted : spans.schemes()) {
            if (counted.dated()) {
                counts.merge(counted.kind(), counted.schemes(), Integer::sum);
            } else {
                unknownStart += counted.schemes();
            }
        }
        List<KindCoverage> perKind = Coverage.perKind(counts, byKind, area.population());
        return new CoverageRow(area.code(), area.name(), area.population(), all, ratio(all, area.population()),
                counts.values().stream().mapToInt(Integer::intValue).sum(), perKind, coverage.complete(area, kinds),
                unknownStart);
    }

    /** {@link Coverage#whiteZones} as they stood on the day, with the schemes of unknown start working in those territories. */
    public WhiteZones whiteZones(List<Area> areas, List<String> kinds, LocalDate day, int listed) {
        return figures.get(FigureCache.key("white zones at", Arrays.asList(areas, day, listed), kinds, List.of()), () -> {
            Lived lived = new Lived(List.of(day), kinds,
                    areas.stream().flatMap(area -> departments(area).stream()).distinct().toList());
            // Several territories are départements (each exact by the schemes' départements); one may be any level.
            String touching = areas.size() == 1 ? touching(areas.get(0)) : "";
            Query unknown = em.createNativeQuery(
                    "with " + lived.table() + " select count(*) from lived l where not l.dated and l.days <> 0" + touching);
            if (!touching.isEmpty()) {
                unknown.setParameter("code", areas.get(0).code());
            }
            int unknownStart = ((Number) lived.bind(unknown).getSingleResult()).intValue();
            return coverage.whiteZones(areas, kinds, List.of(), listed, lived, unknownStart);
        });
    }

    public WhiteZones whiteZones(Area area, List<String> kinds, LocalDate day, int listed) {
        return whiteZones(List.of(area), kinds, day, listed);
    }

    /** {@link Coverage#schemesByPlace} as it stood on the day: what a map of the area colours. */
    public Map<String, Integer> schemesByPlace(Area area, List<String> kinds, LocalDate day) {
        Lived lived = new Lived(List.of(day), kinds, departments(area));
        Query query = lived.bind(em.createNativeQuery("with " + lived.table() + """
                select c.code, count(l.id) as schemes from place c
                left join scheme_commune sc on sc.commune_code = c.code
                left join lived l on l.id = sc.scheme_id and l.dated and l.days <> 0
                where %s
                group by c.code""".formatted(area.places()), Tuple.class));
        query.setParameter("code", area.code());
        Map<String, Integer> counts = new HashMap<>();
        SqlRow.of(query).forEach(row -> counts.put(row.text("code"), row.count("schemes")));
        return counts;
    }

    /**
     * One pass over the schemes' places and dates for a series of days (at most {@link Lived#MOST_DAYS}): for each place of
     * the area (of France when null) the days the schemes of each kind covered it, and the schemes working there by the
     * days they were at work. Two queries, whatever the number of days.
     */
    Spans spans(Area area, List<String> kinds, List<LocalDate> days) {
        Lived lived = new Lived(days, kinds, area == null ? null : departments(area));
        roomToGroup();
        // One statement, so that the schemes are read once: the places' rows first, then the schemes' (place null).
        Query query = lived.bind(em.createNativeQuery("with " + lived.table()
                + """
                        select sc.commune_code as place, l.kind, true as dated, bit_or(l.days) as days, 0 as schemes
                        from lived l join scheme_commune sc on sc.scheme_id = l.id
                        %s
                        where l.dated and l.days <> 0
                        group by sc.commune_code, l.kind
                        union all
                        select null, l.kind, l.dated, l.days, count(*) from lived l
                        where l.days <> 0 %s
                        group by l.kind, l.dated, l.days""".formatted(
                        area == null ? "" : "join place c on c.code = sc.commune_code and " + area.places(),
                        area == null ? "and cardinality(l.department_codes) > 0" : touching(area)),
                Tuple.class));
        if (area != null) {
            query.setParameter("code", area.code());
        }
        Map<String, Map<String, Long>> byPlace = new HashMap<>();
        List<Counted> counted = new ArrayList<>();
        for (SqlRow row : SqlRow.of(query)) {
            if (!row.isNull("place")) {
                byPlace.computeIfAbsent(row.text("place"), p -> new HashMap<>()).put(row.text("kind"), row.number("days"));
            } else {
                counted.add(new Counted(row.text("kind"), row.flag("dated"), row.number("days"), row.count("schemes")));
            }
        }
        return new Spans(byPlace, counted);
    }

    /**
     * These figures group the (scheme, place) rows of the schemes at work, 150,000 for a région at 99,000 schemes, 1.6
     * million for France: with PostgreSQL's default 4 MB of working memory the grouping was sorted on disk. More, for
     * this transaction only.
     */
    private void roomToGroup() {
        em.createNativeQuery("select set_config('work_mem', '32MB', true)").getSingleResult();
    }

    /**
     * The départements the area's places are in: the schemes working there are among those working in them, exactly so
     * for a département or a région (a scheme's départements are those of its places).
     */
    private List<String> departments(Area area) {
        return switch (TerritoryLevel.fromApiName(area.level()).orElseThrow()) {
            case DEPARTMENT -> List.of(area.code());
            case REGION -> cog.departmentsOfRegions(List.of(area.code()));
            case EPCI -> cog.departmentsOf(cog.resolve(List.of(), List.of(), List.of(area.code()), List.of())).stream()
                    .map(TerritoryViews.Ref::code).toList();
            case COMMUNE, ARRONDISSEMENT -> List.of(cog.place(area.code()).departmentCode());
        };
    }

    /** What keeps, among the schemes of the area's départements, those covering one of its places (on {@code lived l}). */
    private static String touching(Area area) {
        boolean byDepartments = area.level().equals(TerritoryLevel.DEPARTMENT.apiName())
                || area.level().equals(TerritoryLevel.REGION.apiName());
        return byDepartments ? ""
                : " and exists (select 1 from scheme_commune sc join place c on c.code = sc.commune_code where sc.scheme_id = l.id and "
                        + area.places() + ")";
    }
}
