package fr.dynamiques.sante.territory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jboss.logging.Logger;

/** Keeps the territory indexes equal to the referential in PostgreSQL. */
@ApplicationScoped
public class TerritoryIndexer {

    private static final Logger LOG = Logger.getLogger(TerritoryIndexer.class);

    private final SearchMapping mapping;
    private final SearchSession session;

    TerritoryIndexer(SearchMapping mapping, SearchSession session) {
        this.mapping = mapping;
        this.session = session;
    }

    /** Rebuilds the territory indexes from the database. */
    public void reindex() {
        long start = System.nanoTime();
        // Stale documents go by recreating the indexes: a purge needs _delete_by_query, which lives in OpenSearch's reindex
        // module, absent from the minimal distribution we embed. Empty ones, as at a first start (Hibernate Search has just
        // created them), are filled as they are.
        SearchScope<Territory> territories = mapping.scope(Territory.class);
        territories.workspace().refresh();
        if (indexed() > 0) {
            territories.schemaManager().dropAndCreate();
        }
        try {
            territories.massIndexer()
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
        return inDatabase == indexed();
    }

    /** How many territories the indexes hold. */
    @ActivateRequestContext
    @Transactional
    long indexed() {
        return session.search(Territory.class).where(f -> f.matchAll()).fetchTotalHitCount();
    }
}
