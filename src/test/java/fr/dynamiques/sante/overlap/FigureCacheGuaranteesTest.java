package fr.dynamiques.sante.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.dynamiques.sante.problem.ProblemException;

/**
 * What {@link FigureCache} promises, without a database: one computation per figure and version however many ask,
 * figures served again until the version moves, a bounded number kept, a bounded number computed and waiting, and a
 * bounded wait (FigureCacheTest checks the same through the API, with the 503's Retry-After).
 */
@Tag("unit")
class FigureCacheGuaranteesTest {

    private record Config(int cacheSize, int concurrentComputations, int waiting, int waitSeconds)
            implements
                FiguresConfig {
    }

    private final AtomicLong version = new AtomicLong(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseComputations() {
        release.countDown();
    }

    private FigureCache cache(Config config) {
        return new FigureCache(version::get, config);
    }

    private static List<Object> key(String where) {
        return FigureCache.key("coverage", where, List.of("CPTS"), List.of());
    }

    /** A computation that answers once the test releases it. */
    private Supplier<String> held(AtomicInteger computed, CountDownLatch started) {
        return () -> {
            computed.incrementAndGet();
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "figure";
        };
    }

    private static CompletableFuture<Object> async(Supplier<Object> ask) {
        return CompletableFuture.supplyAsync(ask);
    }

    private static void assertBusy(CompletableFuture<?> asked) {
        assertThatThrownBy(() -> asked.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(503));
    }

    @Test
    void aFigureAskedForWhileItIsComputedIsComputedOnce() throws Exception {
        FigureCache cache = cache(new Config(10, 2, 8, 20));
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Object> first = async(() -> cache.get(key("84"), held(computed, started)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Object>> others = IntStream.range(0, 5)
                .mapToObj(i -> async(() -> cache.get(key("84"), held(computed, new CountDownLatch(1))))).toList();
        Thread.sleep(200);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("figure");
        for (CompletableFuture<Object> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("figure");
        }
        assertThat(computed).hasValue(1);
    }

    @Test
    void aFigureIsServedAgainUntilTheVersionMoves() {
        FigureCache cache = cache(new Config(10, 2, 8, 20));
        AtomicInteger computed = new AtomicInteger();
        Supplier<Integer> compute = computed::incrementAndGet;

        assertThat(cache.get(key("84"), compute)).isEqualTo(1);
        assertThat(cache.get(FigureCache.key("coverage", "84", List.of("CPTS", "CPTS"), List.of()), compute))
                .as("the same figure").isEqualTo(1);
        version.incrementAndGet();
        assertThat(cache.get(key("84"), compute)).isEqualTo(2);
        assertThat(cache.get(key("84"), compute)).isEqualTo(2);
    }

    @Test
    void aFailedComputationIsNotKept() {
        FigureCache cache = cache(new Config(10, 2, 8, 20));
        assertThatThrownBy(() -> cache.get(key("84"), () -> {
            throw new IllegalStateException("the database went away");
        })).hasMessage("the database went away");
        assertThat(cache.get(key("84"), () -> "figure")).isEqualTo("figure");
    }

    @Test
    void atMostTheCacheSizeIsKept() {
        FigureCache cache = cache(new Config(3, 2, 8, 20));
        AtomicInteger computed = new AtomicInteger();
        List<String> places = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        places.forEach(place -> cache.get(key(place), computed::incrementAndGet));
        places.forEach(place -> cache.get(key(place), computed::incrementAndGet));
        assertThat(computed.get()).as("ten figures, three kept at most").isGreaterThanOrEqualTo(10 + 7);
    }

    @Test
    void computationsBeyondTheCapWaitTheirTurnAndRequestsBeyondTheWaitingGet503AtOnce() throws Exception {
        // A five-second wait, so that "at once" is told from "after waiting" on a busy machine.
        FigureCache cache = cache(new Config(10, 1, 1, 5));
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Object> first = async(() -> cache.get(key("84"), held(new AtomicInteger(), started)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        CompletableFuture<Object> waiting = async(() -> cache.get(key("93"), () -> "other"));
        Thread.sleep(1000);
        long asked = System.nanoTime();
        assertThatThrownBy(() -> cache.get(key("11"), () -> "beyond")).isInstanceOf(ProblemException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked)).as("refused at once").isLessThan(2500);
        assertThat(waiting).as("still waiting for its turn").isNotDone();
        assertBusy(waiting);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("waited its five seconds")
                .isGreaterThanOrEqualTo(5000);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("figure");
        assertThat(cache.get(key("93"), () -> "other")).as("a turn once the first is done").isEqualTo("other");
    }

    @Test
    void aRequestWaitsForTheSameFigureNoLongerThanTheWait() throws Exception {
        FigureCache cache = cache(new Config(10, 2, 8, 1));
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger computed = new AtomicInteger();
        CompletableFuture<Object> first = async(() -> cache.get(key("84"), held(computed, started)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        assertBusy(async(() -> cache.get(key("84"), held(computed, new CountDownLatch(1)))));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(1000L, 15000L);
        assertThat(computed).as("it waited, it did not compute").hasValue(1);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("figure");
        assertThat(cache.get(key("84"), () -> "again")).as("kept").isEqualTo("figure");
    }

    @Test
    void aWriteDuringAComputationMakesTheNextRequestComputeAgain() throws Exception {
        FigureCache cache = cache(new Config(10, 2, 8, 20));
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Object> first = async(() -> cache.get(key("84"), held(new AtomicInteger(), started)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        version.incrementAndGet();
        assertThat(cache.get(key("84"), () -> "newer")).as("does not wait for an older figure").isEqualTo("newer");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("figure");
        assertThat(cache.get(key("84"), () -> "again")).isEqualTo("newer");
    }
}
