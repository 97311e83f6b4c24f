package fr.dynamiques.sante.search;

import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

import fr.dynamiques.sante.backup.RestoreMark;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;

/**
 * At start, after the demo data: rebuilds the scheme index when it and the outbox's pending events together
 * cannot account for every scheme of the database (a new or emptied search engine), or when the database was restored
 * (the index may hold schemes written after the instant restored to). Schemes written just before (the demo data, an
 * import before a restart) are on their way through the outbox: no rebuild for them.
 */
@ApplicationScoped
class SchemeIndexStartup {

    private static final Logger LOG = Logger.getLogger(SchemeIndexStartup.class);

    private final SearchMapping mapping;
    private final SearchSession session;
    private final Reindexing reindexing;
    private final ObjectMapper json;
    private final DataSource dataSource;
    private final RestoreMark restored;

    SchemeIndexStartup(SearchMapping mapping, SearchSession session, Reindexing reindexing, ObjectMapper json,
            DataSource dataSource,
            RestoreMark restored) {
        this.mapping = mapping;
        this.session = session;
        this.reindexing = reindexing;
        this.json = json;
        this.dataSource = dataSource;
        this.restored = restored;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) StartupEvent event) {
        // A rollover left open is repaired only when no process is rebuilding: then it was left by one that died.
        Optional<RebuildLock> lock = RebuildLock.tryTake(dataSource);
        if (lock.isPresent()) {
            try (RebuildLock held = lock.get()) {
                IndexRollover.recover(mapping, json);
            }
        }
        if (restored.pending()) {
            LOG.info("Database restored from a backup: rebuilding the scheme index");
            if (rebuild()) {
                restored.clear();
            }
        } else {
            rebuildIfLost();
        }
    }

    /** @return whether a rebuild ran */
    boolean rebuildIfLost() {
        long[] counts = counts();
        if (counts[1] + counts[2] >= counts[0] && counts[3] == 0) {
            return false;
        }
        LOG.infof(
                "Scheme index out of step (%d in the database, %d indexed, %d on their way, %d written by an older version): rebuilding",
                counts[0], counts[1], counts[2], counts[3]);
        return rebuild();
    }

    private boolean rebuild() {
        try {
            reindexing.start();
        } catch (ProblemException e) {
            // 409: another process of the directory, starting too, is rebuilding it.
            LOG.info("Scheme index: another process is rebuilding it");
            return false;
        }
        reindexing.awaitCompletion();
        return true;
    }

    /**
     * In the database, in the index, in the outbox waiting to be indexed, and indexed by an older version: with labels
     * but without the themes counted under the vocabulary, which the theme facet reads, or with inhabitants but without
     * a density class (a field added is not filled in the documents already there).
     */
    @ActivateRequestContext
    @Transactional
    long[] counts() {
        mapping.scope(Scheme.class).workspace().refresh();
        long pending = ((Number) Scheme.getEntityManager()
                .createNativeQuery("select count(*) from hsearch_outbox_event where entity_name = 'Scheme'")
                .getSingleResult()).longValue();
        long older = session.search(Scheme.class).where(f -> f.or(
                f.bool().must(f.exists().field("themesText")).mustNot(f.exists().field("themeCounted")),
                f.bool().must(f.range().field("population").greaterThan(0L)).mustNot(f.exists().field("density"))))
                .fetchTotalHitCount();
        return new long[] { Scheme.count(), session.search(Scheme.class).where(f -> f.matchAll()).fetchTotalHitCount(), pending,
                older };
    }
}
