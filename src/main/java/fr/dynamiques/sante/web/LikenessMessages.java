package fr.dynamiques.sante.web;

import java.util.List;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Schemes like one another and the density of territories: French in messages/like_fr.properties, English in
 * messages/like_en.properties. A bundle of its own, to keep the pages' bundle ({@link Messages}) smaller.
 */
@MessageBundle(value = "like", locale = "fr")
public interface LikenessMessages {

    String title();

    String intro();

    String none();

    String peers_link();

    String contact();

    String contact_label(String name);

    String score(String score);

    String themes(List<String> shared);

    String population(String mine, String other);

    String density_reason(String density);

    String span(String span);

    String stage();

    String size(int size);

    String generation(int generation);

    String neighbourhoods(long mine, long other);

    String facet_density();

    String density(String density);

    String density_term();

    String peers_title();

    String peers_title_for(String name);

    String peers_intro();

    String peers_yours();

    String peers_like(String name);
}
