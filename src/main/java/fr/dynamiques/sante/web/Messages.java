package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word the pages show, in French; the English version is messages/msg_en.properties. Codes of closed lists
 * (statuses, roles, levels...) are spelt out here, so that templates never show an API code.
 */
@MessageBundle(value = "msg", locale = "fr")
public interface Messages {

    // Layout

    @Message("Annuaire des dynamiques territoriales de santé")
    String site_name();

    @Message("Aller au contenu")
    String skip_to_content();

    @Message("Navigation principale")
    String nav_label();

    @Message("Recherche")
    String nav_search();

    @Message("Couverture")
    String nav_coverage();

    @Message("Échéances")
    String nav_ending();

    @Message("Coordinateurs")
    String nav_coordinators();

    @Message("English")
    String switch_language();

    @Message("Territoires : Code officiel géographique 2026 (INSEE, via Etalab, Licence Ouverte). Données ouvertes du registre :")
    String footer_data();

    @Message("périmètres en GeoJSON")
    String footer_export_geojson();

    @Message("API JSON")
    String footer_api();

    @Message("Fond de carte des départements :")
    String map_credit();

    // Vocabulary

    @Message("{#when status}{#is 'DRAFT'}en projet{#is 'ACTIVE'}en cours{#is 'RENEWAL'}en renouvellement{#is 'ENDED'}terminé{#else}{status}{/when}")
    String status(String status);

    @Message("{#when role}{#is 'CARRIER'}Porteurs{#is 'SIGNATORY'}Signataires{#is 'FUNDER'}Financeurs{#is 'PARTNER'}Partenaires{#is 'EMPLOYER'}Employeurs{#else}{role}{/when}")
    String role(String role);

    @Message("{#when level}{#is 'commune'}commune{#is 'arrondissement'}arrondissement municipal{#is 'epci'}intercommunalité (EPCI){#is 'department'}département{#is 'region'}région{#else}{level}{/when}")
    String level(String level);

    @Message("{#when facet}{#is 'kind'}Type de dispositif{#is 'status'}Statut{#is 'region'}Région{#is 'department'}Département{#is 'theme'}Thème{#is 'funder'}Financeur{#else}{facet}{/when}")
    String facet(String facet);

    @Message("{#when stage}{#is 'EMERGENCE'}émergence{#is 'LETTER_OF_INTENT'}lettre d'intention{#is 'HEALTH_PROJECT_VALIDATED'}projet de santé validé{#is 'ACI_SIGNED'}ACI signé{#else}{stage}{/when}")
    String cpts_stage(String stage);

    @Message("{#when step}{#is 'DIAGNOSIS'}diagnostic{#is 'PRIORITISATION'}priorisation{#is 'PLANNING'}programmation{#is 'IMPLEMENTATION'}mise en œuvre{#is 'EVALUATION'}évaluation{#else}{step}{/when}")
    String project_step(String step);

    @Message("{#when criterion}{#is 'POLITICAL'}Démarche politique{#is 'PROJECT'}Démarche de projet{#is 'TERRITORIALISED'}Démarche territorialisée{#is 'BOTTOM_UP'}Démarche ascendante{#is 'PARTNERSHIP'}Démarche partenariale{#is 'CROSS_SECTORAL'}Démarche transversale{#is 'COORDINATED'}Démarche coordonnée{#else}{criterion}{/when}")
    String criterion(String criterion);

    @Message("Région")
    String facet_region();

    @Message("Thème")
    String facet_theme();

    @Message("Tous les dispositifs")
    String all_kinds();

    @Message("Toutes les régions")
    String all_regions();

    @Message("Tous les thèmes")
    String all_themes();

    @Message("départements")
    String level_departments();

    @Message("régions")
    String level_regions();

    @Message("{count} {#if count < 2}dispositif en cours{#else}dispositifs en cours{/if}")
    String scheme_count(int count);

    @Message("{population} hab.")
    String inhabitants(String population);

    @Message("Coordination")
    String coordinator();

    @Message("coordonnées non publiées (sans consentement)")
    String contact_not_public();

    @Message("Non renseigné.")
    String none_known();

    @Message("{count} {#if count < 2}commune membre{#else}communes membres{/if}")
    String members_communes(int count);

    @Message("{count} {#if count < 2}intercommunalité (EPCI){#else}intercommunalités (EPCI){/if}")
    String members_epcis(int count);

    @Message("{count} départements")
    String members_departments(int count);

    // Table columns

    @Message("Dispositif")
    String col_scheme();

    @Message("Type")
    String col_kind();

    @Message("Types")
    String col_kinds();

    @Message("Statut")
    String col_status();

    @Message("Fin")
    String col_end();

    @Message("Territoire")
    String col_territory();

    @Message("Population")
    String col_population();

    @Message("Population couverte")
    String col_covered_population();

    @Message("Communes couvertes")
    String col_covered_communes();

    @Message("Taux de couverture")
    String col_ratio();

    @Message("Dispositifs")
    String col_schemes();

    @Message("Par type")
    String col_by_kind();

    @Message("Communes partagées")
    String col_shared_communes();

    @Message("Population partagée")
    String col_shared_population();

    @Message("Part de ce dispositif")
    String col_share_of_this();

    @Message("Part de l'autre")
    String col_share_of_other();

    @Message("Part du territoire")
    String col_share_of_territory();

    @Message("Paires de dispositifs")
    String col_pairs();

    @Message("Critère")
    String col_criterion();

    @Message("Note")
    String col_score();

    @Message("Commentaire")
    String col_comment();

    // Home

    @Message("Les dynamiques territoriales de santé")
    String home_title();

    @Message("Ateliers santé ville, contrats locaux de santé, conseils locaux de santé mentale, communautés professionnelles territoriales de santé : qui agit sur quel territoire, avec qui, depuis quand.")
    String home_intro();

    @Message("Le registre en chiffres")
    String home_figures();

    @Message("dispositifs en cours ou en renouvellement")
    String home_schemes_at_work();

    @Message("de la population vit dans une commune couverte ({covered} hab. sur {total})")
    String home_population_covered(String covered, String total);

    @Message("Par région")
    String home_by_region();

    // Search

    @Message("Rechercher un dispositif")
    String search_title();

    @Message("Recherche : {q}")
    String search_title_for(String q);

    @Message("Dispositif, commune, code postal, thème, partenaire")
    String search_label();

    @Message("Rechercher")
    String search_button();

    @Message("Par exemple : Échirolles, santé mentale Grenoble, 38130, CPTS.")
    String search_hint();

    @Message("Affiner")
    String search_filters();

    @Message("Appliquer les filtres")
    String search_apply();

    @Message("Effacer les filtres")
    String search_clear();

    @Message("Aucun dispositif ne correspond. Essayez moins de mots ou retirez des filtres.")
    String search_nothing();

    @Message("{#if count == 0}Aucun résultat{#else if count == 1}1 résultat{#else}{count} résultats{/if}")
    String result_count(long count);

    @Message("Trier par")
    String sort_label();

    @Message("pertinence")
    String sort_relevance();

    @Message("nom")
    String sort_name();

    @Message("date de début")
    String sort_start();

    @Message("population")
    String sort_population();

    @Message("Trier")
    String sort_button();

    @Message("Pages de résultats")
    String paging_label();

    @Message("Page précédente")
    String paging_previous();

    @Message("Page suivante")
    String paging_next();

    @Message("Page {page} sur {pages}")
    String paging_position(int page, long pages);

    // Scheme

    @Message("Début")
    String scheme_start();

    @Message("Fin prévue")
    String scheme_end();

    @Message("Génération")
    String scheme_generation();

    @Message("Étape CPTS")
    String scheme_cpts_stage();

    @Message("depuis le {date}")
    String scheme_aci_since(String date);

    @Message("Taille CPTS (1 à 4)")
    String scheme_cpts_size();

    @Message("Établissement co-porteur")
    String scheme_hospital();

    @Message("Quartiers prioritaires")
    String scheme_qpv();

    @Message("Étape du projet")
    String scheme_project_step();

    @Message("Thèmes")
    String scheme_themes();

    @Message("Site")
    String scheme_website();

    @Message("Périmètre")
    String scheme_perimeter();

    @Message("{communes} {#if communes < 2}commune{#else}communes{/if}, {population} habitants.")
    String scheme_perimeter_size(int communes, String population);

    @Message("Intercommunalités déclarées")
    String scheme_declared_epcis();

    @Message("{count} {#if count < 2}commune couverte{#else}communes couvertes{/if}")
    String scheme_communes(int count);

    @Message("Partenaires")
    String scheme_partners();

    @Message("Financements")
    String scheme_fundings();

    @Message("Financeur")
    String funding_organisation();

    @Message("Année")
    String funding_year();

    @Message("Montant")
    String funding_amount();

    @Message("Objet")
    String funding_purpose();

    @Message("Coordination")
    String scheme_coordinators();

    @Message("Chevauchements")
    String scheme_overlaps();

    @Message("Aucun autre dispositif du registre ne couvre ces communes.")
    String scheme_no_overlap();

    @Message("Dispositifs partageant des communes avec celui-ci, la plus grande population partagée d'abord")
    String scheme_overlaps_caption();

    @Message("Historique")
    String scheme_history();

    @Message("Avenants")
    String scheme_amendments();

    @Message("génération {n}")
    String generation_n(Integer n);

    @Message("Démarche territorialisée")
    String scheme_approach();

    @Message("Pas d'auto-évaluation renseignée.")
    String scheme_approach_none();

    @Message("Auto-évaluation sur la grille de la démarche territorialisée (0 à 3)")
    String scheme_approach_caption();

    @Message("Source :")
    String scheme_source();

    @Message("Vérifié le {date}.")
    String scheme_verified(String date);

    @Message("Cette fiche en JSON")
    String scheme_json();

    // Territory

    @Message("{population} habitants, {communes} {#if communes < 2}commune{#else}communes{/if}.")
    String territory_size(String population, int communes);

    @Message("Dans :")
    String territory_within();

    @Message("{#if count == 0}Aucun dispositif{#else if count == 1}1 dispositif{#else}{count} dispositifs{/if} sur ce territoire{#if count > 0}, tous statuts : {atWork} en cours{/if}")
    String territory_schemes(int count, long atWork);

    @Message("Aucun dispositif du registre ne couvre ce territoire.")
    String territory_no_scheme();

    @Message("entier")
    String whole();

    @Message("Les rechercher : {kind} ici")
    String stack_all(String kind);

    @Message("Chevauchements")
    String territory_overlaps();

    @Message("Paires de dispositifs en cours partageant des communes de ce territoire, par types")
    String territory_overlaps_caption();

    @Message("Couverture")
    String territory_coverage();

    @Message("Population des communes couvertes par au moins un dispositif en cours (chaque commune comptée une fois)")
    String territory_coverage_caption();

    @Message("Zones blanches")
    String territory_white_zones();

    @Message("Chaque commune est couverte par au moins un dispositif en cours.")
    String white_zones_none();

    @Message("{count} {#if count < 2}commune sans dispositif en cours{#else}communes sans dispositif en cours{/if}{#if kind} ({kind}){/if}, {population} hab. non couverts ; les plus peuplées d'abord :")
    String white_zones_summary(int count, String population, String kind);

    @Message("et {count} {#if count < 2}autre{#else}autres{/if}.")
    String and_more(int count);

    @Message("La liste complète (JSON)")
    String white_zones_all();

    // Coordinators

    @Message("Trouver des pairs")
    String coordinators_title();

    @Message("Coordinateurs autour de {name}")
    String coordinators_title_for(String name);

    @Message("Les coordinateurs des dispositifs en cours sur un territoire, puis sur l'intercommunalité, le département et la région qui l'entourent. Leurs coordonnées n'apparaissent qu'avec leur consentement.")
    String coordinators_intro();

    @Message("Territoire")
    String coordinators_territory();

    @Message("Commune, code postal, intercommunalité, département ou région.")
    String coordinators_territory_hint();

    @Message("Chercher")
    String coordinators_button();

    @Message("Aucun territoire ne correspond à « {text} ».")
    String coordinators_no_territory(String text);

    @Message("Vous cherchiez peut-être :")
    String coordinators_others();

    @Message("À {name}")
    String ring_here(String name);

    @Message("Ailleurs dans {name}")
    String ring_around(String name);

    @Message("Aucun dispositif en cours ici.")
    String ring_empty();

    @Message("et {count} {#if count < 2}autre dispositif{#else}autres dispositifs{/if} : affinez par type ou par thème.")
    String ring_more(int count);

    @Message("Pas de coordination renseignée.")
    String no_coordinator();

    // Coverage

    @Message("Couverture des départements")
    String coverage_title();

    @Message("Part de la population de chaque département vivant dans une commune couverte par au moins un dispositif en cours ou en renouvellement.")
    String coverage_intro();

    @Message("Types de dispositif")
    String coverage_kinds();

    @Message("Carte des départements colorés selon leur taux de couverture ; départements d'outre-mer en cases sous la carte. Les mêmes chiffres figurent dans le tableau.")
    String coverage_map_caption();

    @Message("Légende")
    String coverage_legend();

    @Message("aucune commune couverte")
    String legend_none();

    @Message("jusqu'à {percent} %")
    String legend_up_to(int percent);

    @Message("Couverture par département")
    String coverage_table_caption();

    // Ending

    @Message("Échéances des dispositifs")
    String ending_title();

    @Message("Les dispositifs en cours ou en renouvellement dont la date de fin approche, par région : les renouvellements à préparer.")
    String ending_intro();

    @Message("Horizon")
    String ending_horizon();

    @Message("{months} mois")
    String months(int months);

    @Message("Afficher")
    String ending_button();

    @Message("{#if count == 0}Aucun dispositif ne se termine{#else if count == 1}1 dispositif se termine{#else}{count} dispositifs se terminent{/if} d'ici le {until}.")
    String ending_count(long count, String until);

    @Message("{count} autres ne sont pas listés : choisissez une région ou un type.")
    String ending_more(long count);

    // Errors

    @Message("{#when status}{#is 404}Page introuvable{#is 400}Demande incorrecte{#is 401}Connexion nécessaire{#is 403}Action refusée{#is 405}Action impossible{#is 409}Fiche modifiée entre-temps{#is 413}Demande trop volumineuse{#is 503}Service momentanément indisponible{#else}Erreur inattendue{/when}")
    String error_title(int status);

    @Message("{#when status}{#is 404}Cette page n'existe pas, ou plus : le dispositif ou le territoire demandé n'est pas dans le registre.{#is 400}Un paramètre de l'adresse n'est pas valide :{#is 401}Connectez-vous pour faire cette action.{#is 403}Cette action ne vous est pas permise, ou le formulaire a expiré : rechargez la page et recommencez.{#is 405}Cette adresse ne permet pas cette action.{#is 409}La fiche a changé depuis que vous l'avez ouverte : rien n'a été enregistré.{#is 413}La demande dépasse la taille acceptée.{#is 503}Une partie du service est momentanément arrêtée : réessayez dans quelques secondes.{#else}Une erreur inattendue s'est produite ; elle a été enregistrée. Réessayez plus tard.{/when}")
    String error_text(int status);

    @Message("Retour à l'accueil")
    String error_home();

    // Sign-in and the signed-in space

    @Message("Mon espace")
    String nav_space();

    @Message("Connexion")
    String nav_signin();

    @Message("Se déconnecter")
    String nav_signout();

    @Message("Connexion")
    String signin_title();

    @Message("Pour les coordinations, les ARS et l'équipe du réseau : tenir les fiches à jour et valider les changements.")
    String signin_intro();

    @Message("Adresse électronique")
    String signin_email();

    @Message("Mot de passe")
    String signin_password();

    @Message("Se connecter")
    String signin_button();

    @Message("Trop de tentatives : réessayez dans un quart d'heure.")
    String signin_throttled();

    @Message("Adresse ou mot de passe incorrect.")
    String signin_wrong();

    @Message("{#when role}{#is 'ADMIN'}administration du réseau{#is 'ARS'}ARS{#is 'COORDINATOR'}coordination{#is 'PARTNER'}partenaire{#else}{role}{/when}")
    String account_role(String role);

    @Message("Mon espace")
    String space_title();

    @Message("La fiche a changé depuis que vous l'avez ouverte")
    String edit_changed_title();

    @Message("Quelqu'un a publié une modification de cette fiche pendant que vous la modifiiez. Rien n'a été enregistré, pour ne pas effacer son travail : rouvrez le formulaire, qui montre la fiche à jour, et refaites votre modification.")
    String edit_changed_text();

    @Message("Rouvrir le formulaire à jour")
    String edit_changed_reload();

    @Message("Voir la fiche publiée")
    String edit_changed_view();

    @Message("Mon compte")
    String space_account();

    @Message("Fermer votre compte le supprime tout de suite : votre adresse, votre nom et votre mot de passe sont effacés, vos jetons d'accès et vos sessions cessent de fonctionner. Les fiches que vous coordonnez ne changent pas (vos coordonnées de coordination se retirent sous « Mes données »).")
    String space_account_text();

    @Message("Je confirme vouloir supprimer mon compte")
    String space_account_confirm();

    @Message("Supprimer mon compte")
    String space_account_delete();

    @Message("Votre compte est supprimé.")
    String home_account_deleted();

    @Message("{#when done}{#is 'propose'}Votre proposition est envoyée : elle sera publiée après validation par l'ARS.{#is 'publie'}La modification est publiée.{#is 'verifie'}La fiche est marquée comme vérifiée aujourd'hui.{#is 'approuve'}La proposition est publiée.{#is 'rejete'}La proposition est rejetée.{#is 'consentement'}Vos coordonnées ne sont plus publiées.{#is 'demande-close'}La demande de compte est close et effacée.{#else}C'est fait.{/when}")
    String space_done(String done);

    @Message("Mes dispositifs")
    String space_mine();

    @Message("vérifiée le {date}")
    String space_verified(String date);

    @Message("jamais vérifiée")
    String space_never();

    @Message("Toujours exact")
    String space_still_accurate();

    @Message("Modifier")
    String space_edit();

    @Message("Propositions en attente ({count})")
    String space_queue(int count);

    @Message("Aucune proposition en attente.")
    String space_queue_empty();

    @Message("Ce que la proposition change")
    String space_changes();

    @Message("Champ")
    String space_field();

    @Message("Publié")
    String space_before();

    @Message("Proposé")
    String space_after();

    @Message("Approuver et publier")
    String space_approve();

    @Message("Motif du rejet")
    String space_reason();

    @Message("Rejeter")
    String space_reject();

    @Message("Fiches non vérifiées depuis 12 mois ({count})")
    String space_stale(int count);

    @Message("Modifier : {name}")
    String edit_title(String name);

    @Message("Vos modifications seront proposées à l'ARS de la région, et publiées une fois validées.")
    String edit_proposes();

    @Message("Vos modifications seront publiées immédiatement, et gardées dans l'historique.")
    String edit_publishes();

    @Message("Description")
    String edit_description();

    @Message("séparés par des virgules")
    String edit_themes_hint();

    @Message("Proposer")
    String edit_propose();

    @Message("Publier")
    String edit_publish();

    @Message("Annuler")
    String edit_cancel();

    @Message("Fiches non vérifiées depuis 12 mois, ou depuis leur création si elles ne l'ont jamais été ({count}, 50 au plus)")
    String ending_unverified(int count);

    @Message("Toutes les fiches en cours ont été vérifiées depuis moins d'un an.")
    String ending_unverified_none();

    @Message("Historique des modifications")
    String history_title();

    @Message("Modifications publiées, visibles des personnes connectées qui répondent de la fiche")
    String history_caption();

    @Message("Date")
    String history_at();

    @Message("{#when action}{#is 'CREATE'}création{#is 'UPDATE'}modification{#is 'DELETE'}suppression{#is 'IMPORT'}import{#is 'APPROVE'}proposition approuvée{#is 'COG_UPDATE'}mise à jour de la géographie (COG){#else}{action}{/when}")
    String history_action(String action);

    @Message("Champs modifiés")
    String history_fields();

    @Message("Mes données")
    String space_my_data();

    @Message("Votre nom et vos coordonnées sont publiés sur au moins une fiche, avec votre consentement.")
    String space_contact_published();

    @Message("Retirer mon consentement (ne plus publier mes coordonnées)")
    String space_withdraw();

    // Commune maps

    @Message("{count} {#if count < 2}commune n'a pas de contour et n'est pas dessinée{#else}communes n'ont pas de contour et ne sont pas dessinées{/if} (collectivités d'outre-mer, ou outre-mer hors de ce cadre).")
    String map_undrawn(int count);

    @Message("Communes {name} selon le nombre de dispositifs en cours{#if kind} ({kind}){/if}")
    String map_counts_caption(String name, String kind);

    @Message("Communes {within} selon le nombre de dispositifs en cours{#if kind} ({kind}){/if} ; {commune} entourée")
    String map_commune_caption(String within, String commune, String kind);

    @Message("{#when level}{#is 'region'}de la région {name}{#is 'department'}du département {name}{#is 'epci'}de {name}{#else}de {name}{/when}")
    String map_of(String level, String name);

    @Message("Dispositifs représentés sur la carte")
    String map_kinds();

    @Message("Légende")
    String map_legend();

    @Message("aucun dispositif : zone blanche (hachures)")
    String legend_white_zone();

    @Message("{#if count == 1}1 dispositif{#else}{count} dispositifs{/if}{#if more} ou plus{/if}")
    String legend_schemes(int count, boolean more);

    @Message("Les communes de la carte, par nombre de dispositifs")
    String map_by_class();

    @Message("{count} {#if count < 2}commune{#else}communes{/if}, {population} hab.")
    String map_class_count(int count, String population);

    @Message("Carte")
    String map_heading();

    @Message("Pour les logiciels de SIG (QGIS…), en GeoJSON :")
    String map_geojson();

    @Message("contour du territoire")
    String map_outline_geojson();

    @Message("zones blanches")
    String map_white_zones_geojson();

    @Message("périmètre du dispositif")
    String map_perimeter_geojson();

    @Message("Contours des communes : IGN, ADMIN EXPRESS COG CARTO 2025, Licence Ouverte 2.0.")
    String map_geometry_credit();

    @Message("Ce territoire n'a pas de contour : les collectivités d'outre-mer ne sont pas cartographiées.")
    String map_no_shape();

    @Message("Périmètre de {name} parmi ses communes voisines")
    String scheme_map_caption(String name);

    @Message("communes du périmètre")
    String legend_perimeter();

    @Message("communes voisines")
    String legend_context();

    @Message("contour du périmètre")
    String legend_outline();

    @Message("Dispositifs qui le chevauchent (leur contour, en pointillés) :")
    String legend_overlapping();

    @Message("carte des communes")
    String coverage_communes();

    // Territories named by a search

    @Message("{#if count < 2}Le territoire que vous cherchez{#else}Les territoires que vous cherchez{/if}")
    String search_named(int count);

    @Message("aucun dispositif en cours ne couvre ce territoire.")
    String search_named_uncovered();

    @Message("{#if count == 1}1 dispositif en cours le couvre :{#else}{count} dispositifs en cours le couvrent :{/if}")
    String search_named_covered(int count);

    @Message("tous sur sa page")
    String search_named_all();

    // Schemes at work without an end date

    @Message("Dispositifs en cours sans date de fin")
    String ending_undated_title();

    @Message("Tous les dispositifs en cours ont une date de fin.")
    String ending_undated_none();

    @Message("Dispositifs en cours sans date de fin connue, par région (un dispositif sur plusieurs régions compte dans chacune) : leur renouvellement ne peut pas être prévu")
    String ending_undated_caption();

    @Message("non renseignée (dispositif en cours)")
    String scheme_no_end();

    @Message("sous Licence Ouverte 2.0")
    String footer_licence();

    @Message("Mentions légales")
    String footer_legal();

    @Message("Accessibilité : non conforme")
    String footer_accessibility();

    @Message("Aller aux résultats")
    String search_skip_to_results();

    // Overlapping schemes named

    @Message("{#if count == 1}1 paire de dispositifs en cours se chevauche{#else}{count} paires de dispositifs en cours se chevauchent{/if} ici")
    String territory_pairs(int count);

    @Message("Quels dispositifs en cours partagent des communes de ce territoire, les plus grandes populations partagées d'abord")
    String territory_pairs_caption();

    @Message("Chevauche")
    String col_overlaps_with();

    // Someone to contact

    @Message("Aucun coordinateur ou coordinatrice n'a accepté que son contact soit publié.")
    String scheme_no_public_contact();

    @Message("Pour joindre ce dispositif, adressez-vous à son porteur :")
    String scheme_contact_carrier();

    @Message("Son porteur n'est pas connu : adressez-vous à l'agence régionale de santé :")
    String scheme_contact_agency();

    // Account requests

    @Message("Demander un compte")
    String request_title();

    @Message("Vous coordonnez {scheme} ? Demandez un compte pour tenir sa fiche à jour. Un administrateur ou l'ARS de la région lira votre demande et vous répondra par courriel ; rien n'est accordé automatiquement.")
    String request_intro(String scheme);

    @Message("Prénom et nom")
    String request_name();

    @Message("Votre fonction et comment vous joindre (facultatif)")
    String request_message();

    @Message("Votre nom et votre courriel ne servent qu'à traiter cette demande ; ils sont effacés quand elle est close.")
    String request_privacy();

    @Message("Envoyer la demande")
    String request_button();

    @Message("Votre demande est enregistrée. Un administrateur ou l'ARS de la région vous répondra par courriel.")
    String request_sent();

    @Message("La demande n'a pas été envoyée :")
    String request_errors();

    @Message("indiquez votre nom (200 caractères au plus)")
    String request_name_invalid();

    @Message("indiquez une adresse électronique valide")
    String request_email_invalid();

    @Message("le message compte 2 000 caractères au plus")
    String request_message_invalid();

    @Message("des demandes de cette adresse attendent déjà une réponse")
    String request_pending();

    @Message("Trop de demandes envoyées d'ici : réessayez dans un quart d'heure.")
    String request_throttled();

    @Message("Retour à la fiche {scheme}")
    String request_back(String scheme);

    @Message("Pas encore de compte ?")
    String signin_no_account();

    @Message("Les comptes sont ouverts aux coordinateurs des dispositifs : ouvrez la fiche de votre dispositif et choisissez « Demander un compte pour ce dispositif ».")
    String signin_how_to_ask();

    @Message("Trouver mon dispositif")
    String signin_find_scheme();

    @Message("Vous coordonnez ce dispositif ? Demander un compte pour ce dispositif")
    String scheme_ask_account();

    @Message("Demandes de compte ({count})")
    String space_requests(int count);

    @Message("Aucune demande de compte en attente.")
    String space_requests_none();

    @Message("Les {count} plus anciennes sont affichées : closez-les pour voir les suivantes.")
    String space_requests_oldest(int count);

    @Message("Clore (et effacer)")
    String space_request_close();

    // Lists to take away

    @Message("Communes")
    String dl_communes();

    @Message("Départements")
    String dl_departments();

    @Message("Fiche")
    String dl_record();

    @Message("Code INSEE")
    String dl_code();

    @Message("Commune")
    String dl_commune();

    @Message("Territoire")
    String dl_ring();

    @Message("Courriel")
    String dl_email();

    @Message("Téléphone")
    String dl_phone();

    @Message("Fonction")
    String dl_title();

    @Message("Télécharger cette liste :")
    String dl_links();

    @Message("CSV (tableur)")
    String dl_csv();

    @Message("Excel (.xlsx)")
    String dl_xlsx();
}
