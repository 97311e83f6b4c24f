package fr.dynamiques.sante.search;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jboss.logging.Logger;

import fr.dynamiques.sante.scheme.Scheme;
import io.quarkus.runtime.StartupEvent;

/**
 * At start, after the demo data: rebuilds the scheme index when it does not hold as many schemes as the
 * database (a new or emptied search engine). Day to day, the outbox keeps it in step with every write.
 */
@ApplicationScoped
class SchemeIndexStartup {

    private static final Logger LOG = Logger.getLogger(SchemeIndexStartup.class);

    private final SearchMapping mapping;
    private final SearchSession session;

    SchemeIndexStartup(SearchMapping mapping, SearchSession session) {
        this.mapping = mapping;
        this.session = session;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) StartupEvent event) throws InterruptedException {
        long[] counts = counts();
        if (counts[0] == counts[1]) {
            return;
        }
        long start = System.nanoTime();
        // Recreating the index replaces a purge, which the embedded minimal OpenSearch cannot do (no _delete_by_query).
        mapping.scope(Scheme.class).massIndexer().dropAndCreateSchemaOnStart(true).purgeAllOnStart(false)
                .threadsToLoadObjects(2).batchSizeToLoadObjects(200).startAndWait();
        LOG.infof("Schemes indexed (%d in the database, %d were in the index) in %d ms", counts[0], counts[1],
                (System.nanoTime() - start) / 1_000_000);
    }

    @ActivateRequestContext
    @Transactional
    long[] counts() {
        mapping.scope(Scheme.class).workspace().refresh();
        return new long[] {Scheme.count(), session.search(Scheme.class).where(f -> f.matchAll()).fetchTotalHitCount()};
    }
}
