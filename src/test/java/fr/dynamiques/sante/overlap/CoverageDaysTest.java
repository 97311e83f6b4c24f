package fr.dynamiques.sante.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;

/** The days coverage can be asked for: real days from 1990 to ten years ahead, and the history's 1 January. */
@Tag("unit")
class CoverageDaysTest {

    private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();

    private static String refused(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.errors().stream().map(FieldError::field).reduce((a, b) -> a + "," + b).orElse("");
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aDayIsReadOnlyWhenItIsARealOneInRange() {
        assertThat(CoverageDays.read("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
        assertThat(CoverageDays.read(" 1990-01-01 ")).contains(LocalDate.of(1990, 1, 1));
        assertThat(CoverageDays.read("2023-02-29")).as("not a leap year").isEmpty();
        assertThat(CoverageDays.read("2024-02-30")).isEmpty();
        assertThat(CoverageDays.read("1989-12-31")).isEmpty();
        assertThat(CoverageDays.read("15/03/2024")).isEmpty();
        assertThat(CoverageDays.read("2024-3-5")).isEmpty();
        assertThat(CoverageDays.read(LocalDate.of(THIS_YEAR + 9, 12, 31).toString())).isPresent();
        assertThat(CoverageDays.read(LocalDate.of(THIS_YEAR + 11, 1, 1).toString())).isEmpty();
    }

    @Test
    void atIsOptionalButNeverWithStatuses() {
        assertThat(CoverageDays.asked(null, List.of("ACTIVE"))).isNull();
        assertThat(CoverageDays.asked("2020-06-30", List.of())).isEqualTo(LocalDate.of(2020, 6, 30));
        assertThat(refused(() -> CoverageDays.asked("2020-06-31", List.of()))).isEqualTo("at");
        assertThat(refused(() -> CoverageDays.asked("2020-06-30", List.of("ACTIVE")))).isEqualTo("status");
    }

    @Test
    void theHistoryHasOneFirstOfJanuaryPerYear() {
        List<LocalDate> history = CoverageDays.januaries();
        assertThat(history.get(0)).isEqualTo(LocalDate.of(CoverageDays.HISTORY_FROM, 1, 1));
        assertThat(history).hasSize(THIS_YEAR - CoverageDays.HISTORY_FROM + 1)
                .allSatisfy(day -> assertThat(day.getDayOfYear()).isEqualTo(1)).isSorted().doesNotHaveDuplicates();
        assertThat(CoverageDays.januaries(null, " ")).isEqualTo(history);
        assertThat(CoverageDays.januaries("2019", "2021")).containsExactly(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 1, 1),
                LocalDate.of(2021, 1, 1));
        assertThat(CoverageDays.januaries("2020", "2020")).containsExactly(LocalDate.of(2020, 1, 1));
    }

    @Test
    void yearsOutOfRangeOrReversedAreRefused() {
        assertThat(refused(() -> CoverageDays.januaries("1989", null))).isEqualTo("from");
        assertThat(refused(() -> CoverageDays.januaries(null, String.valueOf(THIS_YEAR + 11)))).isEqualTo("to");
        assertThat(refused(() -> CoverageDays.januaries("20", null))).isEqualTo("from");
        assertThat(refused(() -> CoverageDays.januaries("2021", "2019"))).isEqualTo("from");
        assertThatThrownBy(() -> CoverageDays.januaries("deux mille", null)).isInstanceOf(ProblemException.class);
    }
}
