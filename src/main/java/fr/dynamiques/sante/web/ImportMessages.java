package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import fr.dynamiques.sante.spreadsheet.Preview;

/**
 * The words of the import pages, in French; English in messages/imp_en.properties. A bundle of their own, read on two
 * pages only: the pages' bundle ({@link Messages}) is near the size where Qute's generated resolver stops verifying.
 */
@MessageBundle(value = "imp", locale = "fr")
public interface ImportMessages {

    @Message("Importer une liste")
    String import_title();

    @Message("Votre liste telle que vous la tenez : une ligne par dispositif, les territoires en toutes lettres. Rien n'est écrit avant que vous ayez relu chaque ligne et validé.")
    String import_lead();

    @Message("Fichier")
    String import_file();

    @Message(".xlsx, .ods ou .csv ; 20 Mo et 10 000 lignes au plus")
    String import_file_hint();

    @Message("Type de dispositif des lignes qui ne le disent pas")
    String import_kind();

    @Message("— d'après le fichier —")
    String import_kind_from_file();

    @Message("Feuille (nom ou numéro ; par défaut la première qui a des données)")
    String import_sheet();

    @Message("Lire le fichier")
    String import_read();

    @Message("Mes imports")
    String import_mine();

    @Message("Aucun import pour l'instant.")
    String import_none();

    @Message("{#when status}{#is 'DRAFT'}brouillon, rien n'est encore écrit{#is 'COMMITTED'}écrit dans l'annuaire{#is 'UNDONE'}annulé{#else}{status}{/when}")
    String import_status(String status);

    @Message("Import de « {file} »")
    String import_draft_title(String file);

    @Message("feuille lue : {sheet}")
    String import_sheet_read(String sheet);

    @Message("{#when done}{#is 'choix'}Vos choix sont enregistrés ; l'aperçu est recalculé.{#is 'ecrit'}La liste est écrite dans l'annuaire.{#is 'annule'}L'import est annulé : l'annuaire est revenu à son état d'avant.{#else}C'est fait.{/when}")
    String import_done(String done);

    @Message("{s.rows} lignes : {s.create} à créer, {s.update} à mettre à jour, {s.unchanged} inchangées, {s.needsChoice} en attente d'un choix, {s.error} en erreur, {s.skipped} écartées.")
    String import_summary(Preview.Summary s);

    @Message("Rapport ligne à ligne (CSV)")
    String import_report_csv();

    @Message("Rapport ligne à ligne (Excel)")
    String import_report_xlsx();

    @Message("Colonnes")
    String import_columns();

    @Message("— ignorée —")
    String import_column_ignored();

    @Message("{#when field}{#is 'ref'}référence{#is 'name'}nom{#is 'kind'}type de dispositif{#is 'status'}statut{#is 'territory'}territoire (noms ou codes){#is 'communes'}communes{#is 'epcis'}EPCI{#is 'departments'}départements couverts{#is 'department'}département (pour les homonymes){#is 'startDate'}date de début ou de signature{#is 'endDate'}date de fin ou échéance{#is 'carrier'}porteur{#is 'partners'}partenaires{#is 'funders'}financeurs{#is 'coordinatorName'}coordonnateur·rice{#is 'coordinatorEmail'}courriel du coordonnateur·rice{#is 'coordinatorPhone'}téléphone du coordonnateur·rice{#is 'website'}site internet{#is 'themes'}thématiques{#is 'description'}description{#is 'source'}source{#else}{field}{/when}")
    String import_field(String field);

    @Message("Lignes du fichier")
    String import_rows();

    @Message("Ligne")
    String import_col_row();

    @Message("Nom")
    String import_col_name();

    @Message("Action")
    String import_col_action();

    @Message("Territoire")
    String import_col_territory();

    @Message("Écarter")
    String import_col_skip();

    @Message("{#when action}{#is 'create'}à créer{#is 'update'}à mettre à jour{#is 'unchanged'}inchangée{#is 'needsChoice'}en attente de votre choix{#is 'error'}en erreur{#is 'skipped'}écartée{#else}{action}{/when}")
    String import_action(String action);

    @Message("fiche existante : {name} ({#when how}{#is 'ref'}même référence{#is 'name'}même nom et département{#else}même population à 90 %{/when})")
    String import_match(String name, String how);

    @Message("{communes} communes, {population} habitants")
    String import_perimeter(String communes, String population);

    @Message("Voir la carte")
    String import_row_map();

    @Message("Voir la carte de la ligne {row}")
    String import_row_map_of(int row);

    @Message("Ligne {row} : {name}")
    String import_row_title(int row, String name);

    @Message("Communes")
    String import_row_communes();

    @Message("Population")
    String import_row_population();

    @Message("Territoire lu")
    String import_row_territory();

    @Message("laissé hors du périmètre")
    String import_row_left_out();

    @Message("{count} territoires possibles : à choisir sur la page de l'import")
    String import_row_undecided(int count);

    @Message("non reconnu")
    String import_row_unknown();

    @Message("Périmètre lu pour « {name} »")
    String import_row_map_caption(String name);

    @Message("Aucune commune à dessiner sur cette ligne : pas de carte.")
    String import_row_no_map();

    @Message("Retour à l'import, ligne {row}")
    String import_row_back(int row);

    @Message("Quel territoire pour « {given} » ?")
    String import_choose(String given);

    @Message("ne pas retenir ce nom")
    String import_leave_out();

    @Message("écarter la ligne {row}")
    String import_skip_row(int row);

    @Message("Enregistrer mes choix et recalculer")
    String import_save();

    @Message("Écrire dans l'annuaire")
    String import_commit();

    @Message("Tout ou rien : refusé tant qu'une ligne gardée attend un choix ou contient une erreur.")
    String import_commit_hint();

    @Message("Annuler cet import")
    String import_undo();

    @Message("Pendant 30 jours : les fiches créées sont retirées, les fiches mises à jour reprennent leur version d'avant ; refusé si l'une a changé depuis.")
    String import_undo_hint();
}
