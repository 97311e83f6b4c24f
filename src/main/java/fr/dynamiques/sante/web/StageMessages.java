package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the CPTS maps (maturity stages): French in messages/stage_fr.properties, English in
 * messages/stage_en.properties.
 */
@MessageBundle(value = "stage", locale = "fr")
public interface StageMessages {

    /** A class of the map, by the name of its {@link StageClass}. */
    String name(String cls);

    /** The same, short, as a commune's tooltip on the map says it. */
    String said(String cls);

    String map_caption(String name);

    String map_commune_caption(String within, String commune);

    String map_rule();

    String table_caption(String name);

    String col_stage();

    String col_communes();

    String col_population();

    String col_share();

    String col_schemes();

    String by_class();

    String geojson();

    // The national map of départements

    String departments_rule();

    String departments_caption();

    String departments_legend();

    String department_share(String share);

    String departments_none();

    String national_heading();
}
