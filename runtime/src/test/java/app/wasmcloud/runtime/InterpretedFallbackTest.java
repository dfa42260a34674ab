package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A function too large for one JVM method is interpreted by Chicory even under the compiler, and 1.7.5's interpreter
 * ignores interrupts in br_if and br_table loops. The module is generated here rather than committed: its text is megabytes.
 */
class InterpretedFallbackTest {

    /** Enough straight-line code that the compiled method would pass the JVM's 64 KiB limit. */
    private static final int ADDITIONS = 60_000;

    /** {@code (br_if 0 (i32.ne (local.get 0) (i32.const -1)))}, then the ends of the loop and the function. */
    private static final byte[] BR_IF_TAIL = {0x20, 0x00, 0x41, 0x7f, 0x47, 0x0d, 0x00, 0x0b, 0x0b};

    /** {@code (br_table 0 0 0 (i32.and (local.get 0) (i32.const 3)))}: every target is the loop. */
    private static final byte[] BR_TABLE_TAIL = {0x20, 0x00, 0x41, 0x03, 0x71, 0x0e, 0x02, 0x00, 0x00, 0x00, 0x0b, 0x0b
    };

    @ParameterizedTest(name = "an interpreted {0} loop still ends as a timeout")
    @ValueSource(strings = {"br_if", "br_table"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anInterpretedLoopStillEndsAsTimeout(String backEdge) throws Exception {
        WasmFunction function =
                WasmFunction.load(hugeLoop(backEdge.equals("br_if") ? BR_IF_TAIL : BR_TABLE_TAIL), null, 1);
        Invocation invocation = new Invocation(
                List.of(), Map.of(), new byte[0], Limits.defaults().withTimeout(Duration.ofMillis(500)));

        try (ExecutionPool pool = new ExecutionPool(1, 1024 * 1024)) {
            long start = System.nanoTime();
            RunResult result = pool.run(function, invocation);

            assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        }
    }

    /**
     * {@code (func (export "_start") (local i32) (loop (local.set 0 (i32.add (local.get 0) (i32.const 1)))
     * ×60000 BACK-EDGE))}, in the binary format, where the back-edge is one of the tails above.
     */
    private static byte[] hugeLoop(byte[] backEdge) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(new byte[] {0x01, 0x01, 0x7f}); // one local of type i32
        code.writeBytes(new byte[] {0x03, 0x40}); // loop, empty block type
        for (int i = 0; i < ADDITIONS; i++) {
            code.writeBytes(new byte[] {0x20, 0x00, 0x41, 0x01, 0x6a, 0x21, 0x00});
        }
        code.writeBytes(backEdge);

        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        section(module, 1, new byte[] {0x01, 0x60, 0x00, 0x00}); // one type: [] -> []
        section(module, 3, new byte[] {0x01, 0x00}); // one function of type 0
        section(module, 5, new byte[] {0x01, 0x00, 0x01}); // one memory, 1 page
        ByteArrayOutputStream exports = new ByteArrayOutputStream();
        exports.write(0x02);
        name(exports, "memory");
        exports.writeBytes(new byte[] {0x02, 0x00});
        name(exports, "_start");
        exports.writeBytes(new byte[] {0x00, 0x00});
        section(module, 7, exports.toByteArray());
        ByteArrayOutputStream bodies = new ByteArrayOutputStream();
        bodies.write(0x01);
        leb128(bodies, code.size());
        bodies.writeBytes(code.toByteArray());
        section(module, 10, bodies.toByteArray());
        return module.toByteArray();
    }

    private static void section(ByteArrayOutputStream module, int id, byte[] content) {
        module.write(id);
        leb128(module, content.length);
        module.writeBytes(content);
    }

    private static void name(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        leb128(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void leb128(ByteArrayOutputStream out, int value) {
        int rest = value;
        do {
            int low = rest & 0x7f;
            rest >>>= 7;
            out.write(rest == 0 ? low : low | 0x80);
        } while (rest != 0);
    }
}
