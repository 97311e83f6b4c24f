package fr.dynamiques.sante.api;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Where the registry stands: the last revision committed (every write of a scheme takes the next one, every deletion
 * leaves one, see V11__scheme_revisions.sql, and so does a completeness declaration, V16, which changes what figures say)
 * and when. One indexed read, done before answering a read that may be 304.
 */
@ApplicationScoped
public class RegistryState {

    public record State(long revision, Instant changedAt) {
    }

    /** Each maximum an index lookup (V11 and V14), whatever the registry's size: it runs before every validated read. */
    static final String QUERY = "select greatest((select max(revision) from scheme), (select max(revision) from scheme_deletion), "
            + "(select max(revision) from completeness)), "
            + "greatest((select max(updated_at) from scheme), (select max(deleted_at) from scheme_deletion), (select max(declared_at) from completeness))";

    private final EntityManager em;

    RegistryState(EntityManager em) {
        this.em = em;
    }

    public State now() {
        Object[] row = (Object[]) em.createNativeQuery(QUERY).getSingleResult();
        long revision = row[0] == null ? 0 : ((Number) row[0]).longValue();
        Instant changedAt = row[1] == null ? Instant.EPOCH : row[1] instanceof Timestamp t ? t.toInstant() : (Instant) row[1];
        return new State(revision, changedAt);
    }
}
