package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Coverage through time on the pages (the chart since 2015, the figures of a chosen day), in French; English in
 * messages/hist_en.properties. A bundle of its own: the pages' bundle ({@link Messages}) is at its size limit.
 */
@MessageBundle(value = "hist", locale = "fr")
public interface HistoryMessages {

    @Message("Couverture depuis {from}")
    String title(int from);

    @Message("Part de la population couverte au 1er janvier de chaque année, de {from} à {to} : {name}{#if kind}, {kind}{/if}. "
            + "Le tableau qui suit donne les mêmes chiffres.")
    String caption(int from, int to, String name, String kind);

    @Message("Couverture au 1er janvier : {name}")
    String table_caption(String name);

    @Message("Un dispositif compte de sa date de début à sa date de fin, quel que soit son statut aujourd'hui (un contrat terminé "
            + "compte les années où il était en cours) ; une génération dont le début n'est pas connu commence le lendemain de la fin "
            + "de la précédente. Ceux dont la date de début reste inconnue ne sont pas comptés : la dernière colonne dit combien.")
    String rule();

    @Message("1er janvier")
    String col_date();

    @Message("Population couverte")
    String col_covered();

    @Message("Part couverte")
    String col_share();

    @Message("Dispositifs en cours")
    String col_schemes();

    @Message("Début inconnu")
    String col_unknown();

    @Message("Voir les chiffres à une date")
    String at_legend();

    @Message("Date")
    String at_label();

    @Message("Du {first} au {last}.")
    String at_hint(String first, String last);

    @Message("Afficher")
    String at_submit();

    @Message("Revenir aux chiffres d'aujourd'hui")
    String at_today();

    @Message("« {given} » n'est pas une date que l'annuaire peut montrer : choisissez un jour du {first} au {last}. "
            + "Les chiffres ci-dessous sont ceux d'aujourd'hui.")
    String at_invalid(String given, String first, String last);

    @Message("Chiffres au {day} : la carte et le tableau sont ceux de ce jour-là. Un dispositif y compte de sa date de début à "
            + "sa date de fin, quel que soit son statut aujourd'hui.")
    String at_notice_coverage(String day);

    @Message("Chiffres au {day} : la carte, la couverture et les zones blanches sont celles de ce jour-là (un dispositif y compte "
            + "de sa date de début à sa date de fin, quel que soit son statut aujourd'hui). Les listes de dispositifs et de "
            + "chevauchements sont celles d'aujourd'hui.")
    String at_notice_territory(String day);

    @Message("{#if count == 1}1 dispositif à date de début inconnue, non compté.{#else}{count} dispositifs à date de début inconnue, non comptés.{/if}")
    String unknown_start(int count);
}
