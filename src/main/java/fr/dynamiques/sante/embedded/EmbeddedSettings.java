package fr.dynamiques.sante.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Settings of the embedded services. They are read before Quarkus boots (the services must be up
 * before the datasource starts), so from system properties and environment variables only, with the
 * MicroProfile naming: {@code directory.embedded.data-dir} or {@code DIRECTORY_EMBEDDED_DATA_DIR}.
 */
public record EmbeddedSettings(boolean enabled, Path dataDir, Path openSearchHome, Path openSearchJavaHome,
                               String openSearchHeap, Duration startTimeout) {

    public static final String DATASOURCE_URL = "quarkus.datasource.jdbc.url";
    public static final String SEARCH_HOSTS = "quarkus.hibernate-search-orm.elasticsearch.hosts";

    public static EmbeddedSettings fromEnvironment() {
        return new EmbeddedSettings(
                Boolean.parseBoolean(read("directory.embedded.enabled").orElse("true")),
                Path.of(read("directory.embedded.data-dir").orElse(".directory-data")),
                Path.of(read("directory.embedded.opensearch-home").orElse("target/embedded/opensearch-2.19.6")),
                Path.of(read("directory.embedded.opensearch-java-home").orElse(System.getProperty("java.home"))),
                read("directory.embedded.opensearch-heap").orElse("512m"),
                Duration.ofSeconds(Long.parseLong(read("directory.embedded.start-timeout-seconds").orElse("180"))));
    }

    public EmbeddedSettings withDataDir(Path dir) {
        return new EmbeddedSettings(enabled, dir, openSearchHome, openSearchJavaHome, openSearchHeap, startTimeout);
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
