package fr.dynamiques.sante.text;

/** Text as typed in a form or a file: surrounding spaces dropped, and nothing when nothing is left. */
public final class Stripped {

    private Stripped() {
    }

    /** The text without its surrounding spaces, or null when it is null or blank. */
    public static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
