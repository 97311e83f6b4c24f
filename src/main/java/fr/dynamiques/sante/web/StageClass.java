package fr.dynamiques.sante.web;

/**
 * The classes of the CPTS maps, most advanced first, as they are drawn: the stages of {@code scheme.CptsStage} (same
 * names), then covered without a recorded stage, then not covered. Fills are a light-to-dark sequence read the way a CPTS
 * goes (from ColorBrewer's YlGnBu, safe for colour blindness), the unknown stage a neutral grey; each class but ACI signé
 * (solid, 10.5:1 on white) carries marks of its own over its fill (dots, lines, a grid), in a colour at 3:1 at least against
 * the fill, so that no class is told by its colour alone. Communes no CPTS at work covers are the white zones of every
 * map (style {@code n0}, hatched by the map itself).
 */
public enum StageClass {
    ACI_SIGNED("#253494", null, null),
    HEALTH_PROJECT_VALIDATED("#2c7fb8", "#ffffff", "M0 4h8M4 0v8"),
    LETTER_OF_INTENT("#7fcdbb", "#1b1b1b", "M4 0v8"),
    EMERGENCE("#edf8b1", "#1b1b1b", "M3.4 4h1.2"),
    /** Covered by CPTS at work none of which records its stage. */
    UNKNOWN("#d9d9d9", "#4a4a4a", "M0 4h8"),
    /** Covered by no CPTS at work. */
    NONE(null, null, null);

    /** The fill, the colour of the marks over it and their path in a tile of 8 x 8 (null: none). */
    public final String fill;
    public final String ink;
    public final String mark;

    StageClass(String fill, String ink, String mark) {
        this.fill = fill;
        this.ink = ink;
        this.mark = mark;
    }

    /** The class of a stage as the API gives it (its name, null when none is recorded). */
    public static StageClass of(String stage) {
        return stage == null ? UNKNOWN : valueOf(stage);
    }

    /** The style class of its communes on the map (and its pattern's name). */
    public String getStyle() {
        return this == NONE ? "n0" : "stage-" + name().toLowerCase().replace('_', '-');
    }

    /** Whether the map fills it with a pattern of its own (the white zones' hatching is every map's). */
    public boolean isPatterned() {
        return fill != null;
    }
}
