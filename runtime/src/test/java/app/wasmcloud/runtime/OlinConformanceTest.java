package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The olin-abi.md reference checks, from a guest compiled from C (fixtures/olin_conformance.c). */
class OlinConformanceTest {

    private static final List<String> CHECKS = List.of(
            "stdout_write",
            "env_get_present",
            "env_get_missing_is_minus_4",
            "too_small_buffer_returns_needed_length_and_leaves_memory",
            "null_write_16_returns_16",
            "zero_reads_are_all_zero",
            "random_read_succeeds",
            "random_flush_returns_0",
            "log_prefix_write",
            "stderr_write",
            "stdin_read_to_end_of_file",
            "every_startup_arg_readable",
            "random_i64_twice_differs",
            "time_now_is_not_zero",
            "msleep_1_returns");

    private static ExecutionPool pool;
    private static WasmFunction guest;

    @BeforeAll
    static void load() {
        pool = new ExecutionPool(1, 1024 * 1024);
        guest = Fixtures.load("olin_conformance");
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    @Test
    void everyReferenceCheckPassesFromC() throws InterruptedException {
        RunResult result = pool.run(
                guest, Fixtures.invocation(List.of("fn", "first", "ünïcode"), Map.of("GREETING", "hej"), "body"));

        String stdout = Fixtures.text(result.stdout());
        assertThat(result.outcome()).as(stdout).isEqualTo(Outcome.OK);
        List<String> lines = stdout.lines().toList();
        assertThat(lines)
                .containsAll(CHECKS.stream().map(check -> "ok " + check).toList());
        assertThat(lines).noneMatch(line -> line.startsWith("not ok"));
        assertThat(lines).contains("# arg fn", "# arg first", "# arg ünïcode");
        assertThat(Fixtures.text(result.stderr())).isEqualTo("stdin:body");
        assertThat(result.logLines()).extracting(LogLine::message).containsExactly("x: from c");
        assertThat(result.stdinBytes()).isEqualTo(4);
    }

    @Test
    void runtimeExitGivesItsStatusAsTheExitCode() throws InterruptedException {
        RunResult result = pool.run(guest, Fixtures.invocation(List.of("fn", "exit"), Map.of(), ""));

        assertThat(result.outcome()).isEqualTo(Outcome.NONZERO_EXIT);
        assertThat(result.exitCode()).isEqualTo(42);
        assertThat(result.describeFailure()).isEqualTo("exited with code 42");
    }
}
