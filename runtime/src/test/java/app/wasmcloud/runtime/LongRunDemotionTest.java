package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A long invocation's thread is lowered while it runs and given its priority back after; short ones never are. */
class LongRunDemotionTest {

    private static final long STACK = 1024 * 1024;

    @BeforeAll
    static void needsNiceness() {
        assumeTrue(Niceness.available(), "needs Linux and the right to raise a thread's priority back");
    }

    @Test
    void aLongRunIsLoweredWhileItRunsAndItsThreadGetsItsPriorityBack() throws Exception {
        try (ExecutionPool pool = new ExecutionPool(1, STACK, 1, Duration.ofMillis(50));
                RequestThread caller = new RequestThread()) {
            Future<RunResult> spin = caller.submit(() -> pool.run(Fixtures.load("loop_br"), withTimeout(1_000)));

            assertThat(pool.demotesLongRuns()).isTrue();
            assertThat(niceWithin(caller.id, Duration.ofMillis(800), Watchdog.DEMOTED_NICE))
                    .isEqualTo(Watchdog.DEMOTED_NICE);
            assertThat(spin.get().outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(Niceness.of(caller.id)).isEqualTo(caller.niceBefore);
        }
    }

    @Test
    void aPoolNotAskedToDemoteLeavesLongRunsTheirPriority() throws Exception {
        try (ExecutionPool pool = new ExecutionPool(1, STACK, 1);
                RequestThread caller = new RequestThread()) {
            Future<RunResult> spin = caller.submit(() -> pool.run(Fixtures.load("loop_br"), withTimeout(400)));

            assertThat(pool.demotesLongRuns()).isFalse();
            assertThat(niceWithin(caller.id, Duration.ofMillis(300), Watchdog.DEMOTED_NICE))
                    .isEqualTo(caller.niceBefore);
            assertThat(spin.get().outcome()).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @Test
    void shortRunsAreNeverLowered() throws Exception {
        try (ExecutionPool pool = new ExecutionPool(1, STACK, 1, Duration.ofMillis(50));
                RequestThread caller = new RequestThread()) {
            // Back-to-back short runs on one thread for a second: none lasts long enough to be demoted.
            Future<Boolean> allOk = caller.submit(() -> {
                long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                boolean ok = true;
                while (System.nanoTime() - end < 0) {
                    ok &= pool.run(Fixtures.load("hello_start"), Fixtures.invocation())
                                    .outcome()
                            == Outcome.OK;
                }
                return ok;
            });

            assertThat(niceWithin(caller.id, Duration.ofMillis(900), Watchdog.DEMOTED_NICE))
                    .isEqualTo(caller.niceBefore);
            assertThat(allOk.get()).isTrue();
        }
    }

    /** One thread with a guest stack, as a server's request thread, with its kernel id and starting nice value. */
    private static final class RequestThread implements AutoCloseable {

        final ExecutorService executor =
                Executors.newSingleThreadExecutor(ExecutionPool.guestThreadFactory("request-", STACK));
        final int id;
        final int niceBefore;

        RequestThread() throws Exception {
            id = executor.submit(Niceness::currentThreadId).get();
            niceBefore = Niceness.of(id);
        }

        <T> Future<T> submit(Callable<T> work) {
            return executor.submit(work);
        }

        @Override
        public void close() {
            executor.close();
        }
    }

    /** Polls the thread's nice value until it is {@code wanted} or the time is up; returns the last one seen. */
    private static int niceWithin(int thread, Duration patience, int wanted) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        int nice = Niceness.of(thread);
        while (nice != wanted && System.nanoTime() - end < 0) {
            Thread.sleep(10);
            nice = Niceness.of(thread);
        }
        return nice;
    }

    private static Invocation withTimeout(long millis) {
        return new Invocation(
                List.of("fn"), Map.of(), new byte[0], Limits.defaults().withTimeout(Duration.ofMillis(millis)));
    }
}
