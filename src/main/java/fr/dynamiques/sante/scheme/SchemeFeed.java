package fr.dynamiques.sante.scheme;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * The registry's changes in the order they were committed: each scheme written since a revision (as it is now), each
 * scheme deleted since (a tombstone). A mirror that starts at 0 gets the whole registry, then asks for what came after
 * the last revision it applied. Revisions are drawn under the write lock (V11__scheme_revisions.sql): a change committed
 * later always has a higher revision, so none is missed between two calls.
 */
@ApplicationScoped
public class SchemeFeed {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;

    @Schema(name = "SchemeChanges", description = "Changes after a revision, oldest first", requiredProperties = { "items",
            "next", "more" })
    public record Page(List<Change> items,
            @Schema(description = "The revision to ask from next time (since=): the last one listed, or "
                    + "since itself", examples = "1043") long next,
            @Schema(description = "Whether more changes follow: ask again at once with since=next", examples = "false") boolean more) {
    }

    @Schema(name = "SchemeChangeEntry", description = "A scheme written (as it is now) or deleted, at a revision", requiredProperties = {
            "revision", "id", "ref", "deleted", "at" })
    public record Change(@Schema(examples = "1043") long revision, @Schema(examples = "42") long id,
            @Schema(examples = "ars-ara-cls-0042") String ref,
            @Schema(description = "True for a deletion: the scheme is gone, drop it", examples = "false") boolean deleted,
            @Schema(description = "When it was written or deleted") Instant at,
            @Schema(description = "The scheme as GET /schemes/{id} gives it (without history); absent for a deletion") @JsonInclude(JsonInclude.Include.NON_NULL) SchemeDocument scheme) {
    }

    private final EntityManager em;
    private final CogSnapshot cog;

    SchemeFeed(EntityManager em, CogSnapshot cog) {
        this.em = em;
        this.cog = cog;
    }

    public Page since(long revision, int size, boolean withPersonalData) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, revision, ref, false as deleted, updated_at as at from scheme where revision > :since
                union all
                select id, revision, ref, true, deleted_at from scheme_deletion where revision > :since
                order by revision
                limit :limit""").setParameter("since", revision).setParameter("limit", size + 1).getResultList();
        boolean more = rows.size() > size;
        List<Object[]> listed = more ? rows.subList(0, size) : rows;
        List<Long> written = listed.stream().filter(r -> !(Boolean) r[3]).map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, Scheme> schemes = written.isEmpty() ? Map.of()
                : Scheme.<Scheme> list("id in ?1", written).stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<Change> changes = new ArrayList<>(listed.size());
        for (Object[] row : listed) {
            long id = ((Number) row[0]).longValue();
            boolean deleted = (Boolean) row[3];
            changes.add(new Change(((Number) row[1]).longValue(), id, (String) row[2], deleted, instant(row[4]),
                    deleted ? null : SchemeDocument.of(schemes.get(id), cog, withPersonalData, null)));
        }
        return new Page(changes, changes.isEmpty() ? revision : changes.get(changes.size() - 1).revision(), more);
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}
