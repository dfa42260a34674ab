package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference behaviour of olin-abi.md, checked through fixtures/olin_abi.wat: each export is one check, run as
 * the explicit entrypoint, returning the host call's result as its exit code.
 */
class OlinAbiTest {

    private static ExecutionPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ExecutionPool(4, 4 * 1024 * 1024);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    private static RunResult run(String check) throws InterruptedException {
        return run(check, Fixtures.invocation(List.of("fn"), Map.of("GREETING", "hej"), ""));
    }

    private static RunResult run(String check, Invocation invocation) throws InterruptedException {
        return pool.run(Fixtures.load("olin_abi", check), invocation);
    }

    @ParameterizedTest(name = "{0} returns {1}")
    @CsvSource({
        "env_get_missing, -4",
        "null_write, 16",
        "null_read, -5",
        "read_zero_length, 0",
        "random_write, -1",
        "log_prefix, 5",
        "stdin_write, -1",
        "stdout_read, -1",
        "flush_stdout, 0",
        "arg_out_of_range, -2",
        "arg_negative, -2",
        "spec_version, 2",
        "open_http, -3",
        "open_file, -4",
        "open_tcp, -4",
        "open_udp, -4",
        "open_unknown_scheme, -4",
        "open_garbage, -2",
        "unknown_fd_read, -2",
        "unknown_fd_write, -2",
        "unknown_fd_flush, -2",
        "write_after_close, -2",
        "random_i64_differ, 1",
        "random_non_negative, 1",
        "time_now_is_recent, 1",
        "ids_are_fresh, 1",
    })
    void hostCallReturnsWhatTheAbiSays(String check, int expected) throws InterruptedException {
        RunResult result = run(check);

        assertThat(result.exitCode()).as(result.trapMessage()).isEqualTo(expected);
        assertThat(result.outcome()).isEqualTo(expected == 0 ? Outcome.OK : Outcome.NONZERO_EXIT);
    }

    @Test
    void envGetOfAPresentKeyWritesTheValueAndReturnsItsLength() throws InterruptedException {
        RunResult result = run("env_get_present");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(Fixtures.text(result.stdout())).isEqualTo("hej");
    }

    @Test
    void tooSmallBufferReturnsTheNeededLengthAndLeavesMemoryUntouched() throws InterruptedException {
        RunResult env = run("env_get_too_small");
        RunResult name = run("runtime_name_too_small");
        RunResult arg = run("arg_too_small");

        assertThat(env.exitCode()).isEqualTo(3);
        assertThat(Fixtures.text(env.stdout())).isEqualTo("################");
        assertThat(name.exitCode()).isEqualTo("wasmcloud".length());
        assertThat(Fixtures.text(name.stdout())).isEqualTo("################");
        assertThat(arg.exitCode()).isEqualTo(2);
        assertThat(Fixtures.text(arg.stdout())).isEqualTo("################");
    }

    @Test
    void zeroReadsFillTheBufferWithZeroBytes() throws InterruptedException {
        RunResult result = run("zero_read");

        assertThat(result.exitCode()).isEqualTo(16);
        assertThat(result.stdout()).isEqualTo(new byte[16]);
    }

    @Test
    void randomReadsSucceedAndFlushReturnsZero() throws InterruptedException {
        RunResult result = run("random_read_flush");

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.stdout()).hasSize(32).isNotEqualTo(new byte[32]);
    }

    @Test
    void logResourceWritesLandInTheLogWithTheirPrefix() throws InterruptedException {
        RunResult result = run("log_prefix");

        assertThat(result.logLines()).containsExactly(new LogLine(6, "x: hello"));
    }

    @Test
    void logWriteKeepsEveryLevelIncludingUnknownOnes() throws InterruptedException {
        RunResult result = run("log_levels");

        assertThat(result.logLines())
                .containsExactly(
                        new LogLine(1, "hello"),
                        new LogLine(3, "hello"),
                        new LogLine(6, "hello"),
                        new LogLine(7, "hello"));
        assertThat(result.hostCalls()).containsEntry("log_write", 4L);
    }

    @Test
    void stdoutAndStderrWritesAreCapturedSeparately() throws InterruptedException {
        RunResult result = run("stdout_stderr");

        assertThat(Fixtures.text(result.stdout())).isEqualTo("out");
        assertThat(Fixtures.text(result.stderr())).isEqualTo("err");
    }

    @Test
    void stdinIsReadToItsEndAndCounted() throws InterruptedException {
        RunResult result = run("stdin_echo", Fixtures.invocation(List.of("fn"), Map.of(), "hello, world"));

        assertThat(result.exitCode()).isEqualTo(-5);
        assertThat(Fixtures.text(result.stdout())).isEqualTo("hello, world");
        assertThat(result.stdinBytes()).isEqualTo(12);
        assertThat(result.hostCalls()).containsEntry("resource_read", 4L).containsEntry("io_get_stdin", 1L);
    }

    @Test
    void everyStartupArgumentCanBeRead() throws InterruptedException {
        RunResult result = run("args_all", Fixtures.invocation(List.of("fn", "ünï", "two words"), Map.of(), ""));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(Fixtures.text(result.stdout())).isEqualTo("fn\nünï\ntwo words\n");
    }

    @Test
    void runtimeNameIsWasmcloud() throws InterruptedException {
        RunResult result = run("runtime_name");

        assertThat(Fixtures.text(result.stdout())).isEqualTo("wasmcloud");
    }

    @Test
    void runtimeExitStopsWithThatExitCode() throws InterruptedException {
        RunResult result = run("exit_3");

        assertThat(result.outcome()).isEqualTo(Outcome.NONZERO_EXIT);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.trapMessage()).isNull();
    }

    @Test
    void msleepOfOneMillisecondReturnsAndNegativeIsANoOp() throws InterruptedException {
        assertThat(run("msleep_1").outcome()).isEqualTo(Outcome.OK);
        assertThat(run("msleep_negative").outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void msleepStopsPromptlyAtTheTimeout() throws InterruptedException {
        Invocation invocation = new Invocation(
                List.of("fn"), Map.of(), new byte[0], Limits.defaults().withTimeout(Duration.ofMillis(300)));

        long start = System.nanoTime();
        RunResult result = run("msleep_long", invocation);

        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void openResourcesAreCappedWithMinusOne() throws InterruptedException {
        RunResult result = run("resource_cap");

        assertThat(result.exitCode()).isEqualTo(Limits.defaults().maxOpenResources());
    }

    @Test
    void closingAnUnknownResourceTraps() throws InterruptedException {
        RunResult result = run("close_unknown_fd");

        assertThat(result.outcome()).isEqualTo(Outcome.TRAP);
        assertThat(result.trapMessage()).contains("resource_close");
    }

    @ParameterizedTest(name = "{0} traps")
    @CsvSource({
        "oob_log_write",
        "oob_negative_pointer",
        "oob_env_buffer",
        "oob_env_key",
        "oob_runtime_name",
        "oob_arg_at",
        "oob_open_url",
        "oob_read_buffer",
        "oob_write_buffer",
        "huge_read_len",
        "huge_write_len",
        "huge_env_val_len",
        "huge_env_key_len",
        "huge_url_len",
        "huge_log_len",
        "huge_arg_len",
        "huge_runtime_name_len",
    })
    void pointersOutsideMemoryTrapTheInvocation(String check) throws InterruptedException {
        RunResult result = run(check);

        assertThat(result.outcome()).isEqualTo(Outcome.TRAP);
        assertThat(result.trapMessage()).contains("out of bounds");
    }

    @Test
    void hostFunctionsAreAlsoImportableFromTheCwaModuleAndCwaMainGivesTheExitCode() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("cwa_main"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.NONZERO_EXIT);
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.hostCalls())
                .containsOnly(Map.entry("runtime_spec_major", 1L), Map.entry("runtime_spec_minor", 1L));
    }

    @Test
    void hostCallWithoutAMemoryTraps() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("no_memory"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.TRAP);
        assertThat(result.trapMessage()).contains("no memory");
    }
}
