package fr.dynamiques.sante.territory;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The density class ({@link Density}) of every commune of the COG loaded, and of any set of places. A municipal
 * arrondissement takes its city's class; a commune without an outline (none is known to lack one in metropolitan
 * France) is classed by its population alone. Computed once per COG load, when first asked.
 */
@ApplicationScoped
public class Densities {

    private record Classes(long loadId, Map<String, Density> byCommune) {
    }

    private final CogSnapshot cog;
    private final CommuneAreas areas;
    private volatile Classes classes;

    Densities(CogSnapshot cog, CommuneAreas areas) {
        this.cog = cog;
        this.areas = areas;
    }

    /** The class of a commune or of an arrondissement's city; rural for a code the COG does not know. */
    public Density ofPlace(String code) {
        CogSnapshot.CommuneFacts place = cog.place(code);
        return place == null ? Density.RURAL : classes().byCommune().getOrDefault(place.communeCode(), Density.RURAL);
    }

    /** The class most of these places' inhabitants live in; empty when they have none. */
    public Optional<Density> of(Collection<String> places) {
        Map<Density, Long> populations = new EnumMap<>(Density.class);
        places.stream().distinct().forEach(code -> {
            CogSnapshot.CommuneFacts place = cog.place(code);
            if (place != null) {
                populations.merge(ofPlace(code), place.population(), Long::sum);
            }
        });
        return Density.ofPopulations(populations);
    }

    private Classes classes() {
        Classes current = classes;
        long loadId = cog.loadId();
        if (current == null || current.loadId() != loadId) {
            Map<String, Double> km2 = areas.km2();
            Map<String, Density> byCommune = new HashMap<>();
            for (String department : cog.departmentsOfRegions(cog.regionCodes())) {
                for (String code : cog.communesOfDepartment(department)) {
                    CogSnapshot.CommuneFacts commune = cog.commune(code);
                    byCommune.put(code, Density.ofCommune(commune.population(), km2.getOrDefault(code, 0.0)));
                }
            }
            classes = current = new Classes(loadId, Map.copyOf(byCommune));
        }
        return current;
    }
}
