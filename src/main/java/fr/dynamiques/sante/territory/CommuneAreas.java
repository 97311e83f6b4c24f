package fr.dynamiques.sante.territory;

import java.util.Map;

/**
 * The surface of each commune, which the COG does not give: the communes' outlines (the {@code geo} feature) do. An
 * interface here so that the referential's densities need not know maps.
 */
public interface CommuneAreas {

    /** The area of every commune that has an outline, in km², by INSEE code. */
    Map<String, Double> km2();
}
