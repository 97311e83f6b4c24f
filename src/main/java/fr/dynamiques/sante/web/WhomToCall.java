package fr.dynamiques.sante.web;

import java.util.List;

import fr.dynamiques.sante.scheme.SchemeDocument.OrganisationRef;

/**
 * Whom to call about a commune, whether schemes cover it or not: the ARS of its région, and kind by kind the nearest
 * schemes at work with whom to ask about each.
 *
 * @param agency the ARS of the région; null for the overseas collectivities, which have none
 * @param located false when the commune has no outline, so no distance can be told (then {@code kinds} is empty)
 */
public record WhomToCall(String regionName, OrganisationRef agency, boolean located, List<Kind> kinds) {

    /**
     * The nearest schemes at work of one kind: covering the commune ({@code here}), else at {@code km} (whole km, between
     * the centroids of this commune and of the nearest commune they cover, named {@code near}); {@code label} in the
     * visitor's language.
     */
    public record Kind(String kind, String label, boolean here, long km, String near, List<WhomToAsk> schemes) {
    }
}
