package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the legal notice and the accessibility statement, in French; English in messages/notice_en.properties.
 * A bundle of their own: they are long, read on two pages only, and keep the pages' bundle ({@link Messages}) smaller.
 */
@MessageBundle(value = "notice", locale = "fr")
public interface NoticeMessages {

    @Message("Mentions légales")
    String legal_title();

    @Message("Éditeur")
    String legal_publisher();

    @Message("Directeur ou directrice de la publication")
    String legal_director();

    @Message("Hébergeur")
    String legal_host();

    @Message("Contact")
    String legal_contact();

    @Message("non renseigné par l'exploitant de cette instance")
    String legal_unset();

    @Message("Données")
    String legal_data_title();

    @Message("Les données du registre (dispositifs, territoires d'action, partenaires) sont publiées sous")
    String legal_data_registry();

    @Message("Territoires : Code officiel géographique (INSEE, via Etalab, Licence Ouverte) ; contours des communes : IGN, ADMIN EXPRESS COG CARTO (Licence Ouverte).")
    String legal_data_sources();

    @Message("Données personnelles")
    String legal_personal_title();

    @Message("Les coordonnées des coordinateurs ne sont publiées qu'avec leur consentement, qu'ils peuvent retirer à tout moment depuis leur espace ; ils peuvent aussi faire corriger ou effacer leurs données (RGPD, art. 16 et 17).")
    String legal_personal();

    @Message("Déclaration d'accessibilité")
    String a11y_title();

    @Message("L'éditeur s'engage à rendre ce service accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration porte sur l'annuaire des dynamiques territoriales de santé.")
    String a11y_commitment();

    @Message("État de conformité")
    String a11y_status_title();

    @Message("Ce site est non conforme avec le RGAA 4.1.2 : aucun audit complet n'a encore été réalisé.")
    String a11y_status();

    @Message("Chaque version est vérifiée par des tests automatisés : axe-core 4.11 (règles WCAG 2.1 A et AA et règles expérimentales) ne relève aucune violation sur chaque type de page, cartes comprises ; chaque carte a son équivalent textuel (tableaux et listes) ; toutes les pages fonctionnent sans JavaScript et au clavier. Un test automatisé ne couvre qu'une partie des critères du RGAA.")
    String a11y_tests();

    @Message("Environnement de test")
    String a11y_environment_title();

    @Message("Chromium (Debian) piloté par Selenium, sur ordinateur et en largeur de téléphone (390 px) ; technologies utilisées : HTML, CSS, SVG.")
    String a11y_environment();

    @Message("Retour d'information et contact")
    String a11y_feedback_title();

    @Message("Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme :")
    String a11y_feedback();

    @Message("Voies de recours")
    String a11y_recourse_title();

    @Message("Si vous avez signalé un défaut d'accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :")
    String a11y_recourse();

    @Message("formulaire en ligne du Défenseur des droits")
    String a11y_recourse_link();
}
