package fr.dynamiques.sante.territory;

import io.smallrye.config.ConfigMapping;

/** Where the COG referential is packaged. */
@ConfigMapping(prefix = "directory.cog")
public interface CogConfig {

    /** Its classpath resource (data/cog). */
    String resource();
}
