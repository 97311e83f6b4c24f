package fr.dynamiques.sante.web;

import java.util.List;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Schemes like one another and the density of territories, in French; English in messages/like_en.properties. A bundle
 * of its own, to keep the pages' bundle ({@link Messages}) smaller.
 */
@MessageBundle(value = "like", locale = "fr")
public interface LikenessMessages {

    @Message("Dispositifs comparables")
    String title();

    @Message("Les dispositifs en activité qui ressemblent le plus à celui-ci, partout en France : thèmes en commun, population proche, même densité, même place dans l'intercommunalité et, selon le type, même stade, même génération.")
    String intro();

    @Message("Aucun dispositif en activité de ce type ne lui ressemble pour l'instant.")
    String none();

    @Message("Leurs coordinations, pour prendre contact")
    String peers_link();

    @Message("contacter")
    String contact();

    @Message("contacter {name}")
    String contact_label(String name);

    @Message("ressemblance {score}")
    String score(String score);

    @Message("mêmes thèmes : {#each shared}{it}{#if it_hasNext}, {/if}{/each}")
    String themes(List<String> shared);

    @Message("{other} hab. contre {mine}")
    String population(String mine, String other);

    @Message("territoire {#when density}{#is 'rural'}rural{#is 'intermediate'}intermédiaire{#is 'urban'}urbain{#else}{density}{/when}")
    String density_reason(String density);

    @Message("{#when span}{#is 'part'}une partie d'une intercommunalité, lui aussi{#is 'whole'}une intercommunalité entière, lui aussi{#is 'several'}sur plusieurs intercommunalités, lui aussi{#else}{span}{/when}")
    String span(String span);

    @Message("même stade")
    String stage();

    @Message("même taille de CPTS ({size})")
    String size(int size);

    @Message("{generation}{#if generation == 1}re{#else}e{/if} génération, lui aussi")
    String generation(int generation);

    @Message("{other} quartiers prioritaires contre {mine}")
    String neighbourhoods(long mine, long other);

    @Message("Densité du territoire")
    String facet_density();

    @Message("{#when density}{#is 'rural'}Rural{#is 'intermediate'}Intermédiaire{#is 'urban'}Urbain{#else}{density}{/when}")
    String density(String density);

    @Message("Territoire")
    String density_term();

    @Message("Des pairs comme vous")
    String peers_title();

    @Message("Des pairs comme vous : dispositifs comparables à « {name} »")
    String peers_title_for(String name);

    @Message("Les dispositifs en activité qui ressemblent le plus au vôtre, partout en France, et leurs coordinations quand elles acceptent d'être contactées.")
    String peers_intro();

    @Message("Les dispositifs qui ressemblent à ceux que vous coordonnez :")
    String peers_yours();

    @Message("comparables à « {name} »")
    String peers_like(String name);
}
