package app.wasmcloud.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.runtime.olin.CpuSlot;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Instances built from what was resolved once per module (imports, sections, the memory image) are as fresh as ones
 * Chicory builds from scratch: nothing one invocation does to its instance reaches the next.
 */
@Timeout(30)
class InstantiationTest {

    @Test
    void everyInstanceStartsFromTheModulesMemoryWhateverTheOneBeforeDid() {
        WasmFunction function = Fixtures.load("fresh_memory");

        for (int run = 1; run <= 3; run++) {
            RunResult result = run(function, Fixtures.invocation());

            assertThat(result.exitCode())
                    .as("run %d: the number of the failed check in fresh_memory.wat (0: all passed)", run)
                    .isZero();
            assertThat(result.outcome()).isEqualTo(Outcome.OK);
            assertThat(result.peakMemoryPages()).isEqualTo(8);
        }
    }

    @Test
    void aDataSegmentPastTheInitialPagesStillFailsInstantiation() {
        RunResult result = run(Fixtures.load("data_out_of_range"), Fixtures.invocation());

        assertThat(result.outcome()).isEqualTo(Outcome.TRAP);
        assertThat(result.describeFailure()).contains("out of bounds memory access");
    }

    @Test
    void wasiInvocationsEachGetTheirOwnHostFunctionsInTheModulesImportOrder() {
        WasmFunction function = Fixtures.load("wasi_echo");

        RunResult first = run(function, Fixtures.invocation(List.of("fn", "one"), Map.of("NAME", "a"), "first"));
        RunResult second = run(function, Fixtures.invocation(List.of("fn", "two"), Map.of("NAME", "b"), "second!"));

        assertThat(new String(first.stdout(), UTF_8)).isEqualTo("args=2 first=one name=a\nFIRST\nread 5 bytes\n");
        assertThat(new String(second.stdout(), UTF_8)).isEqualTo("args=2 first=two name=b\nSECOND!\nread 7 bytes\n");
        assertThat(new String(second.stderr(), UTF_8)).isEqualTo("done\n");
    }

    private static RunResult run(WasmFunction function, Invocation invocation) {
        return new GuestRun(function, invocation, EgressPolicy.denyAll(), CpuSlot.NONE, () -> false).run();
    }
}
