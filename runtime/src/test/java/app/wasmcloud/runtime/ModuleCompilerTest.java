package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wasmcloud.testsupport.GeneratedModules;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Compiles run on a bounded pool, within a time and an allocation budget. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModuleCompilerTest {

    /** About 100 KB of ordinary code: a second or so to compile here. */
    private static final byte[] PROGRAM = GeneratedModules.ordinaryProgram(100);

    /**
     * About 1 MB: several seconds here and still far over 100 ms on a fast machine with a warm JIT, so the refusal
     * at the budget cannot be raced by the compile finishing first.
     */
    private static final byte[] LARGE_PROGRAM = GeneratedModules.ordinaryProgram(1000);

    private static final Duration GENEROUS = Duration.ofSeconds(50);

    @Test
    void aCompileWithinItsBudgetReturnsTheFunction() throws Exception {
        try (var compiler =
                new ModuleCompiler(new ModuleCompiler.Budget(1, 1, GENEROUS, 4L << 30), ModuleLimits.DEFAULTS)) {
            WasmFunction function = compiler.compile(PROGRAM, null, 256, null);

            assertThat(function.info().sizeBytes()).isEqualTo(PROGRAM.length);
        }
    }

    @Test
    void aCompileOverItsTimeBudgetIsRefusedAtTheBudget() {
        Duration budget = Duration.ofMillis(100);
        try (var compiler =
                new ModuleCompiler(new ModuleCompiler.Budget(1, 1, budget, 4L << 30), ModuleLimits.DEFAULTS)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> compiler.compile(LARGE_PROGRAM, null, 256, null))
                    .isInstanceOf(InvalidModuleException.class)
                    .hasMessageContaining("over the compile time budget")
                    .hasMessageContaining("100 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aCompileOverItsAllocationBudgetIsRefused() {
        try (var compiler =
                new ModuleCompiler(new ModuleCompiler.Budget(1, 1, GENEROUS, 8L << 20), ModuleLimits.DEFAULTS)) {
            assertThatThrownBy(() -> compiler.compile(PROGRAM, null, 256, null))
                    .isInstanceOf(InvalidModuleException.class)
                    .hasMessageContaining("over the compile memory budget")
                    .hasMessageContaining("the budget is 8 MiB");
        }
    }

    @Test
    void compilesBeyondThePoolAndItsQueueAreRefusedAsBusy() throws Exception {
        try (var compiler =
                new ModuleCompiler(new ModuleCompiler.Budget(1, 1, GENEROUS, 4L << 30), ModuleLimits.DEFAULTS)) {
            compiler.submit(PROGRAM, null, 256, null);
            compiler.submit(PROGRAM, null, 256, null);

            assertThatThrownBy(() -> compiler.submit(PROGRAM, null, 256, null))
                    .isInstanceOf(ModuleCompiler.BusyException.class)
                    .hasMessageContaining("1 compiling, 1 waiting");
        }
    }

    @Test
    void aCallerThatStopsWaitingLeavesTheCompileForTheNext() throws Exception {
        try (var compiler =
                new ModuleCompiler(new ModuleCompiler.Budget(1, 1, GENEROUS, 4L << 30), ModuleLimits.DEFAULTS)) {
            // The large program, whose compile takes far longer than the first caller waits even on a fast machine.
            CompletableFuture<WasmFunction> compiling = compiler.submit(LARGE_PROGRAM, null, 256, null);

            assertThatThrownBy(() -> compiling.get(20, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(compiling.get().info().sizeBytes()).isEqualTo(LARGE_PROGRAM.length);
        }
    }
}
