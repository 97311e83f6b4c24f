package fr.dynamiques.sante.geo;

/**
 * SVG path data, as short as it goes: an absolute move, then whole-pixel steps relative to the point before, numbers
 * separated by a space only where no minus sign does it. Points come with y pointing up and are written flipped.
 */
final class SvgPath {

    private final StringBuilder d = new StringBuilder();
    private final int height;

    SvgPath(int height) {
        this.height = height;
    }

    /** A closed ring whose last point repeats its first. */
    void ring(int[] xs, int[] ys, int n) {
        steps(xs, ys, n - 1);
        d.append('z');
    }

    /** An open line through the points. */
    void line(int[] xs, int[] ys, int n) {
        steps(xs, ys, n);
    }

    /** A square of one pixel: what is left of a shape too small for the scale. */
    void dot(int x, int y) {
        d.append('M').append(x);
        number(height - y);
        d.append("h1v1h-1z");
    }

    boolean isEmpty() {
        return d.isEmpty();
    }

    private void steps(int[] xs, int[] ys, int n) {
        int x = xs[0];
        int y = height - ys[0];
        d.append('M').append(x);
        number(y);
        d.append('l');
        for (int i = 1; i < n; i++) {
            int nextY = height - ys[i];
            if (i == 1) {
                d.append(xs[i] - x);
            } else {
                number(xs[i] - x);
            }
            number(nextY - y);
            x = xs[i];
            y = nextY;
        }
    }

    private void number(int value) {
        if (value >= 0) {
            d.append(' ');
        }
        d.append(value);
    }

    @Override
    public String toString() {
        return d.toString();
    }
}
