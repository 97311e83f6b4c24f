package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of territories as people name them (arrondissements, former communes), in French; English in
 * messages/place_en.properties. A bundle of their own, to keep the pages' bundle ({@link Messages}) smaller.
 */
@MessageBundle(value = "place", locale = "fr")
public interface PlaceMessages {

    @Message("{count} arrondissements municipaux")
    String members_arrondissements(int count);

    @Message("{#if count < 2}Ancienne commune{#else}Anciennes communes ({count}){/if}")
    String former_title(int count);

    @Message("{#when type}{#is 'deleguee'}commune déléguée{#is 'associee'}commune associée{#else}ancien code{/when}")
    String former_type(String type);

    @Message("anciennement {name}")
    String formerly(String name);

    @Message("Le code {code}{#if name} ({name}){/if} est celui d'une ancienne commune, aujourd'hui partie de {current} : voici sa page.")
    String former_notice(String code, String name, String current);

    @Message("Arrondissement de {city} : les dispositifs de toute la ville le couvrent aussi. La carte dessine la ville entière "
            + "(pas de contour d'arrondissement dans la géographie de l'IGN diffusée ici).")
    String arrondissement_note(String city);

    @Message("{population} habitants.")
    String population(String population);

    @Message("Type de dispositif : carte, listes, chiffres et téléchargements de la page")
    String kind_tabs();

    @Message("Cette page ne compte que les dispositifs de type « {kind} » : carte, listes, chiffres et téléchargements.")
    String kind_chosen(String kind);

    @Message("Paris, Lyon et Marseille y comptent chacune pour une commune ; la liste nomme leurs arrondissements sans dispositif ({count}).")
    String white_zones_cities(int count);

    @Message("Arrondissement")
    String dl_arrondissement();
}
