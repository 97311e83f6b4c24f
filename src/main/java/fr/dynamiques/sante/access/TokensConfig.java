package fr.dynamiques.sante.access;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * The secrets the configuration holds (application.properties documents them; set them from the environment). Each is
 * its own mapping: one rooted at {@code directory} would claim every {@code directory.*} property, the embedded
 * services' too, which are read before Quarkus starts.
 */
public interface TokensConfig {

    /** The operator's admin token ({@code DIRECTORY_ADMIN_TOKEN}); none by default: then only accounts write. */
    @ConfigMapping(prefix = "directory.admin-token")
    interface Admin {
        @WithParentName
        Optional<String> value();
    }

    /** The token a Prometheus scraper sends to read /q/metrics ({@code DIRECTORY_METRICS_TOKEN}). */
    @ConfigMapping(prefix = "directory.metrics-token")
    interface Metrics {
        @WithParentName
        Optional<String> value();
    }
}
