package fr.dynamiques.sante.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Simplification weights: a point weighs the triangle it still makes with its neighbours once the lighter points are
 * gone, an arc's ends are never dropped, and an arc weighs the same read either way (both communes along a border drop
 * the same points).
 */
@Tag("unit")
class DrawableTest {

    /** Grid steps of a ten-thousandth of a degree (about 10 m), near Grenoble. */
    private static final CommuneTopology.Grid GRID = new CommuneTopology.Grid(1e-4, 1e-4, 5.7, 45.2);

    // A, B nearly on the line A-C, C, D far off the line, E.
    private static final int[] XS = { 0, 50, 100, 150, 250 };
    private static final int[] YS = { 0, 1, 0, 400, 0 };

    private static double triangle(Drawable d, int a, int b, int c) {
        return Math.abs((double) (d.x()[b] - d.x()[a]) * (d.y()[c] - d.y()[a])
                - (double) (d.x()[c] - d.x()[a]) * (d.y()[b] - d.y()[a])) / 2;
    }

    private static int[] reversed(int[] values) {
        int[] r = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = values[values.length - 1 - i];
        }
        return r;
    }

    @Test
    void anArcsEndsAlwaysStay() {
        Drawable d = Drawable.of(GRID, new int[][] { XS, { 0, 10 } }, new int[][] { YS, { 0, 10 } });
        assertThat(d.points()).isEqualTo(7);
        assertThat(d.first(1)).isEqualTo(5);
        assertThat(d.end(1)).isEqualTo(7);
        assertThat(d.weight()[d.first(0)]).isInfinite();
        assertThat(d.weight()[d.end(0) - 1]).isInfinite();
        assertThat(d.weight()[5]).isInfinite();
        assertThat(d.weight()[6]).isInfinite();
        assertThat(d.overseas(0)).isFalse();
    }

    @Test
    void pointsThatShapeTheLineWeighMore() {
        Drawable d = Drawable.of(GRID, new int[][] { XS }, new int[][] { YS });
        float[] w = d.weight();
        assertThat(w[1]).as("B, nearly on the line").isLessThan(w[2]);
        assertThat(w[2]).isLessThan(w[3]);
        // B goes first (its triangle with A and C), then C (with A and D), then D (with A and E).
        assertThat((double) w[1]).isCloseTo(triangle(d, 0, 1, 2), withinPercentage(0.01));
        assertThat((double) w[2]).isCloseTo(triangle(d, 0, 2, 3), withinPercentage(0.01));
        assertThat((double) w[3]).isCloseTo(triangle(d, 0, 3, 4), withinPercentage(0.01));
    }

    @Test
    void anArcWeighsTheSameReadEitherWay() {
        Drawable forward = Drawable.of(GRID, new int[][] { XS }, new int[][] { YS });
        Drawable backward = Drawable.of(GRID, new int[][] { reversed(XS) }, new int[][] { reversed(YS) });
        for (int i = 0; i < XS.length; i++) {
            assertThat(backward.weight()[XS.length - 1 - i]).isEqualTo(forward.weight()[i]);
        }
    }
}
