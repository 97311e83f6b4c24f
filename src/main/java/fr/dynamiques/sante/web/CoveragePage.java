package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.overlap.Coverage;
import fr.dynamiques.sante.overlap.CoverageAt;
import fr.dynamiques.sante.overlap.CoverageDays;
import fr.dynamiques.sante.overlap.CoverageHistory;
import fr.dynamiques.sante.overlap.CptsStages;
import fr.dynamiques.sante.overlap.OverlapViews.CoverageRow;
import fr.dynamiques.sante.overlap.OverlapViews.StageCoverage;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.text.Stripped;

/**
 * Coverage of each département by the schemes at work, all kinds or one: a map drawn on the server (SVG, no
 * script, no tiles) and the same figures in a table, today's or as they stood on a day chosen; and France's covered
 * share on each 1 January since 2015, a chart with its table.
 */
@Path("/couverture")
@Produces(MediaType.TEXT_HTML)
public class CoveragePage {

    /** Upper bounds of the map's colour classes (class 0: nothing covered). */
    static final double[] CLASSES = { 0.2, 0.4, 0.6, 0.8, 1.0 };
    private static final int BOX = 100;
    private static final int BOX_GAP = 18;
    /** The line under an overseas box that names it. */
    private static final int NAME_LINE = 22;

    /** A département on the map: its shape or, overseas, a box; its colour class, figures and what it is said to be. */
    public record MapArea(String code, String name, String path, int x, int y, int colour, CoverageRow row, String label) {
    }

    /**
     * The page: the kind chosen (or null), the day shown and its schemes of unknown start, the map, the départements'
     * rows ({@code complete} when every one counts all its schemes), France's history; for the CPTS, their stages in
     * France ({@code national}) and by département.
     */
    public record CoverageView(String kind, AsOf asOf, Integer unknownStart, DrawnMap map, List<CoverageRow> rows,
            boolean complete, CoverageChart chart, StageLegend national, Map<String, StageLegend> stages) {
    }

    /** The map's frame, the départements drawn, those of the Paris inset ({@code inner}) and the overseas boxes. */
    public record DrawnMap(String viewBox, List<MapArea> areas, List<MapArea> overseas, int boxSize,
            DepartmentMap.Inset inset, List<MapArea> inner) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coverage(CoverageView view);
    }

    private final Coverage coverage;
    private final CoverageAt coverageAt;
    private final CoverageHistory history;
    private final CptsStages cptsStages;
    private final DepartmentMap map;
    private final Visitor visitor;

    CoveragePage(Coverage coverage, CoverageAt coverageAt, CoverageHistory history, CptsStages cptsStages, DepartmentMap map,
            Visitor visitor) {
        this.coverage = coverage;
        this.coverageAt = coverageAt;
        this.history = history;
        this.cptsStages = cptsStages;
        this.map = map;
        this.visitor = visitor;
    }

    /**
     * Today's figures, or those of the day asked for ({@code at}); a day it cannot show gets today's and a word beside the date
     * box (400).
     */
    @GET
    @Transactional
    public Response coverage(@QueryParam("kind") String kind, @QueryParam("at") String at) {
        String chosen = Stripped.orNull(kind);
        if (chosen != null && SchemeKind.findByCode(chosen).isEmpty()) {
            throw ProblemException.badRequest("Unknown kind.", new FieldError("kind", "one of the kinds of the registry"));
        }
        List<String> kinds = chosen == null ? List.of() : List.of(chosen);
        AsOf asOf = AsOf.read(at);
        List<CoverageRow> rows = asOf.day() == null
                ? coverage.byTerritory(TerritoryLevel.DEPARTMENT, null, kinds, SchemeStatus.AT_WORK)
                : coverageAt.byTerritory(TerritoryLevel.DEPARTMENT, null, kinds, asOf.day());
        // France's schemes of unknown start that day, each once (a département's row counts those working in it).
        Integer unknownStart = asOf.day() == null ? null : history.of(null, kinds, List.of(asOf.day())).get(0).unknownStart();
        // The CPTS: a département cannot have one stage; it is coloured by the share of its population where one has signed the ACI.
        // Stages are known as they are today: on another day the map shows the coverage of that day.
        StageCoverage france = CptsStages.KIND.equals(chosen) && asOf.day() == null ? cptsStages.of(null) : null;
        StageLegend national = france == null ? null : StageLegend.of(france, null);
        Map<String, StageLegend> stages = france == null ? Map.of()
                : france.departments().stream()
                        .collect(Collectors.toMap(d -> d.territory().code(), d -> StageLegend.of(d, null)));
        CoverageChart chart = CoverageChart.of("France", history.of(null, kinds, CoverageDays.januaries()));
        CoverageView view = new CoverageView(chosen, asOf, unknownStart, drawn(rows, stages), rows,
                rows.stream().allMatch(CoverageRow::complete), chart, national, stages);
        return visitor.answer(asOf.invalid() == null ? 200 : 400, Templates.coverage(view)).build();
    }

    /** The départements with a row, drawn: metropolitan ones by their shapes, overseas ones as boxes in a line beneath. */
    private DrawnMap drawn(List<CoverageRow> rows, Map<String, StageLegend> stages) {
        Map<String, CoverageRow> byCode = rows.stream().collect(Collectors.toMap(CoverageRow::code, Function.identity()));
        DepartmentMap.Shapes shapes = map.shapes();
        List<MapArea> areas = shapes.outlines().stream().filter(o -> byCode.containsKey(o.code()))
                .map(o -> area(o.code(), o.path(), 0, 0, byCode.get(o.code()), stages.get(o.code()), false)).toList();
        List<MapArea> overseas = new ArrayList<>();
        int x = 0;
        for (String code : DepartmentMap.OVERSEAS) {
            if (byCode.containsKey(code)) {
                overseas.add(area(code, null, x, shapes.height() + BOX_GAP, byCode.get(code), stages.get(code), true));
                x += BOX + BOX_GAP;
            }
        }
        // Under each overseas box, its name: a code alone is read by few.
        String viewBox = "0 0 " + shapes.width() + " " + (shapes.height() + BOX_GAP + BOX + NAME_LINE + 4);
        return new DrawnMap(viewBox, areas, overseas, BOX, shapes.inset(),
                areas.stream().filter(a -> shapes.inset().codes().contains(a.code())).toList());
    }

    /**
     * A département on the map, coloured by its coverage or, for the CPTS ({@code stages} given), by the share of its
     * population at ACI signé, and named with it; an overseas box's name starts with the code it shows.
     */
    private MapArea area(String code, String path, int x, int y, CoverageRow row, StageLegend stages, boolean box) {
        double ratio = stages == null ? row.coverageRatio() : stages.ratioOf(StageClass.ACI_SIGNED);
        String share = Formats.percent(ratio, visitor.locale());
        String said = stages == null ? share : visitor.stages().department_share(share);
        return new MapArea(code, row.name(), path, x, y, colour(ratio), row,
                (box ? code + " " + row.name() : row.name() + " (" + code + ")") + " : " + said);
    }

    /** 0 when nothing is covered, else 1 to 5 by fifths of the population. */
    static int colour(double ratio) {
        if (ratio <= 0) {
            return 0;
        }
        for (int i = 0; i < CLASSES.length; i++) {
            if (ratio <= CLASSES[i]) {
                return i + 1;
            }
        }
        return CLASSES.length;
    }
}
