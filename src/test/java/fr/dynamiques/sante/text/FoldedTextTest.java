package fr.dynamiques.sante.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two spellings of one name fold alike; what tells names apart survives. */
@Tag("unit")
class FoldedTextTest {

    @Test
    void caseAccentsAndPunctuationFoldAway() {
        assertThat(FoldedText.of("Ville d'Échirolles")).isEqualTo(FoldedText.of("ville d echirolles"))
                .isEqualTo("ville d echirolles");
        assertThat(FoldedText.of("SAINT-ÉTIENNE")).isEqualTo("saint etienne");
        assertThat(FoldedText.of("  Pays   du Grésivaudan ! ")).isEqualTo("pays du gresivaudan");
        // Ligatures are not decomposed by Unicode: they are folded to plain letters all the same.
        assertThat(FoldedText.of("Cœur de Chartreuse, Lætitia")).matches("[a-z ]+");
    }

    @Test
    void lettersAndDigitsStayApart() {
        assertThat(FoldedText.of("Lyon 3e")).isNotEqualTo(FoldedText.of("Lyon 2e"));
        assertThat(FoldedText.of("CPTS n°38")).isEqualTo("cpts n 38");
        assertThat(FoldedText.of("Ça")).isEqualTo("ca");
    }

    @Test
    void nothingFoldsToEmpty() {
        assertThat(FoldedText.of(null)).isEmpty();
        assertThat(FoldedText.of(" - ' ")).isEmpty();
    }

    @Test
    void blankTypedTextIsNothing() {
        assertThat(Stripped.orNull(null)).isNull();
        assertThat(Stripped.orNull(" \t\n")).isNull();
        assertThat(Stripped.orNull("  Meylan ")).isEqualTo("Meylan");
        assertThat(Stripped.orNull("Saint Martin d'Hères")).isEqualTo("Saint Martin d'Hères");
    }
}
