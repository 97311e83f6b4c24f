package fr.dynamiques.sante.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the demo registry is loaded at start. */
@ConfigMapping(prefix = "directory.demo-data")
public interface DemoDataConfig {

    @WithDefault("false")
    boolean enabled();
}
