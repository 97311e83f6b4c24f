package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.overlap.OverlapViews.ratio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import fr.dynamiques.sante.overlap.CoverageAt.Counted;
import fr.dynamiques.sante.overlap.CoverageAt.Spans;
import fr.dynamiques.sante.overlap.OverlapViews.HistoryRow;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.CommuneFacts;

/**
 * How coverage grew: a territory's figures on each of a series of days, each as {@link CoverageAt} gives it that day,
 * read in one pass over the schemes' places and dates (each place's days covered, or-ed over its schemes), not a
 * computation per day.
 */
@ApplicationScoped
public class CoverageHistory {

    private final CoverageAt at;
    private final CogSnapshot cog;
    private final FigureCache figures;
    private final EntityManager em;

    CoverageHistory(CoverageAt at, CogSnapshot cog, FigureCache figures, EntityManager em) {
        this.at = at;
        this.cog = cog;
        this.figures = figures;
        this.em = em;
    }

    /** The coverage of the area (France when null) by the schemes of these kinds (all when empty) on each day, in order. */
    public List<HistoryRow> of(Area area, List<String> kinds, List<LocalDate> days) {
        return figures.get(FigureCache.key("coverage history", Arrays.asList(area, days), kinds, List.of()),
                () -> compute(area, kinds, days));
    }

    private List<HistoryRow> compute(Area area, List<String> kinds, List<LocalDate> days) {
        Spans spans = at.spans(area, kinds, days);
        long[] covered = new long[days.size()];
        for (Map.Entry<String, Map<String, Long>> place : spans.places().entrySet()) {
            CommuneFacts facts = cog.place(place.getKey());
            if (facts == null) {
                continue; // a perimeter resolved with an older COG, not yet migrated, may name a commune since merged
            }
            long coveredDays = place.getValue().values().stream().reduce(0L, (a, b) -> a | b);
            for (int i = 0; i < days.size(); i++) {
                if ((coveredDays & 1L << i) != 0) {
                    covered[i] += facts.population();
                }
            }
        }
        int[] schemes = new int[days.size()];
        int[] unknownStart = new int[days.size()];
        for (Counted counted : spans.schemes()) {
            for (int i = 0; i < days.size(); i++) {
                if ((counted.days() & 1L << i) != 0) {
                    (counted.dated() ? schemes : unknownStart)[i] += counted.schemes();
                }
            }
        }
        long population = area != null ? area.population()
                : ((Number) em.createNativeQuery("select coalesce(sum(r.population), 0) from region r").getSingleResult())
                        .longValue();
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            rows.add(new HistoryRow(days.get(i), population, covered[i], ratio(covered[i], population), schemes[i],
                    unknownStart[i]));
        }
        return List.copyOf(rows);
    }
}
