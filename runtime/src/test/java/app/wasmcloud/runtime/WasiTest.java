package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WASI preview 1 modules: stdin, stdout, stderr, args, environment and proc_exit. */
class WasiTest {

    private static ExecutionPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ExecutionPool(2, 1024 * 1024);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    @Test
    void procExitGivesTheExitCode() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("wasi_exit"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.NONZERO_EXIT);
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(Fixtures.text(result.stdout())).isEqualTo("wasi\n");
        assertThat(result.hostCalls()).containsEntry("fd_write", 1L).containsEntry("proc_exit", 1L);
    }

    @Test
    void aCProgramBuiltWithWasiLibcReadsStdinAndWritesStdout() throws InterruptedException {
        Invocation invocation = Fixtures.invocation(List.of("fn", "first"), Map.of("NAME", "wasi"), "hello wasm");

        RunResult result = pool.run(Fixtures.load("wasi_echo"), invocation);

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(Fixtures.text(result.stdout()))
                .isEqualTo("args=2 first=first name=wasi\nHELLO WASM\nread 10 bytes\n");
        assertThat(Fixtures.text(result.stderr())).isEqualTo("done\n");
        assertThat(result.stdinBytes()).isEqualTo(10);
    }

    @Test
    void aWasiProgramsMainReturnValueIsItsExitCode() throws InterruptedException {
        RunResult result = pool.run(Fixtures.load("wasi_echo"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.NONZERO_EXIT);
        assertThat(result.exitCode()).isEqualTo(2);
    }
}
