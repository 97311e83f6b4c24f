package fr.dynamiques.sante.overlap;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import fr.dynamiques.sante.problem.ProblemException;

/**
 * Figures over whole territories (coverage, kind x kind overlaps) change only when the registry does, yet cost from
 * tens of milliseconds (national coverage) to seconds (the matrix of a région at 100,000 schemes) and anyone may ask
 * for them. Each is kept with the registry's version it was computed at (V8__registry_version.sql) and served again
 * until a write moves that version: every answer is as of the last write, as without the cache.
 * <p>
 * Computing is capped: the same figure asked for while it is being computed waits for that computation, and at most
 * {@code directory.figures.concurrent-computations} run at once. A request that cannot start one within
 * {@code directory.figures.wait-seconds}, or finds {@code directory.figures.waiting} requests already waiting, gets a
 * 503 with Retry-After: a burst of anonymous requests cannot hold every database connection.
 */
@ApplicationScoped
public class FigureCache {

    /** A figure computed, or being computed, as of a version of the registry. */
    private record Figure(long version, CompletableFuture<Object> value) {

        boolean serves(long needed) {
            return version >= needed && !value.isCompletedExceptionally();
        }
    }

    private final LongSupplier registryVersion;
    private final Semaphore computing;
    private final Semaphore admitted;
    private final long waitMillis;
    /** Figures by key, a computation under way included: whoever asks for it meanwhile waits for it. */
    private final Cache<List<Object>, Figure> figures;

    @Inject
    FigureCache(EntityManager em, FiguresConfig config) {
        this(() -> ((Number) em.createNativeQuery("select version from registry_version").getSingleResult()).longValue(),
                config);
    }

    FigureCache(LongSupplier registryVersion, FiguresConfig config) {
        this.registryVersion = registryVersion;
        this.computing = new Semaphore(config.concurrentComputations(), true);
        this.admitted = new Semaphore(config.concurrentComputations() + config.waiting());
        this.waitMillis = TimeUnit.SECONDS.toMillis(config.waitSeconds());
        // Evictions run on the asking thread: they are cheap, and the cache holds no more than its size at any time.
        this.figures = Caffeine.newBuilder().maximumSize(config.cacheSize()).executor(Runnable::run).build();
    }

    /** The key of a figure: what it is, of where, for which kinds and statuses (in any order, repeated or not). */
    public static List<Object> key(String figure, Object where, List<String> kinds, List<String> statuses) {
        return Arrays.asList(figure, where, List.copyOf(new TreeSet<>(kinds)), List.copyOf(new TreeSet<>(statuses)));
    }

    /** The figure of this key as of the registry's current version: kept, or computed now (within the caller's transaction). */
    @SuppressWarnings("unchecked")
    public <T> T get(List<Object> key, Supplier<T> compute) {
        // The version is read before computing: a write committed in between makes the figure newer than its
        // version, never older, and the next request computes it again.
        long version = registryVersion.getAsLong();
        Figure kept = figures.getIfPresent(key);
        if (kept != null && kept.serves(version) && kept.value().isDone()) {
            return (T) kept.value().join();
        }
        // Whoever gets here holds a database connection (its transaction) while it waits: how many may wait is bounded
        // too, so that figures never hold more connections than computations plus waiting requests.
        if (!admitted.tryAcquire()) {
            throw busy();
        }
        try {
            return (T) computeOrAwait(key, version, compute);
        } finally {
            admitted.release();
        }
    }

    private Object computeOrAwait(List<Object> key, long version, Supplier<?> compute) {
        Figure mine = new Figure(version, new CompletableFuture<>());
        Figure figure = figures.asMap().compute(key, (k, kept) -> kept != null && kept.serves(version) ? kept : mine);
        if (figure != mine) {
            return await(figure.value());
        }
        try {
            if (!computing.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw busy();
            }
            try {
                mine.value().complete(compute.get());
                return mine.value().join();
            } finally {
                computing.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(key, mine, busy());
            throw busy();
        } catch (RuntimeException e) {
            fail(key, mine, e);
            throw e;
        }
    }

    /** Those waiting for this computation get its failure; the next request computes the figure again. */
    private void fail(List<Object> key, Figure computation, RuntimeException failure) {
        computation.value().completeExceptionally(failure);
        figures.asMap().remove(key, computation);
    }

    private Object await(CompletableFuture<Object> computation) {
        try {
            return computation.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    private static ProblemException busy() {
        return ProblemException
                .unavailable("The directory is computing many territory-wide figures at the moment; try again shortly.");
    }
}
