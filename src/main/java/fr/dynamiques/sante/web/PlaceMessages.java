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

    @Message("{#when way}{#is 'postalCode'}Code postal {q}{#is 'code'}{#if commune}Code INSEE {q}{#else}Code officiel {q}{/if}{#is 'formerCode'}Code {q} d'une ancienne commune{#is 'formerName'}Nom d'une ancienne commune{#else}Nom{/when}")
    String named_by(String way, String q, boolean commune);

    @Message("et {count} autres")
    String named_more(int count);

    @Message("Couvre {name}")
    String why_covers(String name);

    @Message("Son nom correspond au texte")
    String why_name();

    @Message("Sa description correspond au texte")
    String why_description();

    @Message("Correspond au texte par ses lieux, thèmes ou partenaires")
    String why_text();

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
