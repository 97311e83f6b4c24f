package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

import fr.dynamiques.sante.spreadsheet.Preview;

/**
 * The words of the import pages: French in messages/imp_fr.properties, English in messages/imp_en.properties. A bundle
 * of their own, read on two pages only: the pages' bundle ({@link Messages}) is near the size where Qute's generated
 * resolver stops verifying.
 */
@MessageBundle(value = "imp", locale = "fr")
public interface ImportMessages {

    String import_title();

    String import_lead();

    String import_file();

    String import_file_hint();

    String import_kind();

    String import_kind_from_file();

    String import_sheet();

    String import_read();

    String import_mine();

    String import_none();

    String import_status(String status);

    String import_draft_title(String file);

    String import_sheet_read(String sheet);

    String import_done(String done);

    String import_summary(Preview.Summary s);

    String import_report_csv();

    String import_report_xlsx();

    String import_columns();

    String import_column_ignored();

    String import_field(String field);

    String import_rows();

    String import_col_row();

    String import_col_name();

    String import_col_action();

    String import_col_territory();

    String import_col_skip();

    String import_action(String action);

    String import_match(String name, String how);

    String import_perimeter(String communes, String population);

    String import_row_map();

    String import_row_map_of(int row);

    String import_row_title(int row, String name);

    String import_row_communes();

    String import_row_population();

    String import_row_territory();

    String import_row_left_out();

    String import_row_undecided(int count);

    String import_row_unknown();

    String import_row_map_caption(String name);

    String import_row_no_map();

    String import_row_back(int row);

    String import_choose(String given);

    String import_leave_out();

    String import_skip_row(int row);

    String import_save();

    String import_commit();

    String import_commit_hint();

    String import_undo();

    String import_undo_hint();
}
