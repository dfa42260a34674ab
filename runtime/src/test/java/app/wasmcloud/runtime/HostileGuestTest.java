package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.runtime.olin.CpuSlot;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guests written to hurt: each one must end its own invocation with the right outcome, cost the host no more than
 * its limits allow, and leave every other invocation on the same pool unharmed.
 */
class HostileGuestTest {

    private static final int SIXTEEN_MIB = 16 * 1024 * 1024;

    private static ExecutionPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ExecutionPool(2, 1024 * 1024);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    @ParameterizedTest(name = "{0} ends as {1} while hello keeps succeeding on the same pool")
    @CsvSource({
        "loop_br, TIMEOUT",
        "loop_br_if, TIMEOUT",
        "loop_br_table, TIMEOUT",
        "start_loop, TIMEOUT",
        "start_trap, TRAP",
        "recursion, TRAP",
        "unreachable, TRAP",
        "grow_bomb, MEMORY_LIMIT",
        "output_flood, OUTPUT_LIMIT",
        "stderr_flood, OUTPUT_LIMIT",
    })
    void aHostileGuestEndsItsOwnInvocationWhileOthersOnThePoolKeepSucceeding(String fixture, Outcome expected)
            throws Exception {
        WasmFunction hostile = Fixtures.load(fixture);
        WasmFunction hello = Fixtures.load("hello_start");
        Limits limits =
                Fixtures.quickLimits().withTimeout(Duration.ofMillis(700)).withMaxMemoryPages(64);
        try (ExecutorService caller = Executors.newSingleThreadExecutor()) {
            Future<RunResult> attack = caller.submit(
                    () -> pool.run(hostile, new Invocation(List.of("fn"), Map.of(), new byte[0], limits)));

            int served = 0;
            // At least 20 invocations, and for as long as the hostile one is running.
            while (served < 20 || !attack.isDone()) {
                RunResult result = pool.run(hello, Fixtures.invocation());
                assertThat(result.outcome()).as(result.trapMessage()).isEqualTo(Outcome.OK);
                assertThat(Fixtures.text(result.stdout())).isEqualTo("Content-Type: text/plain\n\nhi\n");
                served++;
            }

            RunResult attackResult = attack.get();
            assertThat(attackResult.outcome()).as(attackResult.trapMessage()).isEqualTo(expected);
            if (expected == Outcome.TIMEOUT) {
                assertThat(served)
                        .as("hello invocations served during the timeout")
                        .isGreaterThan(50);
            }
        }
    }

    @Test
    void aTrapInTheStartSectionIsATrapOfThatInvocation() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("start_trap"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.TRAP);
        assertThat(result.trapMessage()).contains("unreachable");
        assertThat(result.describeFailure()).startsWith("trap: ").contains("unreachable");
    }

    @Test
    void anInfiniteLoopInTheStartSectionEndsAsTimeout() throws InterruptedException {
        Invocation invocation = new Invocation(
                List.of("fn"), Map.of(), new byte[0], Fixtures.quickLimits().withTimeout(Duration.ofMillis(300)));

        RunResult result = pool.run(Fixtures.load("start_loop"), invocation);

        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(result.describeFailure()).isEqualTo("timeout: wall-clock limit of 300ms reached");
    }

    @ParameterizedTest(name = "{0} returns {1}")
    @CsvSource({
        // A read may return fewer bytes than asked: the host moves at most 64 KiB per call.
        "read_whole_memory, 65536",
        "write_whole_memory, 16777216",
        "log_resource_whole_memory, -1",
        "env_get_whole_memory, 3",
        "env_key_whole_memory, -4",
        "open_whole_memory, -2",
        "log_whole_memory, 0",
    })
    void hostCallsAskedToMoveTheWholeMemoryAnswerWithinTheAbi(String check, int expected) throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("host_alloc", check), invocationWithGreeting());

        assertThat(result.exitCode()).as(result.trapMessage()).isEqualTo(expected);
    }

    @Test
    void aWriteOfTheWholeMemoryToStdoutEndsAtTheOutputLimit() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("host_alloc", "stdout_whole_memory"), invocationWithGreeting());

        assertThat(result.outcome()).isEqualTo(Outcome.OUTPUT_LIMIT);
        assertThat(result.stdout()).hasSize(Limits.defaults().maxStdoutBytes());
        assertThat(result.describeFailure()).startsWith("output limit: stdout");
    }

    /**
     * What the host allocates for a host call is bounded by a small constant, not by what the guest asked for: the
     * 16 MiB memory itself is the only allocation of that size. Measured on the calling thread, where the run is.
     * (Writes are left out: they are copied in 64 KiB pieces, so what they hold at once is bounded, but the pieces add
     * up to the length written.)
     */
    @ParameterizedTest(name = "{0} allocates less than the guest's memory again")
    @ValueSource(
            strings = {
                "read_whole_memory",
                "log_whole_memory",
                "env_get_whole_memory",
                "env_key_whole_memory",
                "open_whole_memory"
            })
    void hostCallsAllocateLittleWhateverLengthTheGuestPasses(String check) {
        WasmFunction function = Fixtures.load("host_alloc", check);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // Warm up once so class loading and compiled-code linking are not counted.
        new GuestRun(function, invocationWithGreeting(), EgressPolicy.denyAll(), CpuSlot.NONE, () -> false).run();

        long before = threads.getCurrentThreadAllocatedBytes();
        RunResult result = new GuestRun(
                        function, invocationWithGreeting(), EgressPolicy.denyAll(), CpuSlot.NONE, () -> false)
                .run();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(result.outcome()).isIn(Outcome.OK, Outcome.NONZERO_EXIT);
        assertThat(allocated).isBetween((long) SIXTEEN_MIB, SIXTEEN_MIB + 4L * 1024 * 1024);
    }

    @ParameterizedTest(name = "{0} traps")
    @ValueSource(
            strings = {
                "fd_read_huge_iovec",
                "fd_write_huge_iovec",
                "fd_write_iovecs_outside",
                "fd_read_result_outside",
                "args_get_outside",
                "environ_get_outside",
                "random_get_huge",
                "clock_time_get_outside"
            })
    void wasiCallsWithPointersOutsideMemoryTrap(String check) throws InterruptedException {
        RunResult result = pool.run(
                Fixtures.load("wasi_oob", check), Fixtures.invocation(List.of("fn", "arg"), Map.of("K", "V"), "in"));

        assertThat(result.outcome()).as(result.trapMessage()).isEqualTo(Outcome.TRAP);
    }

    private static Invocation invocationWithGreeting() {
        return Fixtures.invocation(List.of("fn"), Map.of("GREETING", "hej"), "");
    }
}
