package fr.dynamiques.sante.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import fr.dynamiques.sante.scheme.SchemeStatus;

/** A listing's cells as people fill them in: French dates, statuses in their words, people's names in any order. */
@Tag("unit")
class ListingReadingTest {

    @ParameterizedTest
    @ValueSource(strings = { "12/07/2023", "12.07.2023", "12-07-2023", "12/07/23", "2023-07-12", " 12/7/2023 " })
    void aDayIsReadDayFirstWhicheverWayItIsWritten(String text) {
        assertThat(Listing.date(text, false)).isEqualTo(LocalDate.of(2023, 7, 12));
        assertThat(Listing.date(text, true)).as("a whole day is the same day at either end")
                .isEqualTo(LocalDate.of(2023, 7, 12));
    }

    @Test
    void aMonthOrAYearStartsOnItsFirstDayAndEndsOnItsLast() {
        assertThat(Listing.date("07/2023", false)).isEqualTo(LocalDate.of(2023, 7, 1));
        assertThat(Listing.date("07/2023", true)).isEqualTo(LocalDate.of(2023, 7, 31));
        assertThat(Listing.date("2/2024", true)).as("leap year").isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Listing.date("2/2023", true)).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(Listing.date("2023", false)).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(Listing.date("2023", true)).isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void aSpreadsheetsDayNumberSavedAsTextIsADay() {
        // Spreadsheets count days from 30 December 1899: 45000 is 15 March 2023.
        assertThat(Listing.date("45000", false)).isEqualTo(LocalDate.of(2023, 3, 15));
        assertThat(Listing.date("45000.0", false)).isEqualTo(LocalDate.of(2023, 3, 15));
        assertThat(Listing.date("45001", false)).isEqualTo(LocalDate.of(2023, 3, 16));
        assertThat(Listing.date("12345", false)).as("too early to be a scheme's day").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "31/02/2023", "12/13/2023", "13/2023", "1850", "hier", "12 juillet", "", "2023-7-12" })
    void whatIsNotADayIsNothing(String text) {
        assertThat(Listing.date(text, false)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "En cours|ACTIVE",
            "Signée|ACTIVE",
            "opérationnelle|ACTIVE",
            "En projet|DRAFT",
            "Émergence|DRAFT",
            "en cours d'élaboration|DRAFT",
            "À renouveler|RENEWAL",
            "Renouvellement|RENEWAL",
            "Terminé|ENDED",
            "CLOSE|ENDED" })
    void statusesAreReadInPeoplesWords(String text, SchemeStatus status) {
        assertThat(Listing.status(text)).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = { "peut-être", "en cours de signature", "" })
    void anUnknownStatusIsNothing(String text) {
        assertThat(Listing.status(text)).isNull();
    }

    @Test
    void aPersonsNameIsSplitIntoFirstAndLastName() {
        assertThat(Listing.personName("Camille Exemple", null)).containsExactly("Camille", "Exemple");
        assertThat(Listing.personName("EXEMPLE Camille", null)).as("surname first, in capitals")
                .containsExactly("Camille", "EXEMPLE");
        assertThat(Listing.personName("Exemple, Camille", null)).containsExactly("Camille", "Exemple");
        assertThat(Listing.personName("Mme Camille Exemple", null)).containsExactly("Camille", "Exemple");
        assertThat(Listing.personName("Dr Jean Exemple-Modèle", "j@x.fr")).containsExactly("Jean", "Exemple-Modèle");
        assertThat(Listing.personName("Marie de La Tour", null)).containsExactly("Marie", "de La Tour");
    }

    @Test
    void withoutANameItIsReadFromAFirstDotLastEmail() {
        assertThat(Listing.personName(null, "camille.exemple@ars.sante.fr")).containsExactly("Camille", "Exemple");
        assertThat(Listing.personName(null, "contact@cpts.fr")).isNull();
        assertThat(Listing.personName(null, null)).isNull();
        assertThat(Listing.personName("Camille", null)).as("one word is not a full name").isNull();
        assertThat(Listing.personName("Exemple,", null)).isNull();
    }
}
