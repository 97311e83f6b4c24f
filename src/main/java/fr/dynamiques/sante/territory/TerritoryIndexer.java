package fr.dynamiques.sante.territory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Keeps the territory indexes equal to the referential in PostgreSQL. */
@ApplicationScoped
public class TerritoryIndexer {

    private static final Logger LOG = Logger.getLogger(TerritoryIndexer.class);

    private final SearchMapping mapping;
    private final SearchSession session;
    private final ObjectMapper json;

    TerritoryIndexer(SearchMapping mapping, SearchSession session, ObjectMapper json) {
        this.mapping = mapping;
        this.session = session;
        this.json = json;
    }

    /** Rebuilds the territory indexes from the database. */
    public void reindex() {
        long start = System.nanoTime();
        TerritoryIndexes indexes = TerritoryIndexes.of(mapping, json);
        // Recreating the indexes replaces a purge, which needs _delete_by_query: that lives in OpenSearch's reindex module,
        // absent from the minimal distribution we embed. Empty ones, as at a first start (created at boot), are filled as
        // they are: dropping and creating the five took 1.6 to 3.8 s of that start on a 2-core machine.
        if (!indexes.empty()) {
            mapping.scope(Territory.class).schemaManager().dropAndCreate();
        }
        try (TerritoryIndexes.Filling filling = indexes.fill()) {
            mapping.scope(Territory.class).massIndexer()
                    .dropAndCreateSchemaOnStart(false)
                    .purgeAllOnStart(false)
                    .threadsToLoadObjects(2)
                    .batchSizeToLoadObjects(1000)
                    .startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Territory indexing interrupted", e);
        }
        LOG.infof("Territories indexed in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** True when every territory of the database, and nothing else, is in the indexes. */
    @ActivateRequestContext
    @Transactional
    public boolean isInSync() {
        long inDatabase = Region.count() + Department.count() + Epci.count() + Commune.count() + Arrondissement.count();
        long indexed = session.search(Territory.class).where(f -> f.matchAll()).fetchTotalHitCount();
        return inDatabase == indexed;
    }
}
