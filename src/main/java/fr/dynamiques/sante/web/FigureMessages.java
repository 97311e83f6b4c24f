package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * What a figure can be trusted for: French in messages/fig_fr.properties, English in messages/fig_en.properties. A
 * bundle of its own: the pages' bundle ({@link Messages}) is near the size where Qute's generated resolver stops
 * verifying.
 */
@MessageBundle(value = "fig", locale = "fr")
public interface FigureMessages {

    String partial();

    String complete();

    String partial_short();

    String partial_file();

    String worklist_title();

    String worklist_lead();

    String worklist_kind();

    String worklist_all_kinds();

    String worklist_department();

    String worklist_departments_hint();

    String worklist_filter();

    String worklist_considered(String count);

    String lack(String lack);

    String lack_count(long count);

    String lack_listed(int count);

    String declare_title();

    String declare_lead();

    String declare_none();

    String declare_region();

    String declare_kind();

    String declare_complete();

    String declare_as_of();

    String declare_note();

    String declare_submit();

    String declared(boolean complete, String asOf);

    String map_skip();

    String undated_listed();

    String verified_means();

    String verified_on(String date);

    String never_verified();

    String inset_paris_1();

    String inset_paris_2();
}
