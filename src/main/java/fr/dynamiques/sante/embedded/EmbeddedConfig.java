package fr.dynamiques.sante.embedded;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The embedded services' settings. Read before Quarkus boots (the services must be up before the datasource starts), from
 * system properties and environment variables only: {@code directory.embedded.data-dir} or
 * {@code DIRECTORY_EMBEDDED_DATA_DIR} ({@link EmbeddedSettings#fromEnvironment}).
 */
@ConfigMapping(prefix = "directory.embedded")
public interface EmbeddedConfig {

    /** Whether the directory starts PostgreSQL and OpenSearch itself, when not pointed at external ones. */
    @WithDefault("true")
    boolean enabled();

    /** Where their data is kept between runs. */
    @WithDefault(".directory-data")
    Path dataDir();

    /** The OpenSearch distribution, unpacked by the build. */
    @WithDefault("target/embedded/opensearch-2.19.6")
    Path opensearchHome();

    /** The Java OpenSearch runs on (17 or 21): the directory's own when unset. */
    Optional<Path> opensearchJavaHome();

    /** Heap of each OpenSearch node. */
    @WithDefault("512m")
    String opensearchHeap();

    /**
     * How many OpenSearch nodes form the embedded engine (on loopback). With several, indexes carry one replica and one
     * node may stop while search and indexing go on; three keep a cluster manager when one is down.
     */
    @WithDefault("1")
    int opensearchNodes();

    @WithDefault("180")
    int startTimeoutSeconds();
}
