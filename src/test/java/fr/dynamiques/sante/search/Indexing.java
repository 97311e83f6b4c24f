package fr.dynamiques.sante.search;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.hibernate.search.mapper.orm.mapping.SearchMapping;

import fr.dynamiques.sante.scheme.Scheme;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Indexing is asynchronous (outbox polling): tests wait until the outbox is empty and the index refreshed. */
public final class Indexing {

    private Indexing() {
    }

    public static void await() {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (pending(em) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Outbox not drained after 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Arc.container().instance(SearchMapping.class).get().scope(Scheme.class).workspace().refresh();
    }

    private static long pending(EntityManager em) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from hsearch_outbox_event").getSingleResult()).longValue());
    }
}
