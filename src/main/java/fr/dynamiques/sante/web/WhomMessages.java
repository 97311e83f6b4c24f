package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Whom to call about a commune (its ARS, the nearest schemes at work and whom to ask about each), in French; English in
 * messages/whom_en.properties. A bundle of its own, to keep the pages' bundle ({@link Messages}) smaller.
 */
@MessageBundle(value = "whom", locale = "fr")
public interface WhomMessages {

    @Message("Qui contacter ?")
    String title();

    @Message("L'agence régionale de santé ({region}) connaît les dispositifs de la région, ceux qui se préparent, et peut dire à qui s'adresser :")
    String agency(String region);

    @Message("site de l'{name}")
    String agency_site(String name);

    @Message("{region} n'a pas d'agence régionale de santé : adressez-vous aux services de santé de la collectivité.")
    String no_agency(String region);

    @Message("Les dispositifs en activité les plus proches, type par type :")
    String nearest_title();

    @Message("{kind} : la commune est couverte par")
    String covered(String kind);

    @Message("{kind} : aucun dispositif de ce type ne la couvre ; le plus proche est à {#if km == 0}moins d'un km{#else}{km} km{/if} ({near}) :")
    String nearest(String kind, long km, String near);

    @Message("à contacter :")
    String ask();

    @Message("sa coordination")
    String ask_coordinator();

    @Message("son porteur")
    String ask_carrier();

    @Message("l'ARS")
    String ask_agency();

    @Message("Distances à vol d'oiseau entre le centre de la commune et celui de la commune la plus proche que le dispositif couvre. Un type absent de la liste n'a aucun dispositif en activité dans l'annuaire.")
    String distance_note();

    @Message("Cette commune n'a pas de contour dans la géographie diffusée ici : les dispositifs les plus proches ne peuvent pas être situés.")
    String not_located();
}
