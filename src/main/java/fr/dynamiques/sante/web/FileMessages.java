package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the files people take away (names, the workbook's first sheet), in French; English in
 * messages/file_en.properties. A bundle of its own: the pages' bundle ({@link Messages}) is at its size limit.
 */
@MessageBundle(value = "file", locale = "fr")
public interface FileMessages {

    @Message("À propos")
    String about_sheet();

    @Message("Données")
    String data_sheet();

    @Message("Source")
    String source();

    @Message("Annuaire des dynamiques territoriales de santé, {url}")
    String source_value(String url);

    @Message("Adresse de ce fichier")
    String address();

    @Message("Extrait le (heure de Paris)")
    String extracted();

    @Message("Filtres")
    String filters();

    @Message("aucun")
    String no_filter();

    @Message("Lignes")
    String rows();

    @Message("Licence")
    String licence();

    @Message("{name}, {url} : réutilisation libre, en citant la source")
    String licence_value(String name, String url);

    @Message("Colonnes (feuille « {sheet} »)")
    String columns(String sheet);

    @Message("{#when type}{#is 'number'}nombre{#is 'share'}part (pourcentage){#is 'date'}date (jj/mm/aaaa){#else}texte{/when}")
    String column_type(String type);

    @Message("Type de dispositif")
    String filter_kind();

    @Message("Territoire")
    String filter_territory();

    @Message("Statut")
    String filter_status();

    @Message("Recherche")
    String filter_query();

    @Message("Région")
    String filter_region();

    @Message("Département")
    String filter_department();

    @Message("Thème")
    String filter_theme();

    @Message("Financeur")
    String filter_funder();

    @Message("Échéance")
    String filter_horizon();

    @Message("dans les {months} prochains mois")
    String horizon_value(int months);

    @Message("{#when level}{#is 'COMMUNE'}commune{#is 'ARRONDISSEMENT'}arrondissement{#is 'EPCI'}EPCI{#is 'DEPARTMENT'}département{#is 'REGION'}région{#else}{level}{/when}")
    String level(String level);

    @Message("{#when level}{#is 'COMMUNE'}commune{#is 'ARRONDISSEMENT'}arrondissement{#is 'EPCI'}epci{#is 'DEPARTMENT'}departement{#is 'REGION'}region{#else}{level}{/when}")
    String level_file(String level);

    @Message("{months}-mois")
    String months_file(int months);

    @Message("Financements déclarés (€, toutes années)")
    String col_fundings();

    @Message("Population du territoire couverte")
    String col_covered_population();

    @Message("Part de la population du territoire")
    String col_share();

    @Message("Code département")
    String col_department_code();

    @Message("Département")
    String col_department();

    @Message("SIREN de l'EPCI")
    String col_epci_siren();

    @Message("EPCI")
    String col_epci();

    @Message("recherche")
    String name_search();

    @Message("Résultats d'une recherche dans l'annuaire")
    String title_search();

    @Message("dispositifs")
    String name_schemes();

    @Message("Dispositifs couvrant tout ou partie du territoire")
    String title_schemes();

    @Message("zones-blanches")
    String name_white_zones();

    @Message("Zones blanches : communes qu'aucun dispositif ne couvre")
    String title_white_zones();

    @Message("echeances")
    String name_ending();

    @Message("Dispositifs en cours arrivant à échéance")
    String title_ending();

    @Message("coordinateurs")
    String name_peers();

    @Message("Coordinations des dispositifs du territoire et des territoires qui l'entourent")
    String title_peers();

    @Message("dispositifs-annuaire")
    String name_registry();

    @Message("Tous les dispositifs publics de l'annuaire")
    String title_registry();
}
