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
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String code : communes) {
            if (tables.communes().containsKey(code)) {
                groups.computeIfAbsent(code.startsWith("97") ? code.substring(0, 3) : "", g -> new LinkedHashSet<>()).add(code);
            }
        }
        Set<String> drawn = groups.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElse(Set.of());
        int undrawn = (int) communes.stream().distinct().count() - drawn.size();
        Drawable d = tables.drawable();
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (String code : drawn) {
            for (int[][] polygon : tables.communes().get(code)) {
                for (int arc : polygon[0]) { // the exterior ring bounds the commune
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
        if (drawn.isEmpty()) {
            box = new double[] {0, 0, 1, 1};
        }
        return new MapFrame(tables, drawn, undrawn, box, maxWidth, maxHeight);
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

    /** Whether the commune is drawn in this frame. */
    public boolean draws(String commune) {
        return drawn.contains(commune);
    }

    /** How many of the communes asked for are not drawn: no outline (overseas collectivities), or on another side of the sea. */
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
            return new int[][] {Arrays.copyOf(xs, length), Arrays.copyOf(ys, length)};
        });
    }
}
