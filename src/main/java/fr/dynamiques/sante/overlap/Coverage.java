package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.overlap.OverlapViews.ratio;
import static fr.dynamiques.sante.overlap.Overlaps.bind;
import static fr.dynamiques.sante.overlap.Overlaps.filters;
import static fr.dynamiques.sante.overlap.Overlaps.number;
import static fr.dynamiques.sante.overlap.Overlaps.rows;

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

import fr.dynamiques.sante.overlap.OverlapViews.CoverageRow;
import fr.dynamiques.sante.overlap.OverlapViews.KindCoverage;
import fr.dynamiques.sante.overlap.OverlapViews.UncoveredCommune;
import fr.dynamiques.sante.overlap.OverlapViews.WhiteZones;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.CommuneFacts;
import fr.dynamiques.sante.territory.TerritoryLevel;
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
        // The kinds covering each commune (with these statuses), from the per-commune counts; the COG in memory tells
        // each commune's territory and population, so that a commune counts once however many schemes cover it.
        // Within a région, only its communes are read (a département page asks for one région, not for France).
        Query covered = em
                .createNativeQuery("select cc.commune_code, cc.kind from commune_coverage cc where cc.schemes > 0 %s%s"
                        .formatted(filters("cc", kinds, statuses),
                                region == null ? ""
                                        : " and cc.commune_code in (select c.code from place c where "
                                                + Area.condition(TerritoryLevel.REGION, "region") + ")"));
        bind(covered, kinds, statuses);
        if (region != null) {
            covered.setParameter("region", region);
        }
        Map<String, Set<String>> kindsByCommune = new HashMap<>();
        for (Object[] row : rows(covered)) {
            kindsByCommune.computeIfAbsent((String) row[0], c -> new HashSet<>()).add((String) row[1]);
        }
        // Schemes per territory, from the counts kept with every write (a scheme counts once per territory).
        String inRegion = region == null ? ""
                : level == TerritoryLevel.REGION ? " and a.code = :region"
                        : " and a.code in (select d.code from department d where d.region_code = :region)";
        Query schemes = em.createNativeQuery("""
                select a.code, a.kind, sum(a.schemes) from area_schemes a
                where a.level = :level and a.schemes > 0%s%s
                group by 1, 2""".formatted(filters("a", kinds, statuses), inRegion));
        schemes.setParameter("level", level.apiName());
        bind(schemes, kinds, statuses);
        if (region != null) {
            schemes.setParameter("region", region);
        }
        Map<String, Map<String, Integer>> schemeCounts = new HashMap<>();
        for (Object[] row : rows(schemes)) {
            schemeCounts.computeIfAbsent((String) row[0], t -> new HashMap<>()).put((String) row[1], (int) number(row[2]));
        }
        return coverageRows(level, region, kinds, kindsByCommune, schemeCounts, null);
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

        Query territories = em.createNativeQuery(level == TerritoryLevel.REGION
                ? "select r.code, r.name, r.population from region r where " + (region == null ? "true" : "r.code = :region")
                        + " order by r.code"
                : "select d.code, d.name, d.population from department d where "
                        + (region == null ? "true" : "d.region_code = :region")
                        + " order by d.code");
        if (region != null) {
            territories.setParameter("region", region);
        }
        List<CoverageRow> answer = new ArrayList<>();
        Map<Completeness.Key, Completeness> declared = Completeness.all();
        for (Object[] row : rows(territories)) {
            String code = (String) row[0];
            long population = number(row[2]);
            Map<String, Long> byKind = coveredByKind.getOrDefault(code, Map.of());
            Map<String, Integer> counts = schemeCounts.getOrDefault(code, Map.of());
            List<KindCoverage> perKind = counts.keySet().stream().sorted()
                    .map(kind -> new KindCoverage(kind, byKind.getOrDefault(kind, 0L),
                            ratio(byKind.getOrDefault(kind, 0L), population),
                            counts.get(kind)))
                    .toList();
            long coveredPopulation = coveredAll.getOrDefault(code, 0L);
            answer.add(
                    new CoverageRow(code, (String) row[1], population, coveredPopulation, ratio(coveredPopulation, population),
                            counts.values().stream().mapToInt(Integer::intValue).sum(), perKind,
                            Completeness.declared(declared, level == TerritoryLevel.REGION ? List.of(code) : regionOf(code),
                                    counted(kinds)),
                            unknownStart == null ? null : unknownStart.getOrDefault(code, 0)));
        }
        return List.copyOf(answer); // kept and shared by FigureCache: nobody may change it
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
        Query covered = em.createNativeQuery("""
                with covered as (
                    select distinct cc.commune_code, cc.kind, coalesce(c.population, 0) as population
                    from commune_coverage cc join place c on c.code = cc.commune_code
                    where %s and cc.schemes > 0 %s)
                select kind, sum(population) from covered group by kind
                union all
                select null, sum(population) from (select distinct commune_code, population from covered) communes"""
                .formatted(area.places(), filters("cc", kinds, statuses)));
        covered.setParameter("code", area.code());
        bind(covered, kinds, statuses);
        Map<String, Long> byKind = new HashMap<>();
        long all = 0;
        for (Object[] row : rows(covered)) {
            if (row[0] == null) {
                all = row[1] == null ? 0 : number(row[1]);
            } else {
                byKind.put((String) row[0], number(row[1]));
            }
        }
        // Schemes per kind: counted with every write for départements and régions, else from the perimeters.
        boolean counted = area.level().equals(TerritoryLevel.DEPARTMENT.apiName())
                || area.level().equals(TerritoryLevel.REGION.apiName());
        Query schemes = em.createNativeQuery(counted
                ? "select a.kind, sum(a.schemes) from area_schemes a where a.level = :level and a.code = :code and a.schemes > 0%s group by 1"
                        .formatted(filters("a", kinds, statuses))
                : """
                        select s.kind, count(distinct s.id) from scheme_commune sc join place c on c.code = sc.commune_code
                        join scheme s on s.id = sc.scheme_id where %s%s group by 1""".formatted(area.places(),
                        filters("s", kinds, statuses)));
        if (counted) {
            schemes.setParameter("level", area.level());
        }
        schemes.setParameter("code", area.code());
        bind(schemes, kinds, statuses);
        Map<String, Integer> counts = new TreeMap<>();
        rows(schemes).forEach(row -> counts.put((String) row[0], (int) number(row[1])));
        List<KindCoverage> perKind = counts.keySet().stream()
                .map(kind -> new KindCoverage(kind, byKind.getOrDefault(kind, 0L),
                        ratio(byKind.getOrDefault(kind, 0L), area.population()),
                        counts.get(kind)))
                .toList();
        return new CoverageRow(area.code(), area.name(), area.population(), all, ratio(all, area.population()),
                counts.values().stream().mapToInt(Integer::intValue).sum(), perKind, complete(area, kinds), null);
    }

    /**
     * Every place of the area (commune, or arrondissement in place of its city) with the number of schemes of these
     * kinds (any kind when empty) and statuses covering it, 0 for a white zone: what a map of the area colours.
     */
    public Map<String, Integer> schemesByPlace(Area area, List<String> kinds, List<String> statuses) {
        Query query = em.createNativeQuery("""
                select c.code, coalesce(sum(cc.schemes), 0) from place c
                left join commune_coverage cc on cc.commune_code = c.code and cc.schemes > 0 %s
                where %s
                group by c.code""".formatted(filters("cc", kinds, statuses), area.places()));
        query.setParameter("code", area.code());
        bind(query, kinds, statuses);
        Map<String, Integer> counts = new HashMap<>();
        rows(query).forEach(row -> counts.put((String) row[0], (int) number(row[1])));
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
        String covered = lived == null
                ? "select 1 from commune_coverage cc where cc.commune_code = c.code and cc.schemes > 0"
                        + filters("cc", kinds, statuses)
                : "select 1 from scheme_commune sc join lived l on l.id = sc.scheme_id where sc.commune_code = c.code and l.dated and l.days <> 0";
        String places = IntStream.range(0, areas.size())
                .mapToObj(i -> Area.condition(TerritoryLevel.fromApiName(areas.get(i).level()).orElseThrow(), "code" + i))
                .collect(Collectors.joining(" or ", "(", ")"));
        Query query = em.createNativeQuery("""
                with %s uncovered as (
                    select c.code, c.name, coalesce(c.population, 0) as population, c.commune_code
                    from place c
                    where %s
                      and not exists (%s))
                select u.code, u.name, u.population, u.commune_code, t.arrondissements, t.population, t.communes, t.places
                from uncovered u,
                     (select count(*) filter (where code <> commune_code) as arrondissements, sum(population) as population,
                             count(distinct commune_code) as communes, count(*) as places
                      from uncovered) t
                order by u.population desc, u.code
                limit :listed""".formatted(lived == null ? "" : lived.table() + ",", places, covered));
        for (int i = 0; i < areas.size(); i++) {
            query.setParameter("code" + i, areas.get(i).code());
        }
        query.setParameter("listed", listed);
        if (lived == null) {
            bind(query, kinds, statuses);
        } else {
            lived.bind(query);
        }
        List<Object[]> rows = rows(query);
        List<UncoveredCommune> communes = rows.stream().map(row -> uncovered((String) row[0], (String) row[1],
                number(row[2]), row[0].equals(row[3]) ? null : (String) row[3])).toList();
        boolean complete = areas.stream().allMatch(area -> complete(area, kinds));
        Area territory = areas.size() == 1 ? areas.get(0) : null;
        List<String> shown = lived == null ? statuses : null;
        LocalDate day = lived == null ? null : lived.days().get(0);
        if (rows.isEmpty()) {
            return new WhiteZones(territory, areas, kinds, shown, day, 0, 0, 0, communes, complete, 0, unknownStart);
        }
        Object[] totals = rows.get(0);
        return new WhiteZones(territory, areas, kinds, shown, day, number(totals[5]), (int) number(totals[6]),
                (int) number(totals[4]),
                communes, complete, (int) number(totals[7]), unknownStart);
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
}
