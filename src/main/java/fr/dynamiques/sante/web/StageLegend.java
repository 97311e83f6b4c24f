package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.dynamiques.sante.overlap.OverlapViews.StageCoverage;
import fr.dynamiques.sante.overlap.OverlapViews.StageRow;

/**
 * What a CPTS map says in words, its text alternative: class by class (most advanced first, the white zones last) the
 * communes, their population and share of the territory's, the CPTS of that stage, and the communes' names when the map
 * draws them. The same figures as GET /api/v1/coverage/stages.
 */
public record StageLegend(List<Row> rows, boolean complete) {

    /** One class; {@code schemeCount} null for the white zones, {@code names} null where communes are not named. */
    public record Row(StageClass cls, int communes, long population, double ratio, Integer schemeCount, List<String> names) {
    }

    /** The legend of these figures, the communes of each class named when {@code names} is given. */
    static StageLegend of(StageCoverage figures, Map<StageClass, List<String>> names) {
        List<Row> rows = new ArrayList<>();
        for (StageRow row : figures.stages()) {
            StageClass cls = StageClass.of(row.stage());
            rows.add(new Row(cls, row.communes(), row.population(), row.ratio(), row.schemeCount(),
                    names == null ? null : names.get(cls)));
        }
        rows.add(new Row(StageClass.NONE, figures.uncovered().communes(), figures.uncovered().population(),
                figures.uncovered().ratio(), null,
                names == null ? null : names.get(StageClass.NONE)));
        return new StageLegend(List.copyOf(rows), figures.complete());
    }

    /** The share of the population in this class. */
    public double ratioOf(StageClass cls) {
        return rows.stream().filter(r -> r.cls() == cls).mapToDouble(Row::ratio).findFirst().orElse(0);
    }
}
