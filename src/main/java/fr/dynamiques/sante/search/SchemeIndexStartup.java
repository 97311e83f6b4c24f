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
    private final Reindexing reindexing;

    SchemeIndexStartup(SearchMapping mapping, SearchSession session, Reindexing reindexing) {
        this.mapping = mapping;
        this.session = session;
        this.reindexing = reindexing;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) StartupEvent event) {
        long[] counts = counts();
        if (counts[0] != counts[1]) {
            LOG.infof("Scheme index out of step (%d in the database, %d indexed): rebuilding", counts[0], counts[1]);
            reindexing.start();
            reindexing.awaitCompletion();
        }
    }

    @ActivateRequestContext
    @Transactional
    long[] counts() {
        mapping.scope(Scheme.class).workspace().refresh();
        return new long[] {Scheme.count(), session.search(Scheme.class).where(f -> f.matchAll()).fetchTotalHitCount()};
    }
}
