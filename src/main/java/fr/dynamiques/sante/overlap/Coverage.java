package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.overlap.OverlapViews.ratio;
import static fr.dynamiques.sante.overlap.Overlaps.bind;
import static fr.dynamiques.sante.overlap.Overlaps.filters;
import static fr.dynamiques.sante.overlap.Overlaps.number;
import static fr.dynamiques.sante.overlap.Overlaps.rows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import fr.dynamiques.sante.overlap.OverlapViews.CoverageRow;
import fr.dynamiques.sante.overlap.OverlapViews.KindCoverage;
import fr.dynamiques.sante.overlap.OverlapViews.UncoveredCommune;
import fr.dynamiques.sante.overlap.OverlapViews.WhiteZones;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.CommuneFacts;
import fr.dynamiques.sante.territory.TerritoryLevel;

/**
 * How much of each territory the schemes cover, and where nobody works. A commune counts once however many
 * schemes cover it; a territory's population is the sum of its communes'.
 */
@ApplicationScoped
public class Coverage {

    /** Unless asked otherwise, coverage counts the schemes at work: active ones and those being renewed. */
    public static final List<String> CURRENT = List.of("ACTIVE", "RENEWAL");

    private final EntityManager em;
    private final CogSnapshot cog;

    Coverage(EntityManager em, CogSnapshot cog) {
        this.em = em;
        this.cog = cog;
    }

    /**
     * Every département or région (those of {@code region} only, when given), with the population the schemes of
     * these kinds (all when empty) and statuses cover, in all and kind by kind.
     */
    public List<CoverageRow> byTerritory(TerritoryLevel level, String region, List<String> kinds, List<String> statuses) {
        // Each covered (commune, kind) once, from the per-commune counts; the COG in memory tells each commune's
        // territory and population (a commune counts once however many schemes cover it).
        Query covered = em.createNativeQuery("""
                select cc.commune_code, cc.kind from commune_coverage cc
                where cc.schemes > 0 %s
                group by 1, 2
                order by 1""".formatted(filters("cc", kinds, statuses)));
        bind(covered, kinds, statuses);
        Map<String, Long> coveredAll = new HashMap<>();
        Map<String, Map<String, Long>> coveredByKind = new HashMap<>();
        String previous = null;
        for (Object[] row : rows(covered)) {
            CommuneFacts commune = cog.commune((String) row[0]);
            String communeRegion = cog.regionOf(commune.departmentCode());
            if (region != null && !region.equals(communeRegion)) {
                continue;
            }
            String territory = level == TerritoryLevel.REGION ? communeRegion : commune.departmentCode();
            coveredByKind.computeIfAbsent(territory, t -> new HashMap<>()).merge((String) row[1], commune.population(), Long::sum);
            if (!commune.code().equals(previous)) {
                coveredAll.merge(territory, commune.population(), Long::sum);
            }
            previous = commune.code();
        }
        // Schemes by the départements they touch (stored with each scheme): a scheme counts once per territory.
        String inRegion = region == null ? "" : " and d.region_code = :region";
        Query schemes = em.createNativeQuery("""
                select %s, s.kind, count(distinct s.id)
                from scheme s cross join unnest(s.department_codes) as touched(code)
                join department d on d.code = touched.code
                where true%s%s
                group by 1, 2""".formatted(level == TerritoryLevel.REGION ? "d.region_code" : "d.code",
                filters("s", kinds, statuses), inRegion));
        bind(schemes, kinds, statuses);
        if (region != null) {
            schemes.setParameter("region", region);
        }
        Map<String, Map<String, Integer>> schemeCounts = new HashMap<>();
        for (Object[] row : rows(schemes)) {
            schemeCounts.computeIfAbsent((String) row[0], t -> new HashMap<>()).put((String) row[1], (int) number(row[2]));
        }

        Query territories = em.createNativeQuery(level == TerritoryLevel.REGION
                ? "select r.code, r.name, r.population from region r where " + (region == null ? "true" : "r.code = :region") + " order by r.code"
                : "select d.code, d.name, d.population from department d where true" + inRegion + " order by d.code");
        if (region != null) {
            territories.setParameter("region", region);
        }
        List<CoverageRow> answer = new ArrayList<>();
        for (Object[] row : rows(territories)) {
            String code = (String) row[0];
            long population = number(row[2]);
            Map<String, Long> byKind = coveredByKind.getOrDefault(code, Map.of());
            Map<String, Integer> counts = schemeCounts.getOrDefault(code, Map.of());
            List<KindCoverage> perKind = counts.keySet().stream().sorted()
                    .map(kind -> new KindCoverage(kind, byKind.getOrDefault(kind, 0L), ratio(byKind.getOrDefault(kind, 0L), population),
                            counts.get(kind)))
                    .toList();
            long coveredPopulation = coveredAll.getOrDefault(code, 0L);
            answer.add(new CoverageRow(code, (String) row[1], population, coveredPopulation, ratio(coveredPopulation, population),
                    counts.values().stream().mapToInt(Integer::intValue).sum(), perKind));
        }
        return answer;
    }

    /** The communes of the area no scheme of these kinds (any kind when empty) and statuses covers, most populated first. */
    public WhiteZones whiteZones(Area area, List<String> kinds, List<String> statuses) {
        Query query = em.createNativeQuery("""
                select c.code, c.name, coalesce(c.population, 0)
                from commune c
                where %s
                  and not exists (select 1 from commune_coverage cc where cc.commune_code = c.code and cc.schemes > 0 %s)
                order by 3 desc, c.code""".formatted(area.communes(), filters("cc", kinds, statuses)));
        query.setParameter("code", area.code());
        bind(query, kinds, statuses);
        List<UncoveredCommune> communes = rows(query).stream()
                .map(row -> new UncoveredCommune((String) row[0], (String) row[1], number(row[2]))).toList();
        return new WhiteZones(area, kinds, statuses, communes.stream().mapToLong(UncoveredCommune::population).sum(),
                communes.size(), communes);
    }
}
