package app.wasmcloud.executor.module;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.contract.Sha256;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.objectstore.CompiledClassKeys;
import app.wasmcloud.objectstore.SealedClasses;
import app.wasmcloud.runtime.CompiledClassCache;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.testsupport.GeneratedModules;
import app.wasmcloud.testsupport.S3ProxyServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The first response of a fresh executor after a deploy, for bench/executor/README.md: in this JVM, with an empty local
 * class cache, the module in s3proxy and, with {@code mode=store}, the classes the api-server stored beside it, the time
 * from asking for the module to the first invocation's reply. Run one JVM per figure (surefire forks one per run), so
 * neither path finds the other's classes loaded or compiled by the JIT; {@code mode=seal} makes the bundle beforehand
 * in a JVM of its own. Off unless {@code -Dwasmcloud.bench.first-response=seal|compile|store} is given.
 */
@EnabledIfSystemProperty(named = "wasmcloud.bench.first-response", matches = "seal|compile|store")
class FirstResponseBench {

    @TempDir
    Path localClasses;

    @Test
    void firstResponse() throws Exception {
        String mode = System.getProperty("wasmcloud.bench.first-response");
        String name = System.getProperty("wasmcloud.bench.module", "../examples/hello/hello.wasm");
        Path bundle = Path.of(System.getProperty("wasmcloud.bench.bundle", "target/first-response.classes"));
        byte[] module = module(name);
        if (mode.equals("seal")) {
            String key = CompiledClassCache.keyOf(Sha256.hex(module));
            Files.write(
                    bundle, SealedClasses.seal(key, StoredCompiledClassesTest.classesAsTheApiServerCompiles(module)));
            return;
        }
        try (S3ProxyServer s3 = S3ProxyServer.open()) {
            String sha256 = s3.putModule(module);
            if (mode.equals("store")) {
                s3.putObject(CompiledClassKeys.of(CompiledClassCache.keyOf(sha256)), Files.readAllBytes(bundle));
            }
            CompiledModules modules = new CompiledModules(
                    ModuleSource.in(s3.store()), CompiledClassSource.in(s3.store()), properties(), meters);
            ActiveFunction function = function(module, sha256);
            try (ExecutionPool pool = new ExecutionPool(1, 1024 * 1024)) {
                long started = System.nanoTime();
                WasmFunction loaded = modules.get(function);
                long gotModule = System.nanoTime();
                RunResult result = pool.run(
                        loaded,
                        new Invocation(
                                List.of("bench"),
                                Map.of(),
                                new byte[0],
                                Limits.defaults().withTimeout(Duration.ofSeconds(30))));
                long answered = System.nanoTime();
                assertThat(loaded.loadedFromCache()).isEqualTo(mode.equals("store"));
                System.out.printf(
                        "first-response module=%s bytes=%d mode=%s module-ready-ms=%.1f first-response-ms=%.1f"
                                + " outcome=%s%n",
                        name,
                        module.length,
                        mode,
                        (gotModule - started) / 1e6,
                        (answered - started) / 1e6,
                        result.outcome());
            }
            modules.destroy();
        }
    }

    /** A file, or {@code generated:<functions>}: the test-support program of about a kilobyte per function. */
    private static byte[] module(String name) throws Exception {
        return name.startsWith("generated:")
                ? GeneratedModules.ordinaryProgram(Integer.parseInt(name.substring("generated:".length())))
                : Files.readAllBytes(Path.of(name));
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private ModuleProperties properties() {
        Map<String, String> settings = Map.of("wasmcloud.executor.compiled-class-cache-dir", localClasses.toString());
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("wasmcloud.executor", ModuleProperties.class);
    }

    private static ActiveFunction function(byte[] module, String sha256) throws Exception {
        String entrypoint =
                WasmFunction.inspect(module, null, Limits.MAX_WASM32_PAGES).entrypoint();
        return ServedFunctions.served("bench", sha256, entrypoint, Duration.ofSeconds(60));
    }
}
