package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word the pages show: French in messages/msg_fr.properties, English in messages/msg_en.properties. Codes of
 * closed lists (statuses, roles, levels...) are spelt out in the bundle, so that templates never show an API code.
 */
@MessageBundle(value = "msg", locale = "fr")
public interface Messages {

    // Layout

    String site_name();

    String skip_to_content();

    String nav_label();

    String nav_search();

    String nav_coverage();

    String nav_ending();

    String nav_coordinators();

    String switch_language();

    String footer_data();

    String footer_export_geojson();

    String footer_api();

    String map_credit();

    // Vocabulary

    String status(String status);

    String role(String role);

    String level(String level);

    String facet(String facet);

    String cpts_stage(String stage);

    String project_step(String step);

    String criterion(String criterion);

    String facet_region();

    String facet_theme();

    String all_kinds();

    String all_regions();

    String all_themes();

    String level_departments();

    String level_regions();

    String scheme_count(int count);

    String inhabitants(String population);

    String coordinator();

    String contact_not_public();

    String none_known();

    String members_communes(int count);

    String members_epcis(int count);

    String members_departments(int count);

    // Table columns

    String col_scheme();

    String col_kind();

    String col_kinds();

    String col_status();

    String col_end();

    String col_territory();

    String col_population();

    String col_covered_population();

    String col_covered_communes();

    String col_ratio();

    String col_schemes();

    String col_by_kind();

    String col_shared_communes();

    String col_shared_population();

    String col_share_of_this();

    String col_share_of_other();

    String col_share_of_territory();

    String col_pairs();

    String col_criterion();

    String col_score();

    String col_comment();

    // Home

    String home_title();

    String home_intro();

    String home_figures();

    String home_schemes_at_work();

    String home_population_covered(String covered, String total);

    String home_by_region();

    // Search

    String search_title();

    String search_title_for(String q);

    String search_label();

    String search_button();

    String search_hint();

    String search_filters();

    String search_apply();

    String search_clear();

    String search_nothing();

    String result_count(long count);

    String sort_label();

    String sort_relevance();

    String sort_name();

    String sort_start();

    String sort_population();

    String sort_button();

    String paging_label();

    String paging_previous();

    String paging_next();

    String paging_position(int page, long pages);

    // Scheme

    String scheme_start();

    String scheme_end();

    String scheme_generation();

    String scheme_cpts_stage();

    String scheme_aci_since(String date);

    String scheme_cpts_size();

    String scheme_hospital();

    String scheme_qpv();

    String scheme_project_step();

    String scheme_themes();

    String scheme_website();

    String scheme_perimeter();

    String scheme_perimeter_size(int communes, String population);

    String scheme_declared_epcis();

    String scheme_communes(int count);

    String scheme_partners();

    String scheme_fundings();

    String funding_organisation();

    String funding_year();

    String funding_amount();

    String funding_purpose();

    String scheme_coordinators();

    String scheme_overlaps();

    String scheme_no_overlap();

    String scheme_overlaps_caption();

    String scheme_history();

    String scheme_amendments();

    String generation_n(Integer n);

    String scheme_approach();

    String scheme_approach_none();

    String scheme_approach_caption();

    String scheme_source();

    String scheme_verified(String date);

    String scheme_json();

    // Territory

    String territory_size(String population, int communes);

    String territory_within();

    String territory_schemes(int count, long atWork);

    String territory_no_scheme();

    String whole();

    String stack_all(String kind);

    String territory_overlaps();

    String territory_overlaps_caption();

    String territory_coverage();

    String territory_coverage_caption();

    String territory_white_zones();

    String white_zones_none();

    String white_zones_summary(int count, String population, String kind);

    String and_more(int count);

    String white_zones_all();

    // Coordinators

    String coordinators_title();

    String coordinators_title_for(String name);

    String coordinators_intro();

    String coordinators_territory();

    String coordinators_territory_hint();

    String coordinators_button();

    String coordinators_no_territory(String text);

    String coordinators_others();

    String ring_here(String name);

    String ring_around(String name);

    String ring_empty();

    String ring_more(int count);

    String no_coordinator();

    // Coverage

    String coverage_title();

    String coverage_intro();

    String coverage_kinds();

    String coverage_map_caption();

    String coverage_legend();

    String legend_none();

    String legend_up_to(int percent);

    String coverage_table_caption();

    // Ending

    String ending_title();

    String ending_intro();

    String ending_horizon();

    String months(int months);

    String ending_button();

    String ending_count(long count, String until);

    String ending_more(long count);

    // Errors

    String error_title(int status);

    String error_text(int status);

    String error_home();

    // Sign-in and the signed-in space

    String nav_space();

    String nav_signin();

    String nav_signout();

    String signin_title();

    String signin_intro();

    String signin_email();

    String signin_password();

    String signin_button();

    String signin_throttled();

    String signin_wrong();

    String account_role(String role);

    String space_title();

    String edit_changed_title();

    String edit_changed_text();

    String edit_changed_reload();

    String edit_changed_view();

    String space_account();

    String space_account_text();

    String space_account_confirm();

    String space_account_delete();

    String home_account_deleted();

    String space_done(String done);

    String space_mine();

    String space_verified(String date);

    String space_never();

    String space_still_accurate();

    String space_edit();

    String space_queue(int count);

    String space_queue_empty();

    String space_changes();

    String space_field();

    String space_before();

    String space_after();

    String space_approve();

    String space_reason();

    String space_reject();

    String space_stale(int count);

    String edit_title(String name);

    String edit_proposes();

    String edit_publishes();

    String edit_description();

    String edit_themes_hint();

    String edit_propose();

    String edit_publish();

    String edit_cancel();

    String ending_unverified(int count);

    String ending_unverified_none();

    String history_title();

    String history_caption();

    String history_at();

    String history_action(String action);

    String history_fields();

    String space_my_data();

    String space_contact_published();

    String space_withdraw();

    // Commune maps

    String map_undrawn(int count);

    String map_counts_caption(String name, String kind);

    String map_commune_caption(String within, String commune, String kind);

    String map_of(String level, String name);

    String map_kinds();

    String map_legend();

    String legend_white_zone();

    String legend_schemes(int count, boolean more);

    String map_by_class();

    String map_class_count(int count, String population);

    String map_heading();

    String map_geojson();

    String map_outline_geojson();

    String map_white_zones_geojson();

    String map_perimeter_geojson();

    String map_geometry_credit();

    String map_no_shape();

    String scheme_map_caption(String name);

    String legend_perimeter();

    String legend_context();

    String legend_outline();

    String legend_overlapping();

    String coverage_communes();

    // Territories named by a search

    String search_named(int count);

    String search_named_uncovered();

    String search_named_covered(int count);

    String search_named_all();

    // Schemes at work without an end date

    String ending_undated_title();

    String ending_undated_none();

    String ending_undated_caption();

    String scheme_no_end();

    String footer_licence();

    String footer_legal();

    String footer_accessibility();

    String search_skip_to_results();

    // Overlapping schemes named

    String territory_pairs(int count);

    String territory_pairs_caption();

    String col_overlaps_with();

    // Someone to contact

    String scheme_no_public_contact();

    String scheme_contact_carrier();

    String scheme_contact_agency();

    // Account requests

    String request_title();

    String request_intro(String scheme);

    String request_name();

    String request_message();

    String request_privacy();

    String request_button();

    String request_sent();

    String request_errors();

    String request_name_invalid();

    String request_email_invalid();

    String request_message_invalid();

    String request_pending();

    String request_throttled();

    String request_back(String scheme);

    String signin_no_account();

    String signin_how_to_ask();

    String signin_find_scheme();

    String scheme_ask_account();

    String space_requests(int count);

    String space_requests_none();

    String space_requests_oldest(int count);

    String space_request_close();

    // Lists to take away

    String dl_communes();

    String dl_departments();

    String dl_record();

    String dl_code();

    String dl_commune();

    String dl_ring();

    String dl_email();

    String dl_phone();

    String dl_title();

    String dl_links();

    String dl_csv();

    String dl_xlsx();
}
