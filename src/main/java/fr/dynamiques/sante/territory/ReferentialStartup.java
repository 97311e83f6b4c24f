package fr.dynamiques.sante.territory;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;

import fr.dynamiques.sante.backup.RestoreMark;

/**
 * At start: loads the COG when its file changed, and rebuilds the territory indexes when they do not
 * match the database (after a load, when the search engine lost or never had them, or after a restore of the database).
 */
@ApplicationScoped
class ReferentialStartup {

    private final CogLoader loader;
    private final TerritoryIndexer indexer;
    private final CogSnapshot snapshot;
    private final RestoreMark restored;

    ReferentialStartup(CogLoader loader, TerritoryIndexer indexer, CogSnapshot snapshot, RestoreMark restored) {
        this.loader = loader;
        this.indexer = indexer;
        this.snapshot = snapshot;
        this.restored = restored;
    }

    /** Runs before anything else that reads the referential at start (the demo data). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        boolean loaded = loader.loadIfChanged().isPresent();
        if (loaded) {
            snapshot.invalidate();
        }
        // The scheme index's start clears the restore's mark, after this.
        if (loaded || !indexer.isInSync() || restored.pending()) {
            indexer.reindex();
        }
        // Read into memory now rather than by the first request: territory reads are answered on I/O threads.
        snapshot.loadId();
    }
}
