package fr.dynamiques.sante.geo;

/** A closed ring on the grid: the first point repeated last. */
public record Ring(int[] xs, int[] ys) {

    /** Twice the signed area (positive when counterclockwise, y pointing north). */
    public long area2() {
        long sum = 0;
        for (int i = 0; i < xs.length - 1; i++) {
            sum += (long) xs[i] * ys[i + 1] - (long) xs[i + 1] * ys[i];
        }
        return sum;
    }

    public Ring reversed() {
        int[] rx = new int[xs.length];
        int[] ry = new int[ys.length];
        for (int i = 0; i < xs.length; i++) {
            rx[i] = xs[xs.length - 1 - i];
            ry[i] = ys[ys.length - 1 - i];
        }
        return new Ring(rx, ry);
    }

    /** Whether the point lies inside (even-odd rule). */
    public boolean contains(int x, int y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 2; i < xs.length - 1; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (double) (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
