package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the accounts pages, in French; English in messages/acc_en.properties. A bundle of their own, as the
 * import pages': the pages' bundle ({@link Messages}) is near the size where Qute's generated resolver stops verifying.
 */
@MessageBundle(value = "acc", locale = "fr")
public interface AccountMessages {

    @Message("Comptes")
    String accounts_title();

    @Message("Les demandes de compte qui vous reviennent, les comptes que vous suivez et leurs jetons d'API, et qui peut modifier quels dispositifs.")
    String accounts_lead();

    @Message("Gérer les comptes")
    String accounts_link();

    @Message("{#when done}{#is 'cree'}Le compte est créé.{#is 'cree-demande'}Le compte est créé ; la demande est close et effacée.{#is 'revoque'}Le jeton est révoqué : il ne fonctionne plus.{#else}C'est fait.{/when}")
    String accounts_done(String done);

    @Message("Demandes de compte ({count})")
    String requests_title(int count);

    @Message("Aucune demande de compte en attente.")
    String requests_none();

    @Message("Créer le compte")
    String request_create();

    @Message("Créer le compte de {name}")
    String request_create_for(String name);

    @Message("Créer un compte")
    String create_title();

    @Message("Demande de {name} pour « {scheme} » : les champs sont préremplis ; la demande sera close et effacée une fois le compte créé.")
    String create_from_request(String name, String scheme);

    @Message("Le compte n'a pas été créé :")
    String create_errors();

    @Message("Adresse électronique")
    String field_email();

    @Message("Nom affiché")
    String field_display_name();

    @Message("Rôle")
    String field_role();

    @Message("{#when role}{#is 'ADMIN'}administration du réseau (tous les droits){#is 'ARS'}ARS (modifie et valide les dispositifs de ses régions){#is 'COORDINATOR'}coordination (propose des modifications de ses dispositifs){#is 'PARTNER'}partenaire (lit et importe dans ses régions){#else}{role}{/when}")
    String role_choice(String role);

    @Message("Régions (ARS et partenaire)")
    String field_regions();

    @Message("Dispositifs coordonnés (coordination)")
    String field_schemes();

    @Message("Numéros ou références des dispositifs, séparés par des virgules.")
    String field_schemes_hint();

    @Message("Mot de passe initial (facultatif)")
    String field_password();

    @Message("12 à 72 caractères, à transmettre par un canal sûr. Sans mot de passe, le compte ne peut pas se connecter aux pages (aucune réinitialisation n'existe) : il n'utilise que des jetons d'API.")
    String field_password_hint();

    @Message("Créer le compte")
    String create_button();

    @Message("{#when field}{#is 'email'}donnez une adresse électronique valide{#is 'displayName'}donnez un nom (200 caractères au plus){#is 'role'}choisissez un rôle{#is 'regions'}un compte ARS ou partenaire a au moins une région, les autres aucune{#is 'schemes'}un compte de coordination a au moins un dispositif existant, les autres aucun{#is 'password'}12 à 72 caractères, ou rien{#is 'days'}un nombre de jours de 1 à 365{#is 'label'}100 caractères au plus{#else}valeur invalide{/when}")
    String invalid(String field);

    @Message("{#when field}{#is 'role'}votre rôle ne permet pas de créer ce type de compte{#is 'regions'}seulement dans vos régions{#is 'schemes'}seulement des dispositifs de vos régions{#else}hors de vos droits{/when}")
    String refused(String field);

    @Message("un compte utilise déjà cette adresse")
    String email_taken();

    @Message("Comptes que vous suivez ({count})")
    String overseen_title(long count);

    @Message("Les {count} premiers par adresse sont affichés.")
    String overseen_first(int count);

    @Message("Comptes, leur rôle, leur portée, leur état et leurs jetons d'API")
    String overseen_caption();

    @Message("Compte")
    String col_account();

    @Message("Portée")
    String col_scope();

    @Message("État")
    String col_state();

    @Message("Jetons d'API")
    String col_tokens();

    @Message("{#if active}actif{#else}désactivé{/if}")
    String state(boolean active);

    @Message("aucun")
    String tokens_none();

    @Message("sans libellé")
    String token_unlabelled();

    @Message("créé le {created}, expire le {expires}")
    String token_dates(String created, String expires);

    @Message("révoqué le {revoked}")
    String token_revoked(String revoked);

    @Message("expiré")
    String token_expired();

    @Message("Révoquer")
    String token_revoke();

    @Message("Émettre un jeton")
    String token_issue();

    @Message("Libellé")
    String token_label();

    @Message("Validité en jours (1 à 365)")
    String token_days();

    @Message("Jeton pour {name}")
    String token_title(String name);

    @Message("Le jeton n'a pas été émis :")
    String token_errors();

    @Message("Voici le jeton. Copiez-le maintenant : il ne sera plus jamais affiché (seule son empreinte est conservée).")
    String token_shown_once();

    @Message("À envoyer dans l'en-tête Authorization: Bearer … des appels à l'API ; valable jusqu'au {expires}.")
    String token_usage(String expires);

    @Message("Retour aux comptes")
    String back();

    @Message("Qui peut modifier quoi")
    String editors_title();

    @Message("Les administrateurs du réseau peuvent modifier tous les dispositifs :")
    String editors_admins();

    @Message("{total} dispositifs dans vos régions ; les {shown} premiers par nom sont affichés.")
    String editors_count(long total, int shown);

    @Message("Dispositifs et comptes qui peuvent les modifier")
    String editors_caption();

    @Message("Dispositif")
    String col_scheme();

    @Message("Régions")
    String col_regions();

    @Message("ARS (modifient et valident)")
    String col_officers();

    @Message("Coordination (propose, l'ARS valide)")
    String col_coordinators();

    @Message("personne")
    String nobody();
}
