package fr.dynamiques.sante.overlap;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

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

    private record Kept(long version, Object figure) {
    }

    private final EntityManager em;
    private final Semaphore computing;
    private final Semaphore admitted;
    private final long waitMillis;
    private final Map<List<Object>, Kept> kept;
    /** Computations running, by key and version: a request waits only for a figure as recent as the one it needs. */
    private final Map<List<Object>, CompletableFuture<Object>> underway = new ConcurrentHashMap<>();

    FigureCache(EntityManager em, FiguresConfig config) {
        this.em = em;
        this.computing = new Semaphore(config.concurrentComputations(), true);
        this.admitted = new Semaphore(config.concurrentComputations() + config.waiting());
        this.waitMillis = TimeUnit.SECONDS.toMillis(config.waitSeconds());
        int size = config.cacheSize();
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, Kept> eldest) {
                return size() > size;
            }
        };
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
        long version = ((Number) em.createNativeQuery("select version from registry_version").getSingleResult()).longValue();
        synchronized (kept) {
            Kept figure = kept.get(key);
            if (figure != null && figure.version() >= version) {
                return (T) figure.figure();
            }
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
        List<Object> computation = List.of(key, version);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> other = underway.putIfAbsent(computation, mine);
        if (other != null) {
            return await(other);
        }
        try {
            if (!computing.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw busy();
            }
            try {
                Object figure = compute.get();
                synchronized (kept) {
                    kept.put(key, new Kept(version, figure));
                }
                mine.complete(figure);
                return figure;
            } finally {
                computing.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine.completeExceptionally(busy());
            throw busy();
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            underway.remove(computation, mine);
        }
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
