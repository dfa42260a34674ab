package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.wasmcloud.testsupport.GeneratedModules;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Modules over a structural limit are refused on their bytes, quickly and cheaply; ordinary large ones load. */
class ModuleLimitsTest {

    private static final long MIB = 1 << 20;

    static Stream<Arguments> bombs() {
        return Stream.of(
                Arguments.of("br_table targets", GeneratedModules.brTable(1_000_001), "1000001", "65520"),
                Arguments.of("function body bytes", GeneratedModules.bodyOfSize(2 << 20), "2097152", "1048576"),
                Arguments.of("locals", GeneratedModules.locals(1_000_000), "1000000", "50000"),
                Arguments.of("nesting depth", GeneratedModules.nested(100_000), "10001", "10000"),
                Arguments.of("loops per block", GeneratedModules.siblingLoops(100_000), "100000", "1000"),
                Arguments.of("functions", GeneratedModules.functions(200_000), "200000", "100000"),
                Arguments.of("table elements", GeneratedModules.table(50_000_000), "50000000", "1000000"),
                Arguments.of("data segments", GeneratedModules.dataSegments(200_000), "200000", "100000"));
    }

    @ParameterizedTest(name = "a module over the limit on {0} is refused naming it")
    @MethodSource("bombs")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aModuleOverALimitIsRefusedNamingTheLimitAndTheValue(String limit, byte[] wasm, String value, String max) {
        InvalidModuleException refused =
                catchThrowableOfType(InvalidModuleException.class, () -> WasmFunction.load(wasm, null, 256));

        assertThat(refused.reasons())
                .singleElement()
                .asString()
                .contains("over the limit on " + limit)
                .contains(value)
                .contains("the limit is " + max);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void refusingTheBrTableBombAllocatesLittle() throws Exception {
        byte[] bomb = GeneratedModules.brTable(1_000_001);

        long allocated = allocatedBy(
                () -> catchThrowableOfType(InvalidModuleException.class, () -> WasmFunction.load(bomb, null, 256)));

        assertThat(allocated).isLessThan(16 * MIB);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aBrTableAtTheLimitIsInterpretedWithoutTheQuadraticCompile() throws Exception {
        byte[] wasm = GeneratedModules.brTable(65_520);

        long[] allocated = new long[1];
        WasmFunction function = allocatedBy(() -> WasmFunction.load(wasm, null, 256), allocated);

        // Chicory 1.7.5 alone allocates about 5 GB compiling this (bench/chicory-br-table).
        assertThat(allocated[0]).isLessThan(256 * MIB);
        assertThat(run(function).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void manyBranchesToOneLabelCompileWithoutTheQuadraticCompile() throws Exception {
        byte[] wasm = GeneratedModules.brIfs(100_000);

        long[] allocated = new long[1];
        WasmFunction function = allocatedBy(() -> WasmFunction.load(wasm, null, 256), allocated);

        // Chicory 1.7.5 alone allocates 12.8 GB compiling this.
        assertThat(allocated[0]).isLessThan(256 * MIB);
        assertThat(run(function).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void anOrdinaryProgramOfTwoMegabytesLoadsAndRuns() throws Exception {
        byte[] wasm = GeneratedModules.ordinaryProgram(2_000);
        assertThat(wasm.length).isGreaterThan(2_000_000);

        WasmFunction function = WasmFunction.load(wasm, null, 256);

        assertThat(run(function).outcome()).isEqualTo(Outcome.OK);
    }

    private static RunResult run(WasmFunction function) throws Exception {
        try (ExecutionPool pool = new ExecutionPool(1, 1024 * 1024)) {
            return pool.run(
                    function,
                    new Invocation(
                            List.of(), Map.of(), new byte[0], Limits.defaults().withTimeout(Duration.ofSeconds(5))));
        }
    }

    private static long allocatedBy(Callable<?> work) throws Exception {
        long[] allocated = new long[1];
        allocatedBy(work, allocated);
        return allocated[0];
    }

    /** Runs {@code work} on this thread, storing in {@code allocated[0]} the bytes it allocated. */
    private static <T> T allocatedBy(Callable<T> work, long[] allocated) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            return work.call();
        } finally {
            allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
        }
    }
}
