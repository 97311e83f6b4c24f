package fr.dynamiques.sante.territory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;

/**
 * At start: loads the COG when its file changed, and rebuilds the territory indexes when they do not
 * match the database (after a load, or when the search engine lost or never had them).
 */
@ApplicationScoped
class ReferentialStartup {

    private final CogLoader loader;
    private final TerritoryIndexer indexer;
    private final CogSnapshot snapshot;

    ReferentialStartup(CogLoader loader, TerritoryIndexer indexer, CogSnapshot snapshot) {
        this.loader = loader;
        this.indexer = indexer;
        this.snapshot = snapshot;
    }

    /** Runs before anything else that reads the referential at start (the demo data). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        boolean loaded = loader.loadIfChanged().isPresent();
        if (loaded) {
            snapshot.invalidate();
        }
        if (loaded || !indexer.isInSync()) {
            indexer.reindex();
        }
    }
}
