package fr.dynamiques.sante.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The density rule at its thresholds, and a territory's class from where most of its inhabitants live. */
@Tag("unit")
class DensityTest {

    @Test
    void aCommuneIsClassedByItsDensityAndItsPopulation() {
        assertThat(Density.ofCommune(5_000, 5_000 / 1_500.0)).isEqualTo(Density.URBAN);
        assertThat(Density.ofCommune(4_999, 1.0)).as("dense but small: not a centre").isEqualTo(Density.INTERMEDIATE);
        assertThat(Density.ofCommune(5_000, 5_000 / 1_499.0)).isEqualTo(Density.INTERMEDIATE);
        assertThat(Density.ofCommune(2_000, 2_000 / 300.0)).isEqualTo(Density.INTERMEDIATE);
        assertThat(Density.ofCommune(1_999, 1.0)).isEqualTo(Density.RURAL);
        assertThat(Density.ofCommune(2_000, 2_000 / 299.0)).isEqualTo(Density.RURAL);
        assertThat(Density.ofCommune(10_000, 500)).as("a town over a wide territory").isEqualTo(Density.INTERMEDIATE);
        assertThat(Density.ofCommune(300, 0)).as("no outline: by population alone").isEqualTo(Density.RURAL);
    }

    @Test
    void aTerritoryTakesTheClassMostOfItsInhabitantsLiveIn() {
        assertThat(Density.ofPopulations(Map.of(Density.RURAL, 30_000L, Density.URBAN, 20_000L))).contains(Density.RURAL);
        assertThat(Density.ofPopulations(Map.of(Density.RURAL, 20_000L, Density.URBAN, 20_000L))).contains(Density.URBAN);
        assertThat(Density.ofPopulations(Map.of())).isEmpty();
        assertThat(Density.fromApiName("intermediate")).contains(Density.INTERMEDIATE);
        assertThat(Density.fromApiName("INTERMEDIATE")).isEmpty();
    }
}
