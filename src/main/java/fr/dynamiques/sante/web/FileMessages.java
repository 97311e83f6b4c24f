package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the files people take away (names, the workbook's first sheet): French in messages/file_fr.properties,
 * English in messages/file_en.properties. A bundle of its own: the pages' bundle ({@link Messages}) is at its size
 * limit.
 */
@MessageBundle(value = "file", locale = "fr")
public interface FileMessages {

    String about_sheet();

    String data_sheet();

    String source();

    String source_value(String url);

    String address();

    String extracted();

    String filters();

    String no_filter();

    String rows();

    String licence();

    String licence_value(String name, String url);

    String columns(String sheet);

    String column_type(String type);

    String filter_kind();

    String filter_territory();

    String filter_status();

    String filter_query();

    String filter_region();

    String filter_department();

    String filter_theme();

    String filter_funder();

    String filter_horizon();

    String horizon_value(int months);

    String level(String level);

    String level_file(String level);

    String months_file(int months);

    String col_fundings();

    String col_covered_population();

    String col_share();

    String col_department_code();

    String col_department();

    String col_epci_siren();

    String col_epci();

    String name_search();

    String title_search();

    String name_schemes();

    String title_schemes();

    String name_white_zones();

    String title_white_zones();

    String name_ending();

    String title_ending();

    String name_peers();

    String title_peers();

    String name_registry();

    String title_registry();
}
