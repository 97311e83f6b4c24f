package fr.dynamiques.sante.territory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How densely a place is peopled, in three classes after INSEE's grille communale de densité (which sorts communes by
 * the population of their 1 km² cells; the registry has no cells, only each commune's population and the area of its
 * outline). A commune is:
 * <ul>
 * <li>urban when it has at least 1,500 inhabitants per km² and at least 5,000 inhabitants (a dense centre);
 * <li>intermediate when, not urban, it has at least 300 inhabitants per km² and 2,000 inhabitants, or at least 10,000
 * inhabitants whatever its area (a town with a wide territory, as Arles);
 * <li>rural otherwise.
 * </ul>
 * A territory of several communes takes the class in which most of its inhabitants live.
 */
public enum Density {
    RURAL,
    INTERMEDIATE,
    URBAN;

    static final double URBAN_DENSITY = 1_500;
    static final long URBAN_POPULATION = 5_000;
    static final double INTERMEDIATE_DENSITY = 300;
    static final long INTERMEDIATE_POPULATION = 2_000;
    static final long TOWN_POPULATION = 10_000;

    /** The name the API and the pages' parameters use: rural, intermediate, urban. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Density> fromApiName(String name) {
        for (Density density : values()) {
            if (density.apiName().equals(name)) {
                return Optional.of(density);
            }
        }
        return Optional.empty();
    }

    /** A commune's class from its population and its area in km². */
    public static Density ofCommune(long population, double km2) {
        double perKm2 = km2 > 0 ? population / km2 : 0;
        if (perKm2 >= URBAN_DENSITY && population >= URBAN_POPULATION) {
            return URBAN;
        }
        if (perKm2 >= INTERMEDIATE_DENSITY && population >= INTERMEDIATE_POPULATION || population >= TOWN_POPULATION) {
            return INTERMEDIATE;
        }
        return RURAL;
    }

    /** A territory's class: the one most of its inhabitants live in (the denser on a tie); empty for no inhabitant. */
    public static Optional<Density> ofPopulations(Map<Density, Long> populationByClass) {
        Density most = null;
        long largest = 0;
        for (Density density : values()) {
            long population = populationByClass.getOrDefault(density, 0L);
            if (population > 0 && population >= largest) {
                most = density;
                largest = population;
            }
        }
        return Optional.ofNullable(most);
    }
}
