package fr.dynamiques.sante.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.dynamiques.sante.territory.CommuneAreas;

/**
 * The outline of every commune, as one topology (TopoJSON: IGN ADMIN EXPRESS COG CARTO 2025, data/README.md): borders
 * are arcs shared by the communes on both sides. The outline of any set of communes (an EPCI, a département, a
 * scheme's perimeter) is made of the arcs used by exactly one of its members: exact, with each border drawn once and
 * no union of polygons computed. Coordinates stay as the file's integer grid (about 90 x 80 m) until written out.
 * Read once, when first needed: 13.6 MB of arrays for 262,771 points, kept as in the file and projected for drawing.
 */
@ApplicationScoped
public class CommuneTopology implements CommuneAreas {

    private static final Logger LOG = Logger.getLogger(CommuneTopology.class);

    /** The file's grid: longitude = x * scale[0] + translate[0], latitude likewise. */
    record Grid(double scaleX, double scaleY, double translateX, double translateY) {
        double lon(int x) {
            return x * scaleX + translateX;
        }

        double lat(int y) {
            return y * scaleY + translateY;
        }
    }

    /**
     * The arcs (absolute grid coordinates, for GeoJSON), the same arcs projected for drawing ({@link Drawable}) and, per
     * commune, its polygons as rings of signed arc references.
     */
    record Tables(Grid grid, int[][] xs, int[][] ys, Drawable drawable, Map<String, int[][][]> communes) {
    }

    /** A commune's centroid, its surface's centre of mass, in degrees (WGS 84). */
    public record Centroid(double lon, double lat) {

        /** Mean radius of the Earth (IUGG), in km. */
        static final double EARTH_KM = 6371.0088;

        /** The great-circle distance to another centroid, in km (haversine). */
        public double km(Centroid other) {
            double dLat = Math.toRadians(other.lat - lat);
            double dLon = Math.toRadians(other.lon - lon);
            double h = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
            return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
        }
    }

    private final String resource;
    private final ObjectMapper json;
    private volatile Tables tables;
    private volatile Map<String, double[]> boxes;
    private volatile Map<String, Centroid> centroids;
    private volatile Map<String, Double> areas;

    CommuneTopology(GeoConfig config, ObjectMapper json) {
        this.resource = config.resource();
        this.json = json;
    }

    /** Whether the commune has an outline (the communes of the overseas collectivities have none). */
    public boolean has(String commune) {
        return tables().communes().containsKey(commune);
    }

    /** The area of every commune that has an outline, in km², by code; computed once, when first asked. */
    @Override
    public Map<String, Double> km2() {
        Map<String, Double> current = areas;
        if (current == null) {
            Tables t = tables();
            Map<String, Double> computed = new HashMap<>(t.communes().size() * 2);
            t.communes().forEach((code, polygons) -> computed.put(code, surface(t, polygons).km2()));
            areas = current = Map.copyOf(computed);
        }
        return current;
    }

    /** The centroid of every commune that has an outline, by code; computed once, when first asked. */
    public Map<String, Centroid> centroids() {
        Map<String, Centroid> current = centroids;
        if (current == null) {
            Tables t = tables();
            Map<String, Centroid> computed = new HashMap<>(t.communes().size() * 2);
            t.communes().forEach((code, polygons) -> computed.put(code, surface(t, polygons).centroid()));
            centroids = current = Map.copyOf(computed);
        }
        return current;
    }

    /**
     * A commune's surface: its area in km² and its centre of mass (the shoelace formula over every ring, holes running
     * the other way subtract), in the file's grid, which is linear in longitude and latitude: at the size of a commune
     * the difference with an equal-area projection is a few metres. The area converts grid units to km at the
     * centroid's latitude. Coordinates are taken from the first point, to keep the products small.
     */
    record Surface(double km2, Centroid centroid) {
    }

    static Surface surface(Tables t, int[][][] polygons) {
        double area = 0;
        double sumX = 0;
        double sumY = 0;
        Integer originX = null;
        int originY = 0;
        for (int[][] polygon : polygons) {
            for (int[] ring : polygon) {
                Double previousX = null;
                double previousY = 0;
                for (int arc : ring) {
                    int[] xs = t.xs()[arc < 0 ? ~arc : arc];
                    int[] ys = t.ys()[arc < 0 ? ~arc : arc];
                    for (int k = 0; k < xs.length; k++) {
                        int i = arc < 0 ? xs.length - 1 - k : k;
                        if (originX == null) {
                            originX = xs[i];
                            originY = ys[i];
                        }
                        double x = xs[i] - originX;
                        double y = ys[i] - originY;
                        if (previousX != null) {
                            double cross = previousX * y - x * previousY;
                            area += cross;
                            sumX += (previousX + x) * cross;
                            sumY += (previousY + y) * cross;
                        }
                        previousX = x;
                        previousY = y;
                    }
                }
            }
        }
        double cx = area == 0 ? 0 : sumX / (3 * area);
        double cy = area == 0 ? 0 : sumY / (3 * area);
        Grid grid = t.grid();
        Centroid centroid = new Centroid(cx * grid.scaleX() + grid.lon(originX == null ? 0 : originX),
                cy * grid.scaleY() + grid.lat(originY));
        double kmPerDegree = Math.PI * Centroid.EARTH_KM / 180;
        double km2 = Math.abs(area) / 2 * grid.scaleX() * grid.scaleY() * kmPerDegree * kmPerDegree
                * Math.cos(Math.toRadians(centroid.lat()));
        return new Surface(km2, centroid);
    }

    /** How many of these communes have no outline. */
    public long missing(Collection<String> communes) {
        Map<String, int[][][]> known = tables().communes();
        return communes.stream().filter(code -> !known.containsKey(code)).count();
    }

    /**
     * The outline of these communes taken together: every arc used by exactly one of them, chained into closed rings,
     * exterior rings counterclockwise and holes clockwise (RFC 7946), each hole in the polygon around it. Communes
     * without an outline are left out (see {@link #has}).
     */
    public Outline outline(Collection<String> communes) {
        Tables t = tables();
        return Outline.of(Rings.chain(border(t, communes), arc -> t.xs()[arc], arc -> t.ys()[arc]), t.grid());
    }

    /** The arcs used by exactly one of these communes, each in the direction that commune runs it. */
    static List<Integer> border(Tables t, Collection<String> communes) {
        Map<Integer, Integer> uses = new HashMap<>();
        List<Integer> directed = new ArrayList<>();
        for (String code : communes) {
            int[][][] polygons = t.communes().get(code);
            if (polygons == null) {
                continue;
            }
            for (int[][] polygon : polygons) {
                for (int[] ring : polygon) {
                    for (int arc : ring) {
                        uses.merge(arc < 0 ? ~arc : arc, 1, Integer::sum);
                        directed.add(arc);
                    }
                }
            }
        }
        return directed.stream().filter(arc -> uses.get(arc < 0 ? ~arc : arc) == 1).toList();
    }

    /**
     * A drawing of these communes fitting a box of {@code width} x {@code height} pixels. Metropolitan France and each
     * overseas département are drawn apart: when the communes span both, those of the side holding most are drawn.
     */
    public MapFrame frame(Collection<String> communes, int width, int height) {
        return MapFrame.of(tables(), communes, width, height);
    }

    /**
     * A drawing framed on these communes with a margin around them ({@code margin} of their larger span, at least
     * {@code leastMargin} metres), holding the neighbours that show in it: see {@link MapFrame#around}.
     */
    public MapFrame frameAround(Collection<String> communes, double margin, double leastMargin, int width, int height) {
        return MapFrame.around(tables(), boxes(), communes, margin, leastMargin, width, height);
    }

    /** Every commune's projected box, computed once: what tells the neighbours in a frame without drawing them. */
    private Map<String, double[]> boxes() {
        Map<String, double[]> current = boxes;
        if (current == null) {
            Tables t = tables();
            Map<String, double[]> computed = new HashMap<>(t.communes().size() * 2);
            for (String code : t.communes().keySet()) {
                computed.put(code, MapFrame.box(t, List.of(code)));
            }
            boxes = current = Map.copyOf(computed);
        }
        return current;
    }

    Tables tables() {
        Tables current = tables;
        if (current == null) {
            synchronized (this) {
                if (tables == null) {
                    tables = read();
                }
                current = tables;
            }
        }
        return current;
    }

    private Tables read() {
        long start = System.nanoTime();
        try (InputStream in = new GZIPInputStream(resourceStream()); JsonParser parser = json.getFactory().createParser(in)) {
            Grid grid = null;
            int[][] xs = null;
            int[][] ys = null;
            Map<String, int[][][]> communes = new HashMap<>(40_000);
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "arcs" -> {
                        List<int[][]> arcs = readArcs(parser);
                        xs = new int[arcs.size()][];
                        ys = new int[arcs.size()][];
                        for (int i = 0; i < arcs.size(); i++) {
                            xs[i] = arcs.get(i)[0];
                            ys[i] = arcs.get(i)[1];
                        }
                    }
                    case "transform" -> {
                        JsonNode transform = json.readTree(parser);
                        grid = new Grid(transform.get("scale").get(0).asDouble(), transform.get("scale").get(1).asDouble(),
                                transform.get("translate").get(0).asDouble(), transform.get("translate").get(1).asDouble());
                    }
                    case "objects" -> {
                        JsonNode geometries = json.<JsonNode> readTree(parser).get("communes").get("geometries");
                        for (JsonNode geometry : geometries) {
                            communes.put(geometry.get("id").asText(), polygons(geometry));
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (grid == null || xs == null) {
                throw new IllegalStateException(resource + " is not a quantized topology");
            }
            Drawable drawable = Drawable.of(grid, xs, ys);
            LOG.infof("Commune outlines read from %s: %d communes, %d arcs, %d points in %d ms, %.1f MB of arrays", resource,
                    communes.size(), xs.length, drawable.points(), (System.nanoTime() - start) / 1_000_000,
                    bytes(xs, drawable, communes) / 1e6);
            return new Tables(grid, xs, ys, drawable, Map.copyOf(communes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the commune outlines " + resource, e);
        }
    }

    /** What the arrays take on the heap: 16 bytes per array header, 4 per int or float (compressed pointers). */
    private static long bytes(int[][] xs, Drawable drawable, Map<String, int[][][]> communes) {
        long arcs = 2L * (16 + 4L * xs.length) + 2L * 16 * xs.length + 8L * drawable.points();
        long drawn = 4L * (16 + 4L * drawable.points()) + 4L * xs.length;
        long refs = 0;
        for (int[][][] polygons : communes.values()) {
            refs += 16 + 4L * polygons.length;
            for (int[][] polygon : polygons) {
                refs += 16 + 4L * polygon.length;
                for (int[] ring : polygon) {
                    refs += 16 + 4L * ring.length;
                }
            }
        }
        return arcs + drawn + refs;
    }

    /** Arcs are delta-encoded: each position after the first is the difference with the one before. */
    private static List<int[][]> readArcs(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY);
        List<int[][]> arcs = new ArrayList<>(110_000);
        List<int[]> points = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_ARRAY) {
            points.clear();
            int x = 0;
            int y = 0;
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                parser.nextToken();
                x += parser.getIntValue();
                parser.nextToken();
                y += parser.getIntValue();
                expect(parser.nextToken(), JsonToken.END_ARRAY);
                points.add(new int[] { x, y });
            }
            int[] arcXs = new int[points.size()];
            int[] arcYs = new int[points.size()];
            for (int i = 0; i < points.size(); i++) {
                arcXs[i] = points.get(i)[0];
                arcYs[i] = points.get(i)[1];
            }
            arcs.add(new int[][] { arcXs, arcYs });
        }
        return arcs;
    }

    private static int[][][] polygons(JsonNode geometry) {
        JsonNode arcs = geometry.get("arcs");
        boolean multi = geometry.get("type").asText().equals("MultiPolygon");
        int[][][] polygons = new int[multi ? arcs.size() : 1][][];
        for (int p = 0; p < polygons.length; p++) {
            JsonNode rings = multi ? arcs.get(p) : arcs;
            polygons[p] = new int[rings.size()][];
            for (int r = 0; r < rings.size(); r++) {
                JsonNode ring = rings.get(r);
                polygons[p][r] = new int[ring.size()];
                for (int a = 0; a < ring.size(); a++) {
                    polygons[p][r][a] = ring.get(a).asInt();
                }
            }
        }
        return polygons;
    }

    private InputStream resourceStream() {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("No commune outlines at " + resource + " (directory.geo.resource)");
        }
        return in;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("Unexpected " + actual + " in the commune outlines, expected " + expected);
        }
    }
}
