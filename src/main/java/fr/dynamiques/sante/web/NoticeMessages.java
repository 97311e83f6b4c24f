package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the legal notice and the accessibility statement: French in messages/notice_fr.properties, English in
 * messages/notice_en.properties. A bundle of their own: they are long, read on two pages only, and keep the pages'
 * bundle ({@link Messages}) smaller.
 */
@MessageBundle(value = "notice", locale = "fr")
public interface NoticeMessages {

    String legal_title();

    String legal_publisher();

    String legal_director();

    String legal_host();

    String legal_contact();

    String legal_unset();

    String legal_data_title();

    String legal_data_registry();

    String legal_data_sources();

    String legal_personal_title();

    String legal_personal();

    String a11y_title();

    String a11y_commitment();

    String a11y_status_title();

    String a11y_status();

    String a11y_tests();

    String a11y_environment_title();

    String a11y_environment();

    String a11y_feedback_title();

    String a11y_feedback();

    String a11y_recourse_title();

    String a11y_recourse();

    String a11y_recourse_link();
}
