package fr.dynamiques.sante.search;

import java.time.Duration;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import fr.dynamiques.sante.scheme.Scheme;

/**
 * Indexing is asynchronous (outbox polling): tests wait until no event is pending and the index is refreshed. (An event
 * aborted after its last retry stays in the outbox; the test that needed it fails on what it reads.)
 */
public final class Indexing {

    /** A busy 2-core machine running the engine, the database and the tests has taken more than 20 s. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Indexing() {
    }

    public static void await() {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        try {
            // In the test's own thread: the entity manager and the transaction are the test's.
            Awaitility.await("outbox drained").atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .pollInSameThread().until(() -> pending(em) == 0);
        } catch (ConditionTimeoutException e) {
            // What is left says why: events failed and waiting for their retry, or locked by another agent.
            throw new IllegalStateException("Outbox not drained after " + PATIENCE.toSeconds() + " s: " + left(em), e);
        }
        Arc.container().instance(SearchMapping.class).get().scope(Scheme.class).workspace().refresh();
    }

    private static long pending(EntityManager em) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from hsearch_outbox_event where status = 'PENDING'")
                        .getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private static String left(EntityManager em) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                """
                        select entity_name, entity_id, status, retries, process_after from hsearch_outbox_event order by process_after limit 10""")
                .getResultList());
        return rows.stream().map(r -> r[0] + "#" + r[1] + " status " + r[2] + ", retries " + r[3] + ", after " + r[4]).toList()
                .toString();
    }
}
