package fr.dynamiques.sante.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Column headers as people write them, read as the directory's fields. */
@Tag("unit")
class HeadersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Nom CPTS|name",
            "NOM DU DISPOSITIF|name",
            "Territoire|territory",
            "Dpt|department",
            "N° département|department",
            "Départements|departments",
            "Date de signature|startDate",
            "Date de fin (prévisionnelle)|endDate",
            "Coordonnateur·rice|coordinatorName",
            "Contact/Courriel/Email|coordinatorEmail",
            "Téléphone|coordinatorPhone",
            "Codes INSEE|communes",
            "Type de dispositif|kind",
            "État d'avancement|status",
            "Site internet|website" })
    void aHeaderReadsAsTheFieldItsWordingNames(String header, String field) {
        assertThat(Headers.field(header)).isEqualTo(field);
        assertThat(Headers.isField(field)).isTrue();
    }

    @Test
    void theLongestWordingAHeaderStartsWithWins() {
        // "nom" alone is a name, "nom du coordonnateur" a person.
        assertThat(Headers.field("Nom")).isEqualTo("name");
        assertThat(Headers.field("Nom du coordonnateur")).isEqualTo("coordinatorName");
        assertThat(Headers.field("Site")).isEqualTo("website");
        assertThat(Headers.field("Contact du coordonnateur")).as("starts with 'contact'").isEqualTo("coordinatorEmail");
    }

    @Test
    void aWordingCountsOnlyAsWholeWords() {
        assertThat(Headers.field("Finances")).as("not 'fin'").isNull();
        assertThat(Headers.field("Identité")).as("not 'id'").isNull();
        assertThat(Headers.field("Colonne 7")).isNull();
        assertThat(Headers.field("  ")).isNull();
        assertThat(Headers.field(null)).isNull();
    }

    @Test
    void everyFieldIsOneOfTheDirectorys() {
        assertThat(Headers.isField("population")).isFalse();
        assertThat(Headers.FIELDS).doesNotHaveDuplicates().contains("name", "kind", "territory");
    }
}
