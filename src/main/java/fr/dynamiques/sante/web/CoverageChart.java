package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.List;

import fr.dynamiques.sante.overlap.OverlapViews.HistoryRow;

/**
 * The share of a territory's population covered on each 1 January, as bars drawn on the server (SVG, no script), its
 * rows kept for the table that is its text alternative. The scale stops at the first of a few round shares above the
 * highest bar, so that a région covered at 3 % still shows its growth; the axis says which.
 */
public record CoverageChart(String name, List<HistoryRow> rows, List<Bar> bars, List<Tick> ticks, int left, int right,
        int baseline) {

    /** A year's bar; its year written under it when {@code labelled} (every year is in the table). */
    public record Bar(int x, int y, int width, int height, int yearX, boolean labelled, HistoryRow row) {
    }

    /** A line across the chart at a share, written on the axis. */
    public record Tick(int y, double share) {
    }

    /** Whole pixels of a drawing scaled down to a 390-px phone by about three quarters: its text stays near 12 px. */
    static final int WIDTH = 480;
    static final int HEIGHT = 250;
    private static final int LEFT = 60;
    private static final int RIGHT = 6;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;
    /** Years written under the bars, at most: beyond, every second (third...) one, so that they never touch. */
    private static final int YEARS_WRITTEN = 6;
    /** The highest share each scale shows, and its step. */
    private static final double[][] SCALES = { { 0.005, 0.001 }, { 0.01, 0.0025 }, { 0.02, 0.005 }, { 0.05, 0.01 },
            { 0.1, 0.02 }, { 0.2, 0.05 }, { 0.5, 0.1 }, { 1.0, 0.25 } };

    static CoverageChart of(String name, List<HistoryRow> rows) {
        double highest = rows.stream().mapToDouble(HistoryRow::coverageRatio).max().orElse(0);
        double[] scale = SCALES[SCALES.length - 1];
        for (double[] candidate : SCALES) {
            if (highest <= candidate[0]) {
                scale = candidate;
                break;
            }
        }
        int plot = HEIGHT - TOP - BOTTOM;
        int baseline = TOP + plot;
        List<Tick> ticks = new ArrayList<>();
        int steps = (int) Math.round(scale[0] / scale[1]);
        for (int i = 0; i <= steps; i++) {
            ticks.add(new Tick(baseline - (int) Math.round(plot * (double) i / steps), i * scale[1]));
        }
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, rows.size());
        int stride = (rows.size() + YEARS_WRITTEN - 1) / YEARS_WRITTEN;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            HistoryRow row = rows.get(i);
            int height = (int) Math.round(plot * Math.min(1, row.coverageRatio() / scale[0]));
            int x = LEFT + (int) Math.round(slot * i + slot * 0.15);
            bars.add(new Bar(x, baseline - height, Math.max(1, (int) Math.round(slot * 0.7)), height,
                    LEFT + (int) Math.round(slot * (i + 0.5)), i % stride == 0, row));
        }
        return new CoverageChart(name, rows, bars, ticks, LEFT, WIDTH - RIGHT, baseline);
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public int firstYear() {
        return rows.get(0).date().getYear();
    }

    public int lastYear() {
        return rows.get(rows.size() - 1).date().getYear();
    }
}
