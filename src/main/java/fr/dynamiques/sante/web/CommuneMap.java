package fr.dynamiques.sante.web;

import java.util.List;

/**
 * A map of communes drawn on the server, as the {@code communeMap} tag writes it: the communes in layers of one style
 * each (every commune a link named after it), the borders between départements drawn once, and lines over them (a
 * perimeter's outline, other schemes' edges).
 */
public record CommuneMap(int width, int height, List<Layer> layers, String departmentBorders, List<Trace> traces, int undrawn) {

    /** Communes drawn alike: one style class for all of them. */
    public record Layer(String style, List<Shape> shapes) {
    }

    /** A commune: where it links, its name and what the map says of it, its path. */
    public record Shape(String href, String label, String d) {
    }

    /** A line over the communes, with its style class. */
    public record Trace(String style, String d) {
    }

    public boolean isEmpty() {
        return layers.stream().allMatch(layer -> layer.shapes().isEmpty());
    }
}
