package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
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
        var factory = hello.machineFactory();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long beforeCompile = classes.getTotalLoadedClassCount();
        WasmFunction.load(wasm, null, Limits.defaults().maxMemoryPages());
        long perCompile = classes.getTotalLoadedClassCount() - beforeCompile;
        assertThat(perCompile)
                .as("classes one more compile of the module loads")
                .isPositive();

        List<Callable<RunResult>> invocations = new ArrayList<>();
        try (ExecutionPool pool = new ExecutionPool(4, 1024 * 1024, INVOCATIONS);
                ExecutorService callers = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < INVOCATIONS; i++) {
                // A greeting of its own per invocation: each must see its own environment and write its own stdout.
                Invocation invocation = new Invocation(
                        List.of("hello"), Map.of("GREETING", "caller-" + i), new byte[0], Fixtures.quickLimits());
                invocations.add(() -> pool.run(hello, invocation));
            }
            // Warm: the pool's and the run path's own classes are loaded by the first invocation.
            pool.run(hello, Fixtures.invocation());
            long classesBefore = classes.getTotalLoadedClassCount();
            List<Future<RunResult>> results = callers.invokeAll(invocations);
            long classesLoaded = classes.getTotalLoadedClassCount() - classesBefore;

            for (int i = 0; i < INVOCATIONS; i++) {
                RunResult result = results.get(i).get();
                assertThat(result.outcome()).as(result.trapMessage()).isEqualTo(Outcome.OK);
                assertThat(Fixtures.text(result.stdout())).contains("caller-" + i + " from wasmcloud!");
            }
            // Each compile defines classes of its own: a compile per invocation would load a thousand times as many.
            assertThat(classesLoaded)
                    .as("classes loaded while the invocations ran, against %d per compile", perCompile)
                    .isLessThan(perCompile * INVOCATIONS / 10);
        }
        assertThat(hello.machineFactory()).isSameAs(factory);
    }
}
