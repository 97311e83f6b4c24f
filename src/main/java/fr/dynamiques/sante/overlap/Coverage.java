package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.overlap.OverlapViews.ratio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import fr.dynamiques.sante.overlap.OverlapViews.CoverageRow;
import fr.dynamiques.sante.overlap.OverlapViews.KindCoverage;
import fr.dynamiques.sante.overlap.OverlapViews.UncoveredCommune;
import fr.dynamiques.sante.overlap.OverlapViews.WhiteZones;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.CommuneFacts;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.territory.TerritoryPlaces;
import fr.dynamiques.sante.territory.TerritoryViews;

/**
 * How much of each territory the schemes cover, and where nobody works. A place (a commune, or an arrondissement of
 * Paris, Lyon or Marseille) counts once however many schemes cover it; a territory's population is the sum of its
 * places'.
 */
@ApplicationScoped
public class Coverage {

    private final EntityManager em;
    private final CogSnapshot cog;
    private final FigureCache figures;

    Coverage(EntityManager em, CogSnapshot cog, FigureCache figures) {
        this.em = em;
        this.cog = cog;
        this.figures = figures;
    }

    /**
     * Every département or région (those of {@code region} only, when given), with the population the schemes of
     * these kinds (all when empty) and statuses cover, in all and kind by kind.
     */
    public List<CoverageRow> byTerritory(TerritoryLevel level, String region, List<String> kinds, List<String> statuses) {
        return figures.get(FigureCache.key("coverage", Arrays.asList(level, region), kinds, statuses),
                () -> compute(level, region, kinds, statuses));
    }

    private List<CoverageRow> compute(TerritoryLevel level, String region, List<String> kinds, List<String> statuses) {
        SchemeClauses clauses = SchemeClauses.of(kinds, statuses);
        return coverageRows(level, region, kinds, kindsByCommune(region, clauses), schemeCounts(level, region, clauses),
                null);
    }

    /**
     * The kinds covering each commune (with these statuses), from the per-commune counts; the COG in memory tells each
     * commune's territory and population, so that a commune counts once however many schemes cover it. Within a région,
     * only its communes are read (a département page asks for one région, not for France).
     */
    private Map<String, Set<String>> kindsByCommune(String region, SchemeClauses clauses) {
        Query covered = em.createNativeQuery(
                "select cc.commune_code, cc.kind from commune_coverage cc where cc.schemes > 0 %s%s"
                        .formatted(clauses.on("cc"), region == null ? ""
                                : " and cc.commune_code in (select c.code from place c where "
                                        + TerritoryPlaces.condition(TerritoryLevel.REGION, "region") + ")"),
                Tuple.class);
        if (region != null) {
            covered.setParameter("region", region);
        }
        Map<String, Set<String>> kindsByCommune = new HashMap<>();
        for (SqlRow row : SqlRow.of(clauses.bind(covered))) {
            kindsByCommune.computeIfAbsent(row.text("commune_code"), c -> new HashSet<>()).add(row.text("kind"));
        }
        return kindsByCommune;
    }

    /** Schemes per territory and kind, from the counts kept with every write (a scheme counts once per territory). */
    private Map<String, Map<String, Integer>> schemeCounts(TerritoryLevel level, String region, SchemeClauses clauses) {
        String inRegion = region == null ? ""
                : level == TerritoryLevel.REGION ? " and a.code = :region"
                        : " and a.code in (select d.code from department d where d.region_code = :region)";
        Query schemes = em.createNativeQuery("""
                select a.code, a.kind, sum(a.schemes) as schemes from area_schemes a
                where a.level = :level and a.schemes > 0%s%s
                group by a.code, a.kind""".formatted(clauses.on("a"), inRegion), Tuple.class);
        schemes.setParameter("level", level.apiName());
        if (region != null) {
            schemes.setParameter("region", region);
        }
        Map<String, Map<String, Integer>> schemeCounts = new HashMap<>();
        for (SqlRow row : SqlRow.of(clauses.bind(schemes))) {
            schemeCounts.computeIfAbsent(row.text("code"), t -> new HashMap<>()).put(row.text("kind"), row.count("schemes"));
        }
        return schemeCounts;
    }

    /**
     * The rows of {@link #byTerritory}, from the kinds covering each place (a place counts once in its territory however
     * many schemes cover it, with its population in the COG), the schemes per territory and kind, and (for the figures
     * of a day) per territory the schemes left out for want of a start date.
     */
    List<CoverageRow> coverageRows(TerritoryLevel level, String region, List<String> kinds,
            Map<String, Set<String>> kindsByCommune,
            Map<String, Map<String, Integer>> schemeCounts, Map<String, Integer> unknownStart) {
        Map<String, Long> coveredAll = new HashMap<>();
        Map<String, Map<String, Long>> coveredByKind = new HashMap<>();
        kindsByCommune.forEach((code, communeKinds) -> {
            CommuneFacts commune = cog.place(code);
            if (commune == null) {
                return; // a perimeter resolved with an older COG, not yet migrated, may name a commune since merged
            }
            String communeRegion = cog.regionOf(commune.departmentCode());
            if (region == null || region.equals(communeRegion)) {
                String territory = level == TerritoryLevel.REGION ? communeRegion : commune.departmentCode();
                coveredAll.merge(territory, commune.population(), Long::sum);
                communeKinds.forEach(kind -> coveredByKind.computeIfAbsent(territory, t -> new HashMap<>())
                        .merge(kind, commune.population(), Long::sum));
            }
        });
        List<CoverageRow> answer = new ArrayList<>();
        Map<Completeness.Key, Completeness> declared = Completeness.all();
        for (SqlRow row : territories(level, region)) {
            String code = row.text("code");
            long population = row.number("population");
            Map<String, Long> byKind = coveredByKind.getOrDefault(code, Map.of());
            Map<String, Integer> counts = schemeCounts.getOrDefault(code, Map.of());
            List<KindCoverage> perKind = perKind(counts, byKind, population);
            long coveredPopulation = coveredAll.getOrDefault(code, 0L);
            answer.add(new CoverageRow(code, row.text("name"), population, coveredPopulation,
                    ratio(coveredPopulation, population), counts.values().stream().mapToInt(Integer::intValue).sum(),
                    perKind, Completeness.declared(declared, level == TerritoryLevel.REGION ? List.of(code) : regionOf(code),
                            counted(kinds)),
                    unknownStart == null ? null : unknownStart.getOrDefault(code, 0)));
        }
        return List.copyOf(answer); // kept and shared by FigureCache: nobody may change it
    }

    /** The régions or départements (of the région, when given), in code order, with their name and population. */
    private List<SqlRow> territories(TerritoryLevel level, String region) {
        Query territories = em.createNativeQuery(level == TerritoryLevel.REGION
                ? "select r.code, r.name, r.population from region r where " + (region == null ? "true" : "r.code = :region")
                        + " order by r.code"
                : "select d.code, d.name, d.population from department d where "
                        + (region == null ? "true" : "d.region_code = :region")
                        + " order by d.code",
                Tuple.class);
        if (region != null) {
            territories.setParameter("region", region);
        }
        return SqlRow.of(territories);
    }

    /**
     * The coverage of one territory (any level), as {@link #byTerritory} counts it, read from the territory's own
     * communes only: what a territory's page shows without computing its whole région.
     */
    public CoverageRow of(Area area, List<String> kinds, List<String> statuses) {
        // A commune's is read from a handful of rows: not worth a place among the kept figures.
        return area.level().equals(TerritoryLevel.COMMUNE.apiName()) ? compute(area, kinds, statuses)
                : figures.get(FigureCache.key("coverage of", area, kinds, statuses), () -> compute(area, kinds, statuses));
    }

    private CoverageRow compute(Area area, List<String> kinds, List<String> statuses) {
        SchemeClauses clauses = SchemeClauses.of(kinds, statuses);
        // Per kind, then (kind null) in all, each place once.
        Query covered = em.createNativeQuery("""
                with covered as (
                    select distinct cc.commune_code, cc.kind, coalesce(c.population, 0) as population
                    from commune_coverage cc join place c on c.code = cc.commune_code
                    where %s and cc.schemes > 0 %s)
                select kind, sum(population) as population from covered group by kind
                union all
                select null, sum(population) from (select distinct commune_code, population from covered) communes"""
                .formatted(area.places(), clauses.on("cc")), Tuple.class);
        covered.setParameter("code", area.code());
        Map<String, Long> byKind = new HashMap<>();
        long all = 0;
        for (SqlRow row : SqlRow.of(clauses.bind(covered))) {
            if (row.isNull("kind")) {
                all = row.number("population");
            } else {
                byKind.put(row.text("kind"), row.number("population"));
            }
        }
        Map<String, Integer> counts = schemeCounts(area, clauses);
        List<KindCoverage> perKind = perKind(counts, byKind, area.population());
        return new CoverageRow(area.code(), area.name(), area.population(), all, ratio(all, area.population()),
                counts.values().stream().mapToInt(Integer::intValue).sum(), perKind, complete(area, kinds), null);
    }

    /**
     * The schemes covering part of the area, per kind in code order: counted with every write for départements and
     * régions, else from the perimeters.
     */
    private Map<String, Integer> schemeCounts(Area area, SchemeClauses clauses) {
        boolean counted = area.level().equals(TerritoryLevel.DEPARTMENT.apiName())
                || area.level().equals(TerritoryLevel.REGION.apiName());
        Query schemes = em.createNativeQuery(counted
                ? "select a.kind, sum(a.schemes) as schemes from area_schemes a where a.level = :level and a.code = :code and a.schemes > 0%s group by a.kind"
                        .formatted(clauses.on("a"))
                : """
                        select s.kind, count(distinct s.id) as schemes from scheme_commune sc join place c on c.code = sc.commune_code
                        join scheme s on s.id = sc.scheme_id where %s%s group by s.kind"""
                        .formatted(area.places(),
                                clauses.on("s")),
                Tuple.class);
        if (counted) {
            schemes.setParameter("level", area.level());
        }
        schemes.setParameter("code", area.code());
        Map<String, Integer> counts = new TreeMap<>();
        SqlRow.of(clauses.bind(schemes)).forEach(row -> counts.put(row.text("kind"), row.count("schemes")));
        return counts;
    }

    /**
     * Every place of the area (commune, or arrondissement in place of its city) with the number of schemes of these
     * kinds (any kind when empty) and statuses covering it, 0 for a white zone: what a map of the area colours.
     */
    public Map<String, Integer> schemesByPlace(Area area, List<String> kinds, List<String> statuses) {
        SchemeClauses clauses = SchemeClauses.of(kinds, statuses);
        Query query = em.createNativeQuery("""
                select c.code, coalesce(sum(cc.schemes), 0) as schemes from place c
                left join commune_coverage cc on cc.commune_code = c.code and cc.schemes > 0 %s
                where %s
                group by c.code""".formatted(clauses.on("cc"), area.places()), Tuple.class);
        query.setParameter("code", area.code());
        Map<String, Integer> counts = new HashMap<>();
        SqlRow.of(clauses.bind(query)).forEach(row -> counts.put(row.text("code"), row.count("schemes")));
        return counts;
    }

    /**
     * The places (communes, arrondissements in place of their city) of the area no scheme of these kinds (any kind when empty)
     * and statuses covers, most populated first: all of them, or the first {@code listed} (the counts and population are
     * always of all of them; a city counts as one commune however many of its arrondissements are listed).
     */
    public WhiteZones whiteZones(Area area, List<String> kinds, List<String> statuses, int listed) {
        return whiteZones(List.of(area), kinds, statuses, listed);
    }

    /** The same over several territories at once (départements, side by side): their places, one list. */
    public WhiteZones whiteZones(List<Area> areas, List<String> kinds, List<String> statuses, int listed) {
        return whiteZones(areas, kinds, statuses, listed, null, null);
    }

    /**
     * The white zones counted by the schemes of these statuses today or, with {@code lived}, by those at work on its
     * day, of which {@code unknownStart} were left out for want of a start date.
     */
    WhiteZones whiteZones(List<Area> areas, List<String> kinds, List<String> statuses, int listed, Lived lived,
            Integer unknownStart) {
        List<SqlRow> rows = uncovered(areas, SchemeClauses.of(kinds, statuses), listed, lived);
        List<UncoveredCommune> communes = rows.stream().map(row -> uncovered(row.text("code"), row.text("name"),
                row.number("population"), row.text("code").equals(row.text("commune_code")) ? null : row.text("commune_code")))
                .toList();
        boolean complete = areas.stream().allMatch(area -> complete(area, kinds));
        Area territory = areas.size() == 1 ? areas.get(0) : null;
        List<String> shown = lived == null ? statuses : null;
        LocalDate day = lived == null ? null : lived.days().get(0);
        if (rows.isEmpty()) {
            return new WhiteZones(territory, areas, kinds, shown, day, 0, 0, 0, communes, complete, 0, unknownStart);
        }
        SqlRow totals = rows.get(0);
        return new WhiteZones(territory, areas, kinds, shown, day, totals.number("total_population"),
                totals.count("communes"), totals.count("arrondissements"), communes, complete, totals.count("places"),
                unknownStart);
    }

    /**
     * The first {@code listed} places of the areas no scheme counted covers (those of the clauses today, or those at work
     * on the day of {@code lived}), most populated first, each with the totals over all of them.
     */
    private List<SqlRow> uncovered(List<Area> areas, SchemeClauses clauses, int listed, Lived lived) {
        String covered = lived == null
                ? "select 1 from commune_coverage cc where cc.commune_code = c.code and cc.schemes > 0" + clauses.on("cc")
                : "select 1 from scheme_commune sc join lived l on l.id = sc.scheme_id where sc.commune_code = c.code and l.dated and l.days <> 0";
        String places = IntStream.range(0, areas.size())
                .mapToObj(i -> TerritoryPlaces.condition(TerritoryLevel.fromApiName(areas.get(i).level()).orElseThrow(),
                        "code" + i))
                .collect(Collectors.joining(" or ", "(", ")"));
        Query query = em.createNativeQuery("""
                with %s uncovered as (
                    select c.code, c.name, coalesce(c.population, 0) as population, c.commune_code
                    from place c
                    where %s
                      and not exists (%s))
                select u.code, u.name, u.population, u.commune_code, t.arrondissements, t.population as total_population,
                       t.communes, t.places
                from uncovered u,
                     (select count(*) filter (where code <> commune_code) as arrondissements, sum(population) as population,
                             count(distinct commune_code) as communes, count(*) as places
                      from uncovered) t
                order by u.population desc, u.code
                limit :listed""".formatted(lived == null ? "" : lived.table() + ",", places, covered), Tuple.class);
        for (int i = 0; i < areas.size(); i++) {
            query.setParameter("code" + i, areas.get(i).code());
        }
        query.setParameter("listed", listed);
        return SqlRow.of(lived == null ? clauses.bind(query) : lived.bind(query));
    }

    /**
     * An uncovered place (an arrondissement names its commune) with its département and EPCI, as lists of communes are sorted
     * and filtered by.
     */
    private UncoveredCommune uncovered(String code, String name, long population, String commune) {
        CommuneFacts place = cog.place(code);
        String department = place == null ? null : place.departmentCode();
        String epci = place == null ? null : place.epciSiren();
        return new UncoveredCommune(code, name, population, commune,
                department == null ? null : new TerritoryViews.Ref(department, cog.departmentName(department)),
                epci == null ? null : new TerritoryViews.EpciRef(epci, cog.epciName(epci)));
    }

    /** Whether the registry is declared complete, for these kinds (all when none), in every région the area spans. */
    public boolean complete(Area area, List<String> kinds) {
        Set<String> regions = switch (TerritoryLevel.fromApiName(area.level()).orElseThrow()) {
            case REGION -> Set.of(area.code());
            case DEPARTMENT -> Set.copyOf(regionOf(area.code()));
            case EPCI -> cog.regionsOf(cog.resolve(List.of(), List.of(), List.of(area.code()), List.of())).stream()
                    .map(TerritoryViews.Ref::code).collect(Collectors.toSet());
            default -> Set.copyOf(regionOf(cog.place(area.code()).departmentCode()));
        };
        return Completeness.declared(Completeness.all(), regions, counted(kinds));
    }

    private List<String> regionOf(String departmentCode) {
        String region = cog.regionOf(departmentCode);
        return region == null ? List.of() : List.of(region);
    }

    /** The kinds a figure counts: those named, else every kind. */
    private static Collection<String> counted(List<String> kinds) {
        return kinds.isEmpty() ? SchemeKind.byCode().keySet() : kinds;
    }

    /** Each kind's covered population and schemes, over the area's population, kinds in order of their codes. */
    static List<KindCoverage> perKind(Map<String, Integer> counts, Map<String, Long> byKind, long population) {
        return counts.keySet().stream().sorted().map(kind -> new KindCoverage(kind, byKind.getOrDefault(kind, 0L),
                ratio(byKind.getOrDefault(kind, 0L), population), counts.get(kind))).toList();
    }
}
