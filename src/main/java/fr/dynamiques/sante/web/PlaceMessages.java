package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of territories as people name them (arrondissements, former communes): French in
 * messages/place_fr.properties, English in messages/place_en.properties. A bundle of their own, to keep the pages'
 * bundle ({@link Messages}) smaller.
 */
@MessageBundle(value = "place", locale = "fr")
public interface PlaceMessages {

    String members_arrondissements(int count);

    String former_title(int count);

    String former_type(String type);

    String formerly(String name);

    String former_notice(String code, String name, String current);

    String arrondissement_note(String city);

    String named_by(String way, String q, boolean commune);

    String named_more(int count);

    String why_covers(String name);

    String why_name();

    String why_description();

    String why_text();

    String population(String population);

    String kind_tabs();

    String kind_chosen(String kind);

    String white_zones_cities(int count);

    String dl_arrondissement();
}
