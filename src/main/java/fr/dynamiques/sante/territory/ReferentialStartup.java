package fr.dynamiques.sante.territory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * At start: loads the COG when its file changed, and rebuilds the territory indexes when they do not
 * match the database (after a load, or when the search engine lost or never had them).
 */
@ApplicationScoped
class ReferentialStartup {

    private final CogLoader loader;
    private final TerritoryIndexer indexer;

    ReferentialStartup(CogLoader loader, TerritoryIndexer indexer) {
        this.loader = loader;
        this.indexer = indexer;
    }

    void onStart(@Observes StartupEvent event) {
        boolean loaded = loader.loadIfChanged().isPresent();
        if (loaded || !indexer.isInSync()) {
            indexer.reindex();
        }
    }
}
