package fr.dynamiques.sante.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Settings of the embedded services ({@link EmbeddedConfig}). They are read before Quarkus boots (the services must be
 * up before the datasource starts), so from system properties and environment variables only, with the MicroProfile
 * naming: {@code directory.embedded.data-dir} or {@code DIRECTORY_EMBEDDED_DATA_DIR}.
 *
 * @param backupDir where the embedded PostgreSQL archives its WAL and the base backups go ({@code directory.backup.dir},
 *        beside the data directory by default); null when backups are off ({@code directory.backup.enabled=false},
 *        and the tests' throwaway services)
 * @param archiveTimeout the longest a written change waits in an unfinished WAL segment before it is archived: what a lost
 *        disk can cost
 */
public record EmbeddedSettings(boolean enabled, Path dataDir, Path openSearchHome, Path openSearchJavaHome,
        String openSearchHeap, int openSearchNodes, Duration startTimeout, Path backupDir,
        Duration archiveTimeout) {

    public EmbeddedSettings {
        if (openSearchNodes < 1) {
            throw new IllegalArgumentException("directory.embedded.opensearch-nodes must be 1 or more, not " + openSearchNodes);
        }
    }

    public static final String DATASOURCE_URL = "quarkus.datasource.jdbc.url";
    public static final String SEARCH_HOSTS = "quarkus.hibernate-search-orm.elasticsearch.hosts";

    public static EmbeddedSettings fromEnvironment() {
        EmbeddedConfig config = new SmallRyeConfigBuilder().addSystemSources().withMapping(EmbeddedConfig.class)
                .withValidateUnknown(false).build().getConfigMapping(EmbeddedConfig.class);
        Path backupDir = read("directory.backup.enabled").filter("false"::equalsIgnoreCase).isPresent() ? null
                : read("directory.backup.dir").map(Path::of)
                        .orElse(config.dataDir().toAbsolutePath().resolveSibling("directory-backups")).toAbsolutePath();
        Duration archiveTimeout = Duration
                .ofSeconds(read("directory.backup.archive-timeout-seconds").map(Integer::parseInt).orElse(300));
        return new EmbeddedSettings(config.enabled(), config.dataDir(), config.opensearchHome(),
                config.opensearchJavaHome().orElse(Path.of(System.getProperty("java.home"))), config.opensearchHeap(),
                config.opensearchNodes(), Duration.ofSeconds(config.startTimeoutSeconds()), backupDir, archiveTimeout);
    }

    /** Services on this data directory, without backups: the tests' throwaway services. */
    public EmbeddedSettings withDataDir(Path dir) {
        return new EmbeddedSettings(enabled, dir, openSearchHome, openSearchJavaHome, openSearchHeap, openSearchNodes,
                startTimeout,
                null, archiveTimeout);
    }

    /** Another shape of search engine: how many nodes, and each one's heap. */
    public EmbeddedSettings withOpenSearch(int nodes, String heap) {
        return new EmbeddedSettings(enabled, dataDir, openSearchHome, openSearchJavaHome, heap, nodes, startTimeout, backupDir,
                archiveTimeout);
    }

    /** The embedded PostgreSQL's own directory, under the data directory. */
    public Path databaseDir() {
        return dataDir.toAbsolutePath().resolve("postgres");
    }

    /** True when the operator points the application at an external database. */
    public static boolean externalDatabase() {
        return read(DATASOURCE_URL).isPresent();
    }

    /** True when the operator points the application at an external search engine. */
    public static boolean externalSearchEngine() {
        return read(SEARCH_HOSTS).isPresent();
    }

    public static Optional<String> read(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
