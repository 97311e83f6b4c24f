package fr.dynamiques.sante.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outline of a set of communes: polygons, each an exterior ring (counterclockwise) and its holes (clockwise), the
 * orientation RFC 7946 asks of GeoJSON. Coordinates are the topology's grid until {@link #lon}/{@link #lat}.
 */
public final class Outline {

    /** An exterior ring and the holes in it. */
    public record Polygon(Ring exterior, List<Ring> holes) {
    }

    private final List<Polygon> polygons;
    private final CommuneTopology.Grid grid;

    private Outline(List<Polygon> polygons, CommuneTopology.Grid grid) {
        this.polygons = polygons;
        this.grid = grid;
    }

    /**
     * Sorts rings into exteriors and holes. The border arcs keep the winding of the communes they bound, so exteriors
     * all turn one way and holes the other: the largest ring, always an exterior, says which. A hole belongs to the
     * smallest exterior around it.
     */
    static Outline of(List<Ring> rings, CommuneTopology.Grid grid) {
        if (rings.isEmpty()) {
            return new Outline(List.of(), grid);
        }
        long exteriorSign = Long
                .signum(rings.stream().max(Comparator.comparingLong(r -> Math.abs(r.area2()))).orElseThrow().area2());
        List<Ring> exteriors = new ArrayList<>();
        List<Ring> holes = new ArrayList<>();
        for (Ring ring : rings) {
            (Long.signum(ring.area2()) == exteriorSign ? exteriors : holes).add(ring);
        }
        exteriors.sort(Comparator.comparingLong(r -> Math.abs(r.area2())));
        exteriors = withoutNestedShells(exteriors, holes);
        List<Polygon> polygons = new ArrayList<>();
        List<List<Ring>> holesOf = new ArrayList<>();
        for (Ring exterior : exteriors) {
            polygons.add(new Polygon(exterior.area2() > 0 ? exterior : exterior.reversed(), new ArrayList<>()));
            holesOf.add(polygons.get(polygons.size() - 1).holes());
        }
        for (Ring hole : holes) {
            for (int i = 0; i < exteriors.size(); i++) {
                if (exteriors.get(i).contains(hole.xs()[0], hole.ys()[0]) || i == exteriors.size() - 1) {
                    holesOf.get(i).add(hole.area2() < 0 ? hole : hole.reversed());
                    break;
                }
            }
        }
        return new Outline(List.copyOf(polygons), grid);
    }

    /**
     * An exterior ring inside a larger one, and in none of its holes, bounds ground already inside: a sliver where the
     * simplified outlines of two member communes overlap. It is left out (GIS tools call it "nested shells").
     */
    private static List<Ring> withoutNestedShells(List<Ring> exteriors, List<Ring> holes) {
        List<Ring> kept = new ArrayList<>();
        for (int i = 0; i < exteriors.size(); i++) {
            Ring ring = exteriors.get(i);
            long x = 0;
            long y = 0;
            for (int k = 0; k < ring.xs().length - 1; k++) {
                x += ring.xs()[k];
                y += ring.ys()[k];
            }
            int cx = (int) (x / (ring.xs().length - 1));
            int cy = (int) (y / (ring.ys().length - 1));
            boolean nested = false;
            for (int j = i + 1; j < exteriors.size() && !nested; j++) {
                nested = exteriors.get(j).contains(cx, cy) && holes.stream().noneMatch(h -> h.contains(cx, cy));
            }
            if (!nested) {
                kept.add(ring);
            }
        }
        return kept;
    }

    public List<Polygon> polygons() {
        return polygons;
    }

    public boolean isEmpty() {
        return polygons.isEmpty();
    }

    public double lon(int x) {
        return grid.lon(x);
    }

    public double lat(int y) {
        return grid.lat(y);
    }
}
