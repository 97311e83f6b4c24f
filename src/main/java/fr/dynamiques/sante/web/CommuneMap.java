package fr.dynamiques.sante.web;

import java.util.List;

/**
 * A map of communes drawn on the server, as the {@code communeMap} tag writes it: the communes in layers of one style
 * each (each a link named after it, unless the map has too many for a pointer to aim at one), the borders between
 * départements drawn once, and lines over them (a perimeter's outline, other schemes' edges).
 */
public record CommuneMap(int width, int height, List<Layer> layers, String departmentBorders, List<Trace> traces,
        List<Label> labels,
        int undrawn) {

    /**
     * Communes on a map beyond which they are not links: a région's thousands are specks, and the page lists them
     * anyway; their links made it 56 KB heavier for each byte of markup per link.
     */
    static final int MOST_LINKED = 1500;

    /** Whether each commune is a link: a département's map (at most a few hundred communes), not a région's. */
    public boolean linked() {
        return layers.stream().mapToInt(layer -> layer.shapes().size()).sum() <= MOST_LINKED;
    }

    /**
     * Communes drawn alike: one style class for all of them, and the class of a CPTS map they are in (null on other
     * maps), whose pattern fills them.
     */
    public record Layer(String style, List<Shape> shapes, StageClass stage) {

        public Layer(String style, List<Shape> shapes) {
            this(style, shapes, null);
        }

        /** Whether the map draws this layer with a pattern of its own. */
        public boolean isPatterned() {
            return stage != null && stage.isPatterned();
        }
    }

    /** A commune: where it links, its name and what the map says of it, its path. */
    public record Shape(String href, String label, String d) {
    }

    /** A line over the communes, with its style class. */
    public record Trace(String style, String d) {
    }

    /**
     * A name written on the map, centred on {@code x, y}: a département's ({@code area}) or a commune's ({@code place}),
     * in a font of {@code size} of the map's pixels.
     */
    public record Label(String style, String text, int x, int y, int size) {
    }

    /** Whether the communes are classed by the stage of their CPTS: the map then defines the stages' patterns. */
    public boolean isStaged() {
        return layers.stream().anyMatch(Layer::isPatterned);
    }

    public boolean isEmpty() {
        return layers.stream().allMatch(layer -> layer.shapes().isEmpty());
    }
}
