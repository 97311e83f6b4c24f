package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the accounts pages: French in messages/acc_fr.properties, English in messages/acc_en.properties. A
 * bundle of their own, as the import pages': the pages' bundle ({@link Messages}) is near the size where Qute's
 * generated resolver stops verifying.
 */
@MessageBundle(value = "acc", locale = "fr")
public interface AccountMessages {

    String accounts_title();

    String accounts_lead();

    String accounts_link();

    String accounts_done(String done);

    String requests_title(int count);

    String requests_none();

    String request_create();

    String request_create_for(String name);

    String create_title();

    String create_from_request(String name, String scheme);

    String create_errors();

    String field_email();

    String field_display_name();

    String field_role();

    String role_choice(String role);

    String field_regions();

    String field_schemes();

    String field_schemes_hint();

    String field_password();

    String field_password_hint();

    String create_button();

    String invalid(String field);

    String refused(String field);

    String email_taken();

    String overseen_title(long count);

    String overseen_first(int count);

    String overseen_caption();

    String col_account();

    String col_scope();

    String col_state();

    String col_tokens();

    String state(boolean active);

    String tokens_none();

    String token_unlabelled();

    String token_dates(String created, String expires);

    String token_revoked(String revoked);

    String token_expired();

    String token_revoke();

    String token_issue();

    String token_label();

    String token_days();

    String token_title(String name);

    String token_errors();

    String token_shown_once();

    String token_usage(String expires);

    String back();

    String editors_title();

    String editors_admins();

    String editors_count(long total, int shown);

    String editors_caption();

    String col_scheme();

    String col_regions();

    String col_officers();

    String col_coordinators();

    String nobody();
}
