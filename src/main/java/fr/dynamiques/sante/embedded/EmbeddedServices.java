package fr.dynamiques.sante.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jboss.logging.Logger;

/**
 * Starts what the configuration does not provide: PostgreSQL unless {@code quarkus.datasource.jdbc.url} is
 * set, OpenSearch unless {@code quarkus.hibernate-search-orm.elasticsearch.hosts} is set. Both start in
 * parallel; {@link #configuration()} is what Quarkus must be given to use them. Used by the local run
 * ({@code DirectoryMain}) and by the tests alike.
 */
public final class EmbeddedServices implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedServices.class);

    private final EmbeddedDatabase database;
    private final EmbeddedOpenSearch openSearch;

    private EmbeddedServices(EmbeddedDatabase database, EmbeddedOpenSearch openSearch) {
        this.database = database;
        this.openSearch = openSearch;
    }

    public static EmbeddedServices start(EmbeddedSettings settings, boolean database, boolean searchEngine) {
        Path dataDir = settings.dataDir().toAbsolutePath();
        CompletableFuture<EmbeddedDatabase> db = database
                ? CompletableFuture.supplyAsync(() -> startDatabase(settings))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<EmbeddedOpenSearch> search = searchEngine
                ? CompletableFuture.supplyAsync(() -> startOpenSearch(settings, dataDir.resolve("opensearch")))
                : CompletableFuture.completedFuture(null);
        try {
            CompletableFuture.allOf(db, search).join();
        } catch (CompletionException e) {
            // Do not leave the one that did start running.
            db.thenAccept(EmbeddedServices::closeQuietly);
            search.thenAccept(EmbeddedServices::closeQuietly);
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return new EmbeddedServices(db.join(), search.join());
    }

    /** Starts whatever the environment does not configure, or nothing when embedded services are disabled. */
    public static EmbeddedServices startMissing(EmbeddedSettings settings) {
        if (!settings.enabled()) {
            return new EmbeddedServices(null, null);
        }
        return start(settings, !EmbeddedSettings.externalDatabase(), !EmbeddedSettings.externalSearchEngine());
    }

    public Map<String, String> configuration() {
        Map<String, String> config = new LinkedHashMap<>();
        if (database != null) {
            config.put(EmbeddedSettings.DATASOURCE_URL, database.jdbcUrl());
            config.put("quarkus.datasource.username", EmbeddedDatabase.USER);
            config.put("quarkus.datasource.password", "");
            database.archive().ifPresent(archive -> {
                // The application takes the base backups: it must know where the data and the archive are.
                config.put("directory.backup.dir", archive.dir().toString());
                config.put("directory.backup.database-dir", database.dataDir().toString());
            });
        }
        if (openSearch != null) {
            config.put(EmbeddedSettings.SEARCH_HOSTS, openSearch.hosts());
        }
        return config;
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public EmbeddedOpenSearch openSearch() {
        return openSearch;
    }

    private static EmbeddedDatabase startDatabase(EmbeddedSettings settings) {
        Path dir = settings.databaseDir();
        try {
            EmbeddedDatabase db = EmbeddedDatabase.start(dir, BackupArchive.of(settings));
            LOG.infof("Embedded PostgreSQL ready on port %d (data: %s)", db.port(), dir);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start in " + dir, e);
        }
    }

    private static EmbeddedOpenSearch startOpenSearch(EmbeddedSettings settings, Path dir) {
        try {
            return EmbeddedOpenSearch.start(settings, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded OpenSearch failed to start in " + dir, e);
        }
    }

    private static void closeQuietly(AutoCloseable service) {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (Exception e) {
            LOG.warn("Could not stop an embedded service", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(openSearch);
        closeQuietly(database);
    }
}
