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

/** A long invocation's thread is demoted while it runs and given its priority back after; short ones never are. */
class LongRunDemotionTest {

    private static final long STACK = 1024 * 1024;

    @BeforeAll
    static void needsThreadPriorities() {
        assumeTrue(ThreadPriority.available(), "needs Linux and the right to give a thread its priority back");
    }

    @Test
    void aLongRunIsLoweredWhileItRunsAndItsThreadGetsItsPriorityBack() throws Exception {
        try (ExecutionPool pool =
                        new ExecutionPool(1, STACK, 1, ExecutionPool.DEFAULT_QUEUE_DEADLINE, Duration.ofMillis(50));
                RequestThread caller = new RequestThread()) {
            Future<RunResult> spin = caller.submit(() -> pool.run(Fixtures.load("loop_br"), withTimeout(1_000)));

            assertThat(pool.demotesLongRuns()).isTrue();
            assertThat(policyWithin(caller.id, Duration.ofMillis(800), Watchdog.DEMOTED_POLICY))
                    .isEqualTo(ThreadPriority.SCHED_IDLE);
            assertThat(spin.get().outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(ThreadPriority.policyOf(caller.id)).isEqualTo(caller.policyBefore);
        }
    }

    @Test
    void aPoolNotAskedToDemoteLeavesLongRunsTheirPriority() throws Exception {
        try (ExecutionPool pool = new ExecutionPool(1, STACK, 1);
                RequestThread caller = new RequestThread()) {
            Future<RunResult> spin = caller.submit(() -> pool.run(Fixtures.load("loop_br"), withTimeout(400)));

            assertThat(pool.demotesLongRuns()).isFalse();
            assertThat(policyWithin(caller.id, Duration.ofMillis(300), Watchdog.DEMOTED_POLICY))
                    .isEqualTo(caller.policyBefore);
            assertThat(spin.get().outcome()).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @Test
    void shortRunsAreNeverLowered() throws Exception {
        try (ExecutionPool pool =
                        new ExecutionPool(1, STACK, 1, ExecutionPool.DEFAULT_QUEUE_DEADLINE, Duration.ofMillis(50));
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

            assertThat(policyWithin(caller.id, Duration.ofMillis(900), Watchdog.DEMOTED_POLICY))
                    .isEqualTo(caller.policyBefore);
            assertThat(allOk.get()).isTrue();
        }
    }

    @Test
    void aGuestThatWaitsInsteadOfRunningIsNeitherLoweredNorALongRun() throws Exception {
        try (ExecutionPool pool =
                        new ExecutionPool(1, STACK, 1, ExecutionPool.DEFAULT_QUEUE_DEADLINE, Duration.ofMillis(20));
                RequestThread caller = new RequestThread()) {
            // Asleep for far longer than demote-after, with almost no CPU used: the same as a short invocation held
            // up by a busy machine or a collector's pause, which must not come back at the idle policy.
            Future<RunResult> sleeper =
                    caller.submit(() -> pool.run(Fixtures.load("olin_abi", "msleep_long"), withTimeout(700)));

            assertThat(policyWithin(caller.id, Duration.ofMillis(500), Watchdog.DEMOTED_POLICY))
                    .isEqualTo(caller.policyBefore);
            assertThat(pool.longRuns()).isZero();
            assertThat(sleeper.get().outcome()).isEqualTo(Outcome.TIMEOUT);
        }
    }

    /** One thread with a guest stack, as a server's request thread, with its kernel id and starting policy. */
    private static final class RequestThread implements AutoCloseable {

        final ExecutorService executor =
                Executors.newSingleThreadExecutor(ExecutionPool.guestThreadFactory("request-", STACK));
        final int id;
        final int policyBefore;

        RequestThread() throws Exception {
            id = executor.submit(ThreadPriority::currentThreadId).get();
            policyBefore = ThreadPriority.policyOf(id);
        }

        <T> Future<T> submit(Callable<T> work) {
            return executor.submit(work);
        }

        @Override
        public void close() {
            executor.close();
        }
    }

    /** Polls the thread's policy until it is {@code wanted} or the time is up; returns the last one seen. */
    private static int policyWithin(int thread, Duration patience, int wanted) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        int policy = ThreadPriority.policyOf(thread);
        while (policy != wanted && System.nanoTime() - end < 0) {
            Thread.sleep(10);
            policy = ThreadPriority.policyOf(thread);
        }
        return policy;
    }

    private static Invocation withTimeout(long millis) {
        return new Invocation(
                List.of("fn"), Map.of(), new byte[0], Limits.defaults().withTimeout(Duration.ofMillis(millis)));
    }
}
