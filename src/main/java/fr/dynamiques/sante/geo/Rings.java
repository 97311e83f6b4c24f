package fr.dynamiques.sante.geo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Chains the border arcs of a set of communes into closed rings. Each arc keeps the direction its commune used, so
 * every ring keeps the winding of the faces it bounds. Where two rings touch at a point (a node with two ways on), the
 * ring turns as far to the same side as it can, so that it goes round its own face and does not cross into the other.
 */
final class Rings {

    private Rings() {
    }

    static List<Ring> chain(List<Integer> arcs, IntFunction<int[]> xs, IntFunction<int[]> ys) {
        Map<Long, Deque<Integer>> outgoing = new HashMap<>();
        for (int arc : arcs) {
            outgoing.computeIfAbsent(key(x(arc, 0, xs), y(arc, 0, ys)), k -> new ArrayDeque<>()).add(arc);
        }
        List<Ring> rings = new ArrayList<>();
        for (int first : arcs) {
            Deque<Integer> from = outgoing.get(key(x(first, 0, xs), y(first, 0, ys)));
            if (!from.remove(first)) {
                continue; // already in a ring
            }
            IntPath path = new IntPath();
            path.append(first, xs, ys);
            long start = key(path.x(0), path.y(0));
            while (key(path.lastX(), path.lastY()) != start) {
                Deque<Integer> next = outgoing.get(key(path.lastX(), path.lastY()));
                if (next == null || next.isEmpty()) {
                    break; // an open chain: cannot happen in a topology whose faces close, dropped rather than drawn wrong
                }
                int arc = next.size() == 1 ? next.peek() : sharpestTurn(next, path, xs, ys);
                next.remove(arc);
                path.append(arc, xs, ys);
            }
            Ring ring = path.ring();
            // A ring enclosing nothing (a spike out and back along one line, which simplification can leave) is no shape.
            if (key(path.lastX(), path.lastY()) == start && path.size() >= 4 && ring.area2() != 0) {
                rings.add(ring);
            }
        }
        return rings;
    }

    /** At a node with several ways on: the one turning furthest to the right of the way in. */
    private static int sharpestTurn(Deque<Integer> candidates, IntPath path, IntFunction<int[]> xs, IntFunction<int[]> ys) {
        double in = Math.atan2(path.lastY() - path.y(path.size() - 2), path.lastX() - path.x(path.size() - 2));
        int best = candidates.peek();
        double bestTurn = Double.MAX_VALUE;
        for (int arc : candidates) {
            double out = Math.atan2(y(arc, 1, ys) - y(arc, 0, ys), x(arc, 1, xs) - x(arc, 0, xs));
            double turn = Math.IEEEremainder(out - in, 2 * Math.PI); // -pi..pi, negative to the right
            if (turn < bestTurn) {
                bestTurn = turn;
                best = arc;
            }
        }
        return best;
    }

    /** The i-th point of an arc in the direction a commune uses it (a negative reference runs it backwards). */
    static int x(int arc, int i, IntFunction<int[]> xs) {
        int[] points = xs.apply(arc < 0 ? ~arc : arc);
        return points[arc < 0 ? points.length - 1 - i : i];
    }

    static int y(int arc, int i, IntFunction<int[]> ys) {
        int[] points = ys.apply(arc < 0 ? ~arc : arc);
        return points[arc < 0 ? points.length - 1 - i : i];
    }

    private static long key(int x, int y) {
        return ((long) x << 32) | (y & 0xffffffffL);
    }

    /** A growing run of points, arcs joined end to start (the shared point kept once). */
    private static final class IntPath {
        private int[] xs = new int[64];
        private int[] ys = new int[64];
        private int size;

        void append(int arc, IntFunction<int[]> arcXs, IntFunction<int[]> arcYs) {
            int length = arcXs.apply(arc < 0 ? ~arc : arc).length;
            for (int i = size == 0 ? 0 : 1; i < length; i++) {
                if (size == xs.length) {
                    xs = Arrays.copyOf(xs, size * 2);
                    ys = Arrays.copyOf(ys, size * 2);
                }
                xs[size] = Rings.x(arc, i, arcXs);
                ys[size] = Rings.y(arc, i, arcYs);
                size++;
            }
        }

        int size() {
            return size;
        }

        int x(int i) {
            return xs[i];
        }

        int y(int i) {
            return ys[i];
        }

        int lastX() {
            return xs[size - 1];
        }

        int lastY() {
            return ys[size - 1];
        }

        Ring ring() {
            return new Ring(Arrays.copyOf(xs, size), Arrays.copyOf(ys, size));
        }
    }
}
