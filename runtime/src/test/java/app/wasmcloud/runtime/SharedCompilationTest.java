package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A module is compiled once, however many invocations of it run, and at once. */
class SharedCompilationTest {

    private static final int INVOCATIONS = 1_000;

    @Test
    void aThousandConcurrentInvocationsOfOneFunctionAllSucceedOnOneCompiledFactory() throws Exception {
        byte[] wasm = Files.readAllBytes(Path.of("../examples/hello/hello.wasm"));
        WasmFunction hello = WasmFunction.load(wasm, null, Limits.defaults().maxMemoryPages());
        long factoriesAfterLoad = WasmFunction.machineFactoriesCreated();
        var factory = hello.machineFactory();

        List<Callable<RunResult>> invocations = new ArrayList<>();
        try (ExecutionPool pool = new ExecutionPool(4, 1024 * 1024, INVOCATIONS);
                ExecutorService callers = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < INVOCATIONS; i++) {
                // A greeting of its own per invocation: each must see its own environment and write its own stdout.
                Invocation invocation = new Invocation(
                        List.of("hello"), Map.of("GREETING", "caller-" + i), new byte[0], Fixtures.quickLimits());
                invocations.add(() -> pool.run(hello, invocation));
            }
            List<Future<RunResult>> results = callers.invokeAll(invocations);

            for (int i = 0; i < INVOCATIONS; i++) {
                RunResult result = results.get(i).get();
                assertThat(result.outcome()).as(result.trapMessage()).isEqualTo(Outcome.OK);
                assertThat(Fixtures.text(result.stdout())).contains("caller-" + i + " from wasmcloud!");
            }
        }
        assertThat(WasmFunction.machineFactoriesCreated()).isEqualTo(factoriesAfterLoad);
        assertThat(hello.machineFactory()).isSameAs(factory);
    }
}
