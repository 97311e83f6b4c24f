package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the CPTS maps (maturity stages), in French; English in messages/stage_en.properties. */
@MessageBundle(value = "stage", locale = "fr")
public interface StageMessages {

    /** A class of the map, by the name of its {@link StageClass}. */
    @Message("{#when cls}{#is 'ACI_SIGNED'}ACI signé — en fonctionnement{#is 'HEALTH_PROJECT_VALIDATED'}Projet de santé validé{#is 'LETTER_OF_INTENT'}Lettre d'intention{#is 'EMERGENCE'}Émergence{#is 'UNKNOWN'}Stade non renseigné{#else}Pas de CPTS en cours (zone blanche){/when}")
    String name(String cls);

    /** The same, short, as a commune's tooltip on the map says it. */
    @Message("{#when cls}{#is 'ACI_SIGNED'}ACI signé{#is 'HEALTH_PROJECT_VALIDATED'}projet de santé validé{#is 'LETTER_OF_INTENT'}lettre d'intention{#is 'EMERGENCE'}émergence{#is 'UNKNOWN'}stade non renseigné{#else}zone blanche{/when}")
    String said(String cls);

    @Message("Communes {name} selon le stade de la CPTS la plus avancée qui les couvre")
    String map_caption(String name);

    @Message("Communes {within} selon le stade de la CPTS la plus avancée qui les couvre ; {commune} entourée")
    String map_commune_caption(String within, String commune);

    @Message("Chaque commune prend le stade le plus avancé parmi les CPTS en cours (actives ou en renouvellement) qui la couvrent ; « stade non renseigné » quand aucune d'elles n'a de stade enregistré. Les hachures, points et lignes distinguent les stades sans la couleur.")
    String map_rule();

    @Message("CPTS en cours par stade : {name}")
    String table_caption(String name);

    @Message("Stade")
    String col_stage();

    @Message("Communes")
    String col_communes();

    @Message("Population")
    String col_population();

    @Message("Part de la population")
    String col_share();

    @Message("CPTS")
    String col_schemes();

    @Message("Les communes de la carte, par stade")
    String by_class();

    @Message("stades des CPTS")
    String geojson();

    // The national map of départements

    @Message("Un département ne peut avoir un seul stade : chaque département est coloré selon la part de sa population vivant dans une commune où une CPTS en cours a signé l'ACI ; la part de chaque stade est dans le tableau.")
    String departments_rule();

    @Message("Carte des départements colorés selon la part de leur population couverte par une CPTS ayant signé l'ACI ; départements d'outre-mer en cases sous la carte. Les mêmes chiffres et ceux de chaque stade figurent dans les tableaux.")
    String departments_caption();

    @Message("Part de la population dans une commune où une CPTS a signé l'ACI")
    String departments_legend();

    @Message("{share} de la population couverte par une CPTS ayant signé l'ACI")
    String department_share(String share);

    @Message("aucune commune où une CPTS a signé l'ACI")
    String departments_none();

    @Message("Stades des CPTS en France")
    String national_heading();
}
