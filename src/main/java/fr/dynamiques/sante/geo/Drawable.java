package fr.dynamiques.sante.geo;

import java.util.PriorityQueue;

/**
 * Every arc projected to metres ({@link Projection}) and weighed for simplification, once: the weight of a point is the
 * area of the smallest triangle it still makes with its neighbours when the points of less weight are gone (Visvalingam
 * and Whyatt, made monotonic). Drawing at a scale keeps the points whose triangle would show, so each shared border is
 * simplified the same way for the communes on both sides and no gap opens between them. An arc's ends always stay:
 * they are where arcs meet. Flat arrays: arc {@code i} spans {@code start[i]} to {@code start[i + 1]}.
 */
record Drawable(int[] start, int[] x, int[] y, float[] weight) {

    static Drawable of(CommuneTopology.Grid grid, int[][] xs, int[][] ys) {
        int[] start = new int[xs.length + 1];
        for (int i = 0; i < xs.length; i++) {
            start[i + 1] = start[i] + xs[i].length;
        }
        int total = start[xs.length];
        int[] x = new int[total];
        int[] y = new int[total];
        float[] weight = new float[total];
        for (int i = 0; i < xs.length; i++) {
            for (int k = 0; k < xs[i].length; k++) {
                double lon = grid.lon(xs[i][k]);
                double lat = grid.lat(ys[i][k]);
                x[start[i] + k] = (int) Math.round(Projection.x(lon, lat));
                y[start[i] + k] = (int) Math.round(Projection.y(lon, lat));
            }
            weigh(x, y, start[i], start[i + 1], weight);
        }
        return new Drawable(start, x, y, weight);
    }

    int points() {
        return x.length;
    }

    int first(int arc) {
        return start[arc];
    }

    int end(int arc) {
        return start[arc + 1];
    }

    /** Whether the point lies in an overseas département: Mercator northings stay below 2,500 km, Lambert-93's above 6,000. */
    boolean overseas(int point) {
        return y[point] < 5_000_000;
    }

    private record Candidate(double area, int point, int stamp) {
    }

    private static void weigh(int[] x, int[] y, int from, int to, float[] weight) {
        weight[from] = Float.POSITIVE_INFINITY;
        weight[to - 1] = Float.POSITIVE_INFINITY;
        int n = to - from;
        if (n < 3) {
            return;
        }
        int[] previous = new int[n];
        int[] next = new int[n];
        int[] stamp = new int[n];
        PriorityQueue<Candidate> queue = new PriorityQueue<>(n, (a, b) -> Double.compare(a.area(), b.area()));
        for (int i = 1; i < n - 1; i++) {
            previous[i] = i - 1;
            next[i] = i + 1;
            queue.add(new Candidate(area(x, y, from, i - 1, i, i + 1), i, 0));
        }
        double floor = 0;
        while (!queue.isEmpty()) {
            Candidate c = queue.poll();
            int i = c.point();
            if (c.stamp() != stamp[i]) {
                continue; // its neighbours changed since: a newer entry stands for it
            }
            floor = Math.max(floor, c.area());
            weight[from + i] = (float) floor;
            int p = previous[i];
            int q = next[i];
            next[p] = q;
            previous[q] = p;
            if (p > 0) {
                queue.add(new Candidate(area(x, y, from, previous[p], p, q), p, ++stamp[p]));
            }
            if (q < n - 1) {
                queue.add(new Candidate(area(x, y, from, p, q, next[q]), q, ++stamp[q]));
            }
        }
    }

    private static double area(int[] x, int[] y, int from, int a, int b, int c) {
        return Math.abs((double) (x[from + b] - x[from + a]) * (y[from + c] - y[from + a])
                - (double) (x[from + c] - x[from + a]) * (y[from + b] - y[from + a])) / 2;
    }
}
