package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What a figure can be trusted for, in French; English in messages/fig_en.properties. A bundle of its own: the pages'
 * bundle ({@link Messages}) is near the size where Qute's generated resolver stops verifying.
 */
@MessageBundle(value = "fig", locale = "fr")
public interface FigureMessages {

    @Message("Registre partiel : ces chiffres ne comptent que les dispositifs enregistrés dans l'annuaire, pas tous ceux qui existent sur le territoire.")
    String partial();

    @Message("Liste déclarée complète par l'ARS pour chaque région et chaque type comptés : ces chiffres sont ceux du territoire.")
    String complete();

    @Message("registre partiel")
    String partial_short();

    @Message("registre-partiel")
    String partial_file();

    @Message("Ce qui manque aux fiches de mes régions")
    String worklist_title();

    @Message("Dispositifs en cours (actifs ou en renouvellement) de vos régions auxquels manque :")
    String worklist_lead();

    @Message("Type de dispositif")
    String worklist_kind();

    @Message("tous les types")
    String worklist_all_kinds();

    @Message("Département")
    String worklist_department();

    @Message("Plusieurs possibles (Ctrl ou Cmd + clic) ; aucun choisi : tous les départements de mes régions.")
    String worklist_departments_hint();

    @Message("Filtrer")
    String worklist_filter();

    @Message("Dispositifs en cours pris en compte : {count}.")
    String worklist_considered(String count);

    @Message("{#when lack}{#is 'CONTACT'}un contact public (ni coordination consentante, ni contact d'organisation){#is 'END_DATE'}une date de fin{#is 'CHECK'}une vérification (jamais vérifiés){#is 'SOURCE'}une source{#is 'UNRESOLVED'}un périmètre entièrement reconnu (codes absents du COG){#else}{lack}{/when}")
    String lack(String lack);

    @Message("{count} dispositifs")
    String lack_count(long count);

    @Message("Les {count} premiers, par nom")
    String lack_listed(int count);

    @Message("Listes déclarées complètes")
    String declare_title();

    @Message("Quand la liste d'un type de dispositif de votre région est complète dans l'annuaire, déclarez-le : la couverture et les zones blanches de la région et de ce type ne diront plus « registre partiel ».")
    String declare_lead();

    @Message("Aucune déclaration pour vos régions : tous les chiffres y sont partiels.")
    String declare_none();

    @Message("Région")
    String declare_region();

    @Message("Type de dispositif")
    String declare_kind();

    @Message("La liste est complète")
    String declare_complete();

    @Message("Vérifiée le")
    String declare_as_of();

    @Message("Note (facultative)")
    String declare_note();

    @Message("Enregistrer la déclaration")
    String declare_submit();

    @Message("{#if complete}complète au {asOf}{#else}partielle (déclarée le {asOf}){/if}")
    String declared(boolean complete, String asOf);

    @Message("Passer la carte (ses territoires sont listés plus bas)")
    String map_skip();

    @Message("Les dispositifs sans date de fin, par nom")
    String undated_listed();

    @Message("Une fiche est vérifiée quand la personne qui en répond (coordination, ARS) confirme qu'elle est toujours exacte (« Toujours exact ») ou la corrige. Une fiche jamais vérifiée compte depuis sa création.")
    String verified_means();

    @Message("vérifiée le {date}")
    String verified_on(String date);

    @Message("jamais vérifiée")
    String never_verified();

    @Message("Paris et")
    String inset_paris_1();

    @Message("petite couronne")
    String inset_paris_2();
}
