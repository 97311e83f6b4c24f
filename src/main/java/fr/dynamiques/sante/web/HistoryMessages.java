package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Coverage through time on the pages (the chart since 2015, the figures of a chosen day): French in
 * messages/hist_fr.properties, English in messages/hist_en.properties. A bundle of its own: the pages' bundle
 * ({@link Messages}) is at its size limit.
 */
@MessageBundle(value = "hist", locale = "fr")
public interface HistoryMessages {

    String title(int from);

    String caption(int from, int to, String name, String kind);

    String table_caption(String name);

    String rule();

    String col_date();

    String col_covered();

    String col_share();

    String col_schemes();

    String col_unknown();

    String at_legend();

    String at_label();

    String at_hint(String first, String last);

    String at_submit();

    String at_today();

    String at_invalid(String given, String first, String last);

    String at_notice_coverage(String day);

    String at_notice_territory(String day);

    String unknown_start(int count);
}
