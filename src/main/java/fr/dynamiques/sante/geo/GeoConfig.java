package fr.dynamiques.sante.geo;

import io.smallrye.config.ConfigMapping;

/** Where the communes' outlines are packaged. */
@ConfigMapping(prefix = "directory.geo")
public interface GeoConfig {

    /** Their classpath resource (data/geo). */
    String resource();
}
