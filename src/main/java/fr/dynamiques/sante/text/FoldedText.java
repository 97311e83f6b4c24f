package fr.dynamiques.sante.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text reduced to what tells two spellings apart: lowercase, no accents, any run of punctuation or
 * space as one space. "Ville d'Échirolles" and "ville d echirolles" fold alike.
 */
public final class FoldedText {

    private FoldedText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace('œ', 'o').replace('æ', 'a')
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
