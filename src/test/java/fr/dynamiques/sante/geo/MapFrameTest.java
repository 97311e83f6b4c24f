package fr.dynamiques.sante.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The drawing of communes from the real topology (no application needed): Lambert-93 as IGN defines it and conformal,
 * commune shapes closed, a set's outline closed, without any border between two of its members, and enclosing exactly
 * the area of its members' shapes.
 */
@Tag("unit")
class MapFrameTest {

    /** The communes of Grenoble-Alpes Métropole's core, neighbours of one another, and one commune just outside. */
    static final List<String> MEMBERS = List.of("38185", "38151", "38421", "38169", "38485", "38229", "38111", "38317",
            "38423");

    static CommuneTopology topology;
    static List<String> isere;

    @BeforeAll
    static void read() {
        topology = new CommuneTopology(() -> "geo/communes-cog2025.topojson.gz", new ObjectMapper());
        isere = topology.tables().communes().keySet().stream().filter(code -> code.startsWith("38")).sorted().toList();
    }

    @Test
    void lambert93IsIgnsAndKeepsAngles() {
        // The projection's origin (3° E, 46° 30' N) is at (700 000, 6 600 000) by definition.
        assertThat(Projection.x(3, 46.5)).isCloseTo(700_000, within(0.01));
        assertThat(Projection.y(3, 46.5)).isCloseTo(6_600_000, within(0.01));
        // Conformal: at any point the scale is the same along the meridian and along the parallel (GRS 80 radii).
        double a = 6_378_137;
        double e2 = 0.00669438002290;
        for (double[] p : new double[][] { { -4.5, 48.4 }, { 2.35, 48.85 }, { 7.75, 48.58 }, { 9.2, 42.0 }, { -1.5, 43.4 } }) {
            double lon = p[0];
            double lat = p[1];
            double phi = Math.toRadians(lat);
            double w = Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi));
            double meridianRadius = a * (1 - e2) / (w * w * w);
            double parallelRadius = a / w * Math.cos(phi);
            double h = 1e-4;
            double alongParallel = Math.hypot(Projection.x(lon + h, lat) - Projection.x(lon - h, lat),
                    Projection.y(lon + h, lat) - Projection.y(lon - h, lat)) / Math.toRadians(2 * h) / parallelRadius;
            double alongMeridian = Math.hypot(Projection.x(lon, lat + h) - Projection.x(lon, lat - h),
                    Projection.y(lon, lat + h) - Projection.y(lon, lat - h)) / Math.toRadians(2 * h) / meridianRadius;
            assertThat(alongParallel).as("scale at %s", lat).isCloseTo(alongMeridian, within(1e-6));
            assertThat(alongParallel).as("Lambert-93's scale error stays within -1 to +3 mm per metre").isBetween(0.999,
                    1.0031);
        }
    }

    @Test
    void everyCommuneIsAClosedShapeAndTheFrameFitsTheBox() {
        MapFrame frame = topology.frame(isere, 720, 640);
        assertThat(frame.undrawn()).isZero();
        assertThat(frame.width()).isLessThanOrEqualTo(720);
        assertThat(frame.height()).isLessThanOrEqualTo(640);
        assertThat(Math.max(frame.width(), frame.height())).as("the drawing fills the box one way").isGreaterThan(630);
        for (String code : isere) {
            String d = frame.commune(code);
            assertThat(d).as(code).startsWith("M").endsWith("z");
            for (List<int[]> ring : rings(d)) {
                for (int[] point : ring) {
                    assertThat(point[0]).isBetween(0, frame.width());
                    assertThat(point[1]).isBetween(0, frame.height());
                }
            }
        }
    }

    @Test
    void anOutlineIsClosedHasNoInnerEdgeAndEnclosesExactlyItsMembers() {
        MapFrame frame = topology.frame(isere, 720, 640);
        Set<String> members = Set.copyOf(MEMBERS);
        String outline = frame.outline(MEMBERS);
        List<List<int[]>> rings = rings(outline);
        assertThat(rings).isNotEmpty();
        assertThat(outline.split("M")).as("every ring of the outline is closed")
                .allSatisfy(ring -> assertThat(ring).matches("|.*z"));

        Set<String> inner = segments(rings(frame.borders((a, b) -> members.contains(a) && members.contains(b))), false);
        Set<String> edges = segments(rings(frame.borders((a, b) -> members.contains(a) != members.contains(b))), false);
        Set<String> drawn = segments(rings, true);
        assertThat(inner).as("borders between two members").isNotEmpty();
        assertThat(drawn).as("the outline draws no border between two members").doesNotContainAnyElementsOf(inner);
        assertThat(drawn).as("it draws every border between a member and another commune").containsAll(edges);

        double members2 = MEMBERS.stream()
                .mapToDouble(code -> rings(frame.commune(code)).stream().mapToDouble(MapFrameTest::area).sum()).sum();
        double outline2 = rings.stream().mapToDouble(MapFrameTest::area).sum();
        assertThat(outline2).as("area inside the outline vs the members' shapes, in square pixels").isCloseTo(members2,
                within(members2 * 0.001));
    }

    @Test
    void overseasCommunesAreDrawnInTheirOwnFrame() {
        List<String> mixed = new ArrayList<>(MEMBERS);
        mixed.addAll(List.of("97411", "97415", "98735")); // two in La Réunion, one in French Polynesia (no outline)
        MapFrame frame = topology.frame(mixed, 720, 640);
        assertThat(frame.draws("38185")).isTrue();
        assertThat(frame.draws("97411")).as("a Réunion commune is not drawn in the mainland's frame").isFalse();
        assertThat(frame.undrawn()).isEqualTo(3);
        MapFrame reunion = topology.frame(List.of("97411", "97415"), 720, 640);
        assertThat(reunion.draws("97411")).isTrue();
        assertThat(reunion.commune("97411")).startsWith("M");
    }

    @Test
    void aFrameAroundOneCommuneFillsTheMapWithItAndItsNeighbours() {
        MapFrame department = topology.frame(isere, 720, 640);
        MapFrame around = topology.frameAround(List.of("38151"), 0.2, 4_000, 720, 640);
        assertThat(around.draws("38151")).isTrue();
        assertThat(around.communes()).as("Échirolles' neighbours: Grenoble, Eybens, Saint-Martin-d'Hères, Pont-de-Claix")
                .contains("38185", "38158", "38421", "38317").hasSizeLessThan(80);
        assertThat(Math.max(around.width(), around.height())).as("the frame still fills the box").isGreaterThan(630);
        double[] near = extent(around.commune("38151"));
        double[] far = extent(department.commune("38151"));
        assertThat(near[0]).as("Échirolles' width in pixels, framed on it").isGreaterThan(around.width() / 5.0);
        assertThat(far[0]).as("and among the whole Isère").isLessThan(department.width() / 20.0);
        assertThat(near[0] / far[0]).as("how much larger it is drawn").isGreaterThan(10);
        // What reaches past the frame is clipped, but the commune itself is inside it.
        for (List<int[]> ring : rings(around.commune("38151"))) {
            for (int[] point : ring) {
                assertThat(point[0]).isBetween(0, around.width());
                assertThat(point[1]).isBetween(0, around.height());
            }
        }
        int[] centre = around.centre(List.of("38151"));
        assertThat(centre[0]).isBetween(around.width() / 3, around.width() * 2 / 3);
        assertThat(centre[1]).isBetween(around.height() / 3, around.height() * 2 / 3);
    }

    /** {width, height} of the points of path data, in pixels. */
    static double[] extent(String d) {
        int[] box = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE };
        for (List<int[]> ring : rings(d)) {
            for (int[] p : ring) {
                box[0] = Math.min(box[0], p[0]);
                box[1] = Math.min(box[1], p[1]);
                box[2] = Math.max(box[2], p[0]);
                box[3] = Math.max(box[3], p[1]);
            }
        }
        return new double[] { box[2] - box[0], box[3] - box[1] };
    }

    /** Absolute points of each subpath of "M x y l dx dy ... [z]" path data, y down as written. */
    static List<List<int[]>> rings(String d) {
        List<List<int[]>> rings = new ArrayList<>();
        Matcher sub = Pattern.compile("M(-?\\d+) ?(-?\\d+)l([^Mz]*)z?").matcher(d);
        while (sub.find()) {
            List<int[]> ring = new ArrayList<>();
            int x = Integer.parseInt(sub.group(1));
            int y = Integer.parseInt(sub.group(2));
            ring.add(new int[] { x, y });
            Matcher n = Pattern.compile("-?\\d+").matcher(sub.group(3));
            while (n.find()) {
                x += Integer.parseInt(n.group());
                n.find();
                y += Integer.parseInt(n.group());
                ring.add(new int[] { x, y });
            }
            rings.add(ring);
        }
        return rings;
    }

    /** Each step between two different points, as an undirected key; closed rings include the step back to the start. */
    private static Set<String> segments(List<List<int[]>> lines, boolean closed) {
        Set<String> segments = new HashSet<>();
        for (List<int[]> line : lines) {
            for (int i = 0; i < line.size() - (closed ? 0 : 1); i++) {
                int[] a = line.get(i);
                int[] b = line.get((i + 1) % line.size());
                if (a[0] != b[0] || a[1] != b[1]) {
                    String ab = a[0] + "," + a[1] + "-" + b[0] + "," + b[1];
                    String ba = b[0] + "," + b[1] + "-" + a[0] + "," + a[1];
                    segments.add(ab.compareTo(ba) < 0 ? ab : ba);
                }
            }
        }
        return segments;
    }

    /** Unsigned shoelace area of a closed ring. */
    private static double area(List<int[]> ring) {
        double sum = 0;
        for (int i = 0; i < ring.size(); i++) {
            int[] a = ring.get(i);
            int[] b = ring.get((i + 1) % ring.size());
            sum += (double) a[0] * b[1] - (double) b[0] * a[1];
        }
        return Math.abs(sum) / 2;
    }
}
