package fr.dynamiques.sante.search;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.registry.PerimeterMigration;
import fr.dynamiques.sante.scheme.Scheme;

/**
 * Rebuilds the scheme index from the database on demand, in the background, one rebuild at a time, and
 * tells how far it got. The new index is built beside the live one and swapped in when complete ({@link IndexRollover}):
 * search keeps answering from the live index meanwhile. Writes during a rebuild go to the new index (the outbox
 * indexes them there), so none is lost by the swap. One rebuild at a time, whichever process of the directory asks
 * ({@link RebuildLock}).
 */
@ApplicationScoped
public class Reindexing {

    private static final Logger LOG = Logger.getLogger(Reindexing.class);

    @Schema(name = "ReindexState")
    public enum State {
        IDLE,
        RUNNING,
        DONE,
        FAILED
    }

    @Schema(name = "ReindexStatus", description = "Where the rebuild of the scheme index stands", requiredProperties = {
            "state" })
    public record Status(@Schema(examples = "RUNNING") State state,
            @Schema(examples = "2026-11-23T18:00:00Z") Instant startedAt,
            @Schema(examples = "2026-11-23T18:00:04Z") Instant finishedAt, @Schema(examples = "3000") long total,
            @Schema(examples = "1200") long indexed, @Schema(examples = "40") int percent,
            @Schema(description = "Why it failed", examples = "Connection refused") String error) {
    }

    private final SearchMapping mapping;
    private final ObjectMapper json;
    private final DataSource dataSource;
    private final AtomicLong indexed = new AtomicLong();
    private volatile State state = State.IDLE;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile long total;
    private volatile String error;
    private volatile CompletableFuture<?> running = CompletableFuture.completedFuture(null);

    Reindexing(SearchMapping mapping, ObjectMapper json, DataSource dataSource) {
        this.mapping = mapping;
        this.json = json;
        this.dataSource = dataSource;
    }

    /** Starts a rebuild; 409 while one runs, in this process or another. */
    public synchronized Status start() {
        RebuildLock lock = RebuildLock.tryTake(dataSource)
                .orElseThrow(() -> new ProblemException(409, "A rebuild is already running.", List.of()));
        indexed.set(0);
        error = null;
        finishedAt = null;
        startedAt = Instant.now();
        state = State.RUNNING;
        IndexRollover rollover;
        try {
            total = QuarkusTransaction.requiringNew().call(() -> Scheme.count());
            rollover = IndexRollover.start(mapping, json);
        } catch (RuntimeException e) {
            lock.close();
            finish(e);
            throw e;
        }
        try {
            running = mapping.scope(Scheme.class).massIndexer()
                    // Into the new, empty index: nothing to drop or purge (search reads the live one meanwhile).
                    .dropAndCreateSchemaOnStart(false).purgeAllOnStart(false)
                    .threadsToLoadObjects(2).batchSizeToLoadObjects(200)
                    .monitor(new Progress())
                    .start()
                    .whenComplete((done, failure) -> end(rollover, lock, failure))
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            end(rollover, lock, e);
            throw e;
        }
        return status();
    }

    /** Swaps the new index in, or, if the rebuild or the swap failed, gives the live index its writes back. */
    private void end(IndexRollover rollover, RebuildLock lock, Throwable failure) {
        Throwable outcome = failure;
        // The rollover is closed (rolled back unless committed) before the lock is released.
        try (lock; rollover) {
            if (failure == null) {
                rollover.commit();
            }
        } catch (RuntimeException e) {
            outcome = e;
        }
        finish(outcome);
    }

    /**
     * A new COG renames places and adds former names and postal codes, which every scheme's document carries (not only
     * those of the perimeters it moved): rebuilt once the migration is committed. Search answers meanwhile.
     */
    void onCogMigrated(@Observes(during = TransactionPhase.AFTER_SUCCESS) PerimeterMigration.Report report) {
        try {
            start();
        } catch (ProblemException e) {
            LOG.infof("COG %d: the scheme index is being rebuilt already", report.cogYear());
        }
    }

    /** Waits for the rebuild under way, if any; its failure is in {@link #status()}. */
    public void awaitCompletion() {
        try {
            running.join();
        } catch (RuntimeException e) {
            // Reported by status().
        }
    }

    public Status status() {
        long count = Math.min(indexed.get(), total);
        int percent = total == 0 ? (state == State.DONE ? 100 : 0) : (int) (100 * count / total);
        return new Status(state, startedAt, finishedAt, total, count, percent, error);
    }

    private synchronized void finish(Throwable failure) {
        finishedAt = Instant.now();
        if (failure == null) {
            state = State.DONE;
            LOG.infof("Scheme index rebuilt: %d documents in %d ms", indexed.get(),
                    finishedAt.toEpochMilli() - startedAt.toEpochMilli());
        } else {
            state = State.FAILED;
            error = failure.getMessage();
            LOG.error("Scheme index rebuild failed", failure);
        }
    }

    private final class Progress implements MassIndexingMonitor {
        @Override
        public void documentsAdded(long increment) {
            indexed.addAndGet(increment);
        }

        @Override
        public void documentsBuilt(long increment) {
        }

        @Override
        public void entitiesLoaded(long increment) {
        }

        @Override
        public void indexingCompleted() {
        }
    }
}
