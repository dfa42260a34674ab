package app.wasmcloud.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The committed .wasm fixtures (sources and build.sh beside them in src/test/resources/fixtures). */
final class Fixtures {

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name + ".wasm")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name + ".wasm; run fixtures/build.sh");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WasmFunction load(String name) {
        return load(name, null);
    }

    static WasmFunction load(String name, String entrypoint) {
        try {
            return WasmFunction.load(bytes(name), entrypoint, Limits.defaults().maxMemoryPages());
        } catch (InvalidModuleException e) {
            throw new AssertionError(name + " should load: " + e.getMessage(), e);
        }
    }

    static Invocation invocation() {
        return invocation(List.of("fn"), Map.of(), "");
    }

    static Invocation invocation(List<String> args, Map<String, String> env, String stdin) {
        return new Invocation(args, env, stdin.getBytes(StandardCharsets.UTF_8), quickLimits());
    }

    /** Defaults, but a short timeout so a test that goes wrong fails quickly. */
    static Limits quickLimits() {
        return Limits.defaults().withTimeout(Duration.ofSeconds(5));
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
