package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Whom to call about a commune (its ARS, the nearest schemes at work and whom to ask about each): French in
 * messages/whom_fr.properties, English in messages/whom_en.properties. A bundle of its own, to keep the pages' bundle
 * ({@link Messages}) smaller.
 */
@MessageBundle(value = "whom", locale = "fr")
public interface WhomMessages {

    String title();

    String agency(String region);

    String agency_site(String name);

    String no_agency(String region);

    String nearest_title();

    String covered(String kind);

    String nearest(String kind, long km, String near);

    String ask();

    String ask_coordinator();

    String ask_carrier();

    String ask_agency();

    String distance_note();

    String not_located();
}
