package fr.dynamiques.sante.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Some communes drawn at one scale, as SVG path data. Coordinates are projected ({@link Projection}), scaled to fit the
 * frame and rounded to whole pixels, y pointing down; each arc is simplified for that scale once ({@link Drawable}) and
 * used by every shape that follows it, so neighbouring communes meet exactly and a border is drawn once.
 */
public final class MapFrame {

    /** Pixels left around the drawing, so that strokes along the edge show whole. */
    private static final int MARGIN = 3;
    /** Points whose triangle with their neighbours covers less than this, in square pixels, are left out. */
    private static final double SMALLEST_TRIANGLE = 0.5;

    private final CommuneTopology.Tables tables;
    private final Set<String> drawn;
    private final int undrawn;
    private final double left;
    private final double bottom;
    private final double scale;
    private final double smallestWeight;
    private final int width;
    private final int height;
    private final Map<Integer, int[][]> screen = new HashMap<>();
    private Map<Integer, List<String>> sides;

    private MapFrame(CommuneTopology.Tables tables, Set<String> drawn, int undrawn, double[] box, int maxWidth, int maxHeight) {
        this.tables = tables;
        this.drawn = drawn;
        this.undrawn = undrawn;
        this.left = box[0];
        this.bottom = box[1];
        double spanX = Math.max(box[2] - box[0], 1);
        double spanY = Math.max(box[3] - box[1], 1);
        this.scale = Math.min((maxWidth - 2 * MARGIN) / spanX, (maxHeight - 2 * MARGIN) / spanY);
        this.smallestWeight = SMALLEST_TRIANGLE / (scale * scale);
        this.width = (int) Math.ceil(spanX * scale) + 2 * MARGIN;
        this.height = (int) Math.ceil(spanY * scale) + 2 * MARGIN;
    }

    /**
     * The frame of these communes: metropolitan France and each overseas département are drawn apart (their
     * projections differ), so only the group holding most of the communes is drawn; communes without an outline are
     * not drawn either.
     */
    static MapFrame of(CommuneTopology.Tables tables, Collection<String> communes, int maxWidth, int maxHeight) {
        Set<String> drawn = largestGroup(tables, communes);
        int undrawn = (int) communes.stream().distinct().count() - drawn.size();
        double[] box = drawn.isEmpty() ? new double[] { 0, 0, 1, 1 } : box(tables, drawn);
        return new MapFrame(tables, drawn, undrawn, box, maxWidth, maxHeight);
    }

    /**
     * A frame on {@code focus} (a perimeter) and what lies around it: its box grown by {@code margin} of its larger
     * span (at least {@code leastMargin} metres) each way, then to the shape of the map, drawing every commune of the
     * same side of the sea that shows in it. A one-commune scheme then fills the map among its neighbours instead of
     * being a speck in its département; communes cut by the frame's edge are clipped by the drawing's view box.
     */
    static MapFrame around(CommuneTopology.Tables tables, Map<String, double[]> boxes, Collection<String> focus, double margin,
            double leastMargin, int maxWidth, int maxHeight) {
        Set<String> group = largestGroup(tables, focus);
        if (group.isEmpty()) {
            return of(tables, focus, maxWidth, maxHeight);
        }
        double[] box = box(tables, group);
        double grow = Math.max(margin * Math.max(box[2] - box[0], box[3] - box[1]), leastMargin);
        box = new double[] { box[0] - grow, box[1] - grow, box[2] + grow, box[3] + grow };
        // To the map's proportions: the narrower way is widened about its centre, showing more neighbours, not more sea of white.
        double spanX = box[2] - box[0];
        double spanY = box[3] - box[1];
        double wanted = (double) maxWidth / maxHeight;
        if (spanX / spanY < wanted) {
            double extra = (spanY * wanted - spanX) / 2;
            box = new double[] { box[0] - extra, box[1], box[2] + extra, box[3] };
        } else {
            double extra = (spanX / wanted - spanY) / 2;
            box = new double[] { box[0], box[1] - extra, box[2], box[3] + extra };
        }
        String side = side(group.iterator().next());
        Set<String> drawn = new LinkedHashSet<>(group);
        for (Map.Entry<String, double[]> commune : boxes.entrySet()) {
            double[] b = commune.getValue();
            if (b[0] <= box[2] && b[2] >= box[0] && b[1] <= box[3] && b[3] >= box[1] && side(commune.getKey()).equals(side)) {
                drawn.add(commune.getKey());
            }
        }
        int undrawn = (int) focus.stream().distinct().count() - group.size();
        return new MapFrame(tables, drawn, undrawn, box, maxWidth, maxHeight);
    }

    /** Metropolitan France (""), or the overseas département the commune is in: each is drawn in a frame of its own. */
    private static String side(String commune) {
        return commune.startsWith("97") ? commune.substring(0, 3) : "";
    }

    /** Those of the communes with an outline that are on the side of the sea holding most of them. */
    private static Set<String> largestGroup(CommuneTopology.Tables tables, Collection<String> communes) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String code : communes) {
            if (tables.communes().containsKey(code)) {
                groups.computeIfAbsent(side(code), g -> new LinkedHashSet<>()).add(code);
            }
        }
        return groups.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElse(Set.of());
    }

    /** The projected box of these communes, {left, bottom, right, top}: their exterior rings bound them. */
    static double[] box(CommuneTopology.Tables tables, Collection<String> communes) {
        Drawable d = tables.drawable();
        double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (String code : communes) {
            for (int[][] polygon : tables.communes().get(code)) {
                for (int arc : polygon[0]) {
                    int index = arc < 0 ? ~arc : arc;
                    for (int k = d.first(index); k < d.end(index); k++) {
                        box[0] = Math.min(box[0], d.x()[k]);
                        box[1] = Math.min(box[1], d.y()[k]);
                        box[2] = Math.max(box[2], d.x()[k]);
                        box[3] = Math.max(box[3], d.y()[k]);
                    }
                }
            }
        }
        return box;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isEmpty() {
        return drawn.isEmpty();
    }

    /**
     * Where a name over these communes goes, in pixels ({x, y}, y down): the centre of their boxes, each weighted by
     * its area, so that a big commune pulls the name its way; null when none of them is drawn.
     */
    public int[] centre(Collection<String> communes) {
        double sumX = 0;
        double sumY = 0;
        double weights = 0;
        for (String code : communes) {
            if (drawn.contains(code)) {
                double[] b = box(tables, List.of(code));
                double weight = Math.max((b[2] - b[0]) * (b[3] - b[1]), 1);
                sumX += weight * (b[0] + b[2]) / 2;
                sumY += weight * (b[1] + b[3]) / 2;
                weights += weight;
            }
        }
        if (weights == 0) {
            return null;
        }
        return new int[] { (int) Math.round((sumX / weights - left) * scale) + MARGIN,
                height - ((int) Math.round((sumY / weights - bottom) * scale) + MARGIN) };
    }

    /** The communes drawn in this frame. */
    public Set<String> communes() {
        return java.util.Collections.unmodifiableSet(drawn);
    }

    /** Whether the commune is drawn in this frame. */
    public boolean draws(String commune) {
        return drawn.contains(commune);
    }

    /**
     * How many of the communes asked for are not drawn: no outline (overseas collectivities), or on another side of the sea.
     */
    public int undrawn() {
        return undrawn;
    }

    /** The commune's shape, or an empty string when it is not drawn. A commune too small to show is a one-pixel square. */
    public String commune(String code) {
        if (!drawn.contains(code)) {
            return "";
        }
        SvgPath path = new SvgPath(height);
        int[] xs = new int[64];
        int[] ys = new int[64];
        for (int[][] polygon : tables.communes().get(code)) {
            for (int[] ring : polygon) {
                int n = 0;
                for (int arc : ring) {
                    int[][] points = arc(arc < 0 ? ~arc : arc);
                    int length = points[0].length;
                    for (int k = 0; k < length; k++) {
                        int x = points[0][arc < 0 ? length - 1 - k : k];
                        int y = points[1][arc < 0 ? length - 1 - k : k];
                        if (n > 0 && xs[n - 1] == x && ys[n - 1] == y) {
                            continue;
                        }
                        if (n == xs.length) {
                            xs = Arrays.copyOf(xs, n * 2);
                            ys = Arrays.copyOf(ys, n * 2);
                        }
                        xs[n] = x;
                        ys[n] = y;
                        n++;
                    }
                }
                if (n >= 4) { // three corners and back to the first
                    path.ring(xs, ys, n);
                }
            }
        }
        if (path.isEmpty()) {
            int arc = tables.communes().get(code)[0][0][0];
            int[][] first = arc(arc < 0 ? ~arc : arc);
            path.dot(first[0][0], first[1][0]);
        }
        return path.toString();
    }

    /** The borders between two drawn communes for which {@code between} holds, each drawn once. */
    public String borders(BiPredicate<String, String> between) {
        SvgPath path = new SvgPath(height);
        sides().forEach((arc, communes) -> {
            if (communes.size() == 2 && between.test(communes.get(0), communes.get(1))) {
                int[][] points = arc(arc);
                path.line(points[0], points[1], points[0].length);
            }
        });
        return path.toString();
    }

    /** The outline of these communes (those drawn): closed rings, without any border between two of them. */
    public String outline(Collection<String> members) {
        List<String> inFrame = members.stream().filter(drawn::contains).toList();
        SvgPath path = new SvgPath(height);
        for (Ring ring : Rings.chain(CommuneTopology.border(tables, inFrame), arc -> arc(arc)[0], arc -> arc(arc)[1])) {
            path.ring(ring.xs(), ring.ys(), ring.xs().length);
        }
        return path.toString();
    }

    /**
     * The part of these communes' outline that runs through the frame, as lines: for a set of communes (another
     * scheme's perimeter) that may reach beyond the frame.
     */
    public String edges(Collection<String> members) {
        Map<Integer, List<String>> drawnSides = sides();
        SvgPath path = new SvgPath(height);
        for (int arc : CommuneTopology.border(tables, members)) {
            int index = arc < 0 ? ~arc : arc;
            if (drawnSides.containsKey(index)) {
                int[][] points = arc(index);
                path.line(points[0], points[1], points[0].length);
            }
        }
        return path.toString();
    }

    /** The drawn communes on each side of every arc they use. */
    private Map<Integer, List<String>> sides() {
        if (sides == null) {
            sides = new LinkedHashMap<>();
            for (String code : drawn) {
                for (int[][] polygon : tables.communes().get(code)) {
                    for (int[] ring : polygon) {
                        for (int arc : ring) {
                            List<String> communes = sides.computeIfAbsent(arc < 0 ? ~arc : arc, a -> new ArrayList<>(2));
                            if (!communes.contains(code)) {
                                communes.add(code);
                            }
                        }
                    }
                }
            }
        }
        return sides;
    }

    /** The arc in pixels (y up until written), simplified for this scale: {xs, ys}, computed once per frame. */
    private int[][] arc(int index) {
        return screen.computeIfAbsent(index, i -> {
            Drawable d = tables.drawable();
            int[] xs = new int[d.end(i) - d.first(i)];
            int[] ys = new int[xs.length];
            int n = 0;
            for (int k = d.first(i); k < d.end(i); k++) {
                if (d.weight()[k] < smallestWeight) {
                    continue;
                }
                int x = (int) Math.round((d.x()[k] - left) * scale) + MARGIN;
                int y = (int) Math.round((d.y()[k] - bottom) * scale) + MARGIN;
                if (n > 0 && xs[n - 1] == x && ys[n - 1] == y) {
                    continue; // the same pixel: an arc's last point may replace the one before, they are one
                }
                xs[n] = x;
                ys[n] = y;
                n++;
            }
            // An arc shorter than a pixel keeps two points: the chaining of rings reads an arc's first step.
            int length = Math.max(n, 2);
            if (n == 1) {
                xs[1] = xs[0];
                ys[1] = ys[0];
            }
            return new int[][] { Arrays.copyOf(xs, length), Arrays.copyOf(ys, length) };
        });
    }
}
