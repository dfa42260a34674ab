package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Limits: time, memory, output, stack; and the pool's own behaviour. */
class ExecutionPoolTest {

    private static ExecutionPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ExecutionPool(2, 1024 * 1024);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    private static Invocation withLimits(Limits limits) {
        return new Invocation(List.of("fn"), Map.of(), new byte[0], limits);
    }

    @ParameterizedTest(name = "{0} ends as a timeout")
    @ValueSource(strings = {"loop_br", "loop_br_if", "loop_br_table", "start_loop"})
    void infiniteLoopsEndAsTimeoutSoonAfterTheLimit(String fixture) throws InterruptedException {
        Invocation invocation = withLimits(Limits.defaults().withTimeout(Duration.ofMillis(500)));

        long start = System.nanoTime();
        RunResult result = pool.run(Fixtures.load(fixture), invocation);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofMillis(1500));
        assertThat(result.wallNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(450).toNanos());
        assertThat(result.cpuNanos()).isPositive();
    }

    @Test
    void aGuestThreadIsReusableAfterATimeout() throws InterruptedException {
        Invocation invocation = withLimits(Limits.defaults().withTimeout(Duration.ofMillis(200)));
        for (int i = 0; i < 3; i++) {
            assertThat(pool.run(Fixtures.load("loop_br"), invocation).outcome()).isEqualTo(Outcome.TIMEOUT);
        }

        RunResult result = pool.run(Fixtures.load("hello_start"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(Fixtures.text(result.stdout())).isEqualTo("Content-Type: text/plain\n\nhi\n");
    }

    @Test
    void unboundedRecursionIsATrapNotAStackOverflowError() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("recursion"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.TRAP);
        assertThat(result.trapMessage()).contains("call stack exhausted");
    }

    @Test
    void unreachableIsATrap() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("unreachable"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.TRAP);
        assertThat(result.trapMessage()).isNotBlank();
    }

    @Test
    void memoryGrowBombEndsAtTheMemoryLimit() throws InterruptedException {
        Invocation invocation = withLimits(Fixtures.quickLimits().withMaxMemoryPages(32));

        RunResult result = pool.run(Fixtures.load("grow_bomb"), invocation);

        assertThat(result.outcome()).isEqualTo(Outcome.MEMORY_LIMIT);
        assertThat(result.peakMemoryPages()).isEqualTo(32);
    }

    @Test
    void memoryGrowPastTheCapReturnsMinusOne() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("grow_refused"), Fixtures.invocation());

        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.outcome()).isEqualTo(Outcome.NONZERO_EXIT);
        assertThat(result.peakMemoryPages()).isEqualTo(1);
    }

    @Test
    void grownMemoryKeepsItsContentAndIsZeroedUpToItsLastByte() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("grown_memory", "last_word"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.peakMemoryPages()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} traps")
    @ValueSource(strings = {"past_the_end", "straddling_the_end"})
    void loadsPastTheLastGrownPageTrapAsOutOfBounds(String entrypoint) throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("grown_memory", entrypoint), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.TRAP);
        assertThat(result.trapMessage()).contains("out of bounds memory access", "limit is: 196608");
    }

    @Test
    void aModuleWhoseMemoryStartsOverTheInvocationLimitDoesNotStart() throws InterruptedException {
        WasmFunction function = Fixtures.load("hello_start");

        RunResult result = pool.run(function, withLimits(Fixtures.quickLimits().withMaxMemoryPages(0)));

        assertThat(result.outcome()).isEqualTo(Outcome.MEMORY_LIMIT);
    }

    @Test
    void stdoutFloodEndsAtTheOutputLimitKeepingWhatFit() throws InterruptedException {
        Invocation invocation = withLimits(Fixtures.quickLimits().withMaxStdoutBytes(100_000));

        RunResult result = pool.run(Fixtures.load("output_flood"), invocation);

        assertThat(result.outcome()).isEqualTo(Outcome.OUTPUT_LIMIT);
        assertThat(result.stdout()).hasSize(100_000);
        assertThat(result.trapMessage()).contains("stdout");
    }

    @Test
    void stderrFloodEndsAtTheOutputLimit() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("stderr_flood"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.OUTPUT_LIMIT);
        assertThat(result.stderr()).hasSize(Limits.defaults().maxStderrBytes());
    }

    @Test
    void logsPastTheirCapAreDroppedWithANoteAndTheRunSucceeds() throws InterruptedException {
        Invocation invocation = withLimits(Fixtures.quickLimits().withMaxLogBytes(1000));

        RunResult result = pool.run(Fixtures.load("log_flood"), invocation);

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.logLines()).hasSize(11);
        assertThat(result.logLines().getLast().message()).startsWith("log truncated");
        assertThat(result.hostCalls()).containsEntry("log_write", 1000L);
    }

    @Test
    void exitCodeFromRuntimeExitInStart() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("exit_code"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.NONZERO_EXIT);
        assertThat(result.exitCode()).isEqualTo(3);
    }

    @Test
    void aFullQueueIsRejected() throws Exception {
        WasmFunction spin = Fixtures.load("loop_br");
        Invocation invocation = withLimits(Limits.defaults().withTimeout(Duration.ofMillis(800)));
        try (ExecutionPool tiny = new ExecutionPool(1, 512 * 1024, 1);
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            List<Future<RunResult>> running = new ArrayList<>();
            running.add(callers.submit(() -> tiny.run(spin, invocation)));
            Thread.sleep(100);
            running.add(callers.submit(() -> tiny.run(spin, invocation)));
            Thread.sleep(100);

            assertThatThrownBy(() -> tiny.run(spin, invocation)).isInstanceOf(RejectedExecutionException.class);
            for (Future<RunResult> call : running) {
                assertThat(call.get().outcome()).isEqualTo(Outcome.TIMEOUT);
            }
        }
    }

    @Test
    void aCallerWithAGuestStackRunsTheInvocationItselfAndKeepsNoInterruptFromItsTimeout() throws Exception {
        WasmFunction spin = Fixtures.load("loop_br");
        Invocation invocation = withLimits(Limits.defaults().withTimeout(Duration.ofMillis(300)));
        try (ExecutorService callers =
                Executors.newSingleThreadExecutor(ExecutionPool.guestThreadFactory("request-", 1024 * 1024))) {
            Future<Thread> caller = callers.submit(Thread::currentThread);
            Future<List<Object>> outcomes = callers.submit(() -> List.of(
                    pool.run(spin, invocation).outcome(),
                    Thread.currentThread().isInterrupted(),
                    pool.run(Fixtures.load("hello_start"), Fixtures.invocation())
                            .outcome()));
            Thread.sleep(100);

            assertThat(caller.get().getStackTrace())
                    .as("the guest runs on the caller's own thread")
                    .anyMatch(frame -> frame.getClassName().equals(GuestRun.class.getName()));
            assertThat(outcomes.get()).containsExactly(Outcome.TIMEOUT, false, Outcome.OK);
        }
    }

    @Test
    void closingStopsAGuestRunningOnItsCallersThread() throws Exception {
        WasmFunction spin = Fixtures.load("loop_br");
        Invocation invocation = withLimits(Limits.defaults().withTimeout(Duration.ofSeconds(30)));
        // Two slots: with one, a second close releasing as many permits again happened to fit in an int.
        ExecutionPool closing = new ExecutionPool(2, 512 * 1024);
        try (ExecutorService callers =
                Executors.newSingleThreadExecutor(ExecutionPool.guestThreadFactory("request-", 512 * 1024))) {
            Future<RunResult> running = callers.submit(() -> closing.run(spin, invocation));
            Thread.sleep(200);

            closing.close();

            assertThat(running.get(5, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThatThrownBy(() -> closing.run(spin, invocation)).isInstanceOf(RejectedExecutionException.class);
            closing.close(); // a second close (the try-with-resources of a caller, say) changes nothing
            assertThatThrownBy(() -> closing.run(spin, invocation)).isInstanceOf(RejectedExecutionException.class);
        }
    }

    @Test
    void invocationsRunInParallelOnDifferentInstances() throws Exception {
        WasmFunction function = Fixtures.load("olin_abi", "stdin_echo");
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<RunResult>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = "request " + i;
                results.add(
                        callers.submit(() -> pool.run(function, Fixtures.invocation(List.of("fn"), Map.of(), body))));
            }
            for (int i = 0; i < 40; i++) {
                assertThat(Fixtures.text(results.get(i).get().stdout())).isEqualTo("request " + i);
            }
        }
    }
}
