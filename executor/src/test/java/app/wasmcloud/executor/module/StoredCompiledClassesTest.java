package app.wasmcloud.executor.module;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.objectstore.CompiledClassKeys;
import app.wasmcloud.objectstore.FilesystemObjectStore;
import app.wasmcloud.objectstore.SealedClasses;
import app.wasmcloud.runtime.CompiledClassCache;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.Outcome;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.testsupport.S3ProxyServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A fresh executor (empty local class cache) with the module and the classes the api-server compiled in the bucket
 * (s3proxy): it loads the classes instead of compiling, and whatever is wrong with them costs a compile, never an
 * answer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StoredCompiledClassesTest {

    static final Path HELLO = Path.of("../examples/hello/hello.wasm");

    @TempDir
    Path localClasses;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    S3ProxyServer s3;
    byte[] hello;
    String sha256;
    String key;

    @BeforeEach
    void moduleInTheBucket() throws Exception {
        s3 = S3ProxyServer.open();
        hello = Files.readAllBytes(HELLO);
        sha256 = s3.putModule(hello);
        key = CompiledClassCache.keyOf(sha256);
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    @Test
    void theFirstRequestOnAFreshExecutorLoadsTheStoredClassesWithoutCompilingAndAnswers() throws Exception {
        s3.putObject(CompiledClassKeys.of(key), SealedClasses.seal(key, classesAsTheApiServerCompiles(hello)));

        WasmFunction loaded = freshExecutor().get(function());

        assertThat(loaded.loadedFromCache()).isTrue();
        assertThat(classCache("remote-hit")).isEqualTo(1);
        assertThat(classCache("miss")).isZero();
        assertThat(answer(loaded)).contains("fresh from wasmcloud!");
        assertThat(localClasses.resolve(key + ".classes")).exists();
    }

    @Test
    void classesKeptOnDiskAreUsedBeforeTheStoreIsAsked() throws Exception {
        s3.putObject(CompiledClassKeys.of(key), SealedClasses.seal(key, classesAsTheApiServerCompiles(hello)));
        freshExecutor().get(function());
        s3.putObject(CompiledClassKeys.of(key), "would be refused".getBytes(StandardCharsets.US_ASCII));

        SimpleMeterRegistry restarted = new SimpleMeterRegistry();
        WasmFunction loaded = executor(restarted).get(function());

        assertThat(loaded.loadedFromCache()).isTrue();
        assertThat(restarted
                        .get("wasmcloud.modules.class.cache")
                        .tag("result", "hit")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(restarted
                        .get("wasmcloud.modules.class.store.rejected")
                        .counter()
                        .count())
                .isZero();
    }

    @Test
    void classesChangedInTheStoreAreRefusedBeforeLoadingAndTheModuleIsCompiledAndAnswers() throws Exception {
        byte[] sealed = SealedClasses.seal(key, classesAsTheApiServerCompiles(hello));
        sealed[sealed.length - 100] ^= 0x20;
        s3.putObject(CompiledClassKeys.of(key), sealed);

        WasmFunction loaded = freshExecutor().get(function());

        assertThat(loaded.loadedFromCache()).isFalse();
        assertThat(rejected()).isEqualTo(1);
        assertThat(classCache("miss")).isEqualTo(1);
        assertThat(answer(loaded)).contains("fresh from wasmcloud!");
        // What went to disk is this executor's own compile, which the next start loads.
        SimpleMeterRegistry restarted = new SimpleMeterRegistry();
        assertThat(executor(restarted).get(function()).loadedFromCache()).isTrue();
    }

    @Test
    void classesWithAMatchingDigestThatDoNotLoadAreCompiledInsteadAndNeverKept() throws Exception {
        byte[] notAJar = "PK\u0003\u0004 not really a jar".getBytes(StandardCharsets.ISO_8859_1);
        s3.putObject(CompiledClassKeys.of(key), SealedClasses.seal(key, notAJar));

        WasmFunction loaded = freshExecutor().get(function());

        assertThat(loaded.loadedFromCache()).isFalse();
        assertThat(rejected()).isEqualTo(1);
        assertThat(answer(loaded)).contains("fresh from wasmcloud!");
        assertThat(Files.readAllBytes(localClasses.resolve(key + ".classes"))).isNotEqualTo(notAJar);
    }

    @Test
    void classesStoredForAnotherCompilerOrJdkAreNotUsed() throws Exception {
        byte[] classes = classesAsTheApiServerCompiles(hello);
        String otherJdk = key.replaceAll("-jdk[0-9]+$", "-jdk11");
        assertThat(otherJdk).isNotEqualTo(key);
        s3.putObject(CompiledClassKeys.of(otherJdk), SealedClasses.seal(otherJdk, classes));

        WasmFunction loaded = freshExecutor().get(function());

        assertThat(loaded.loadedFromCache()).isFalse();
        assertThat(classCache("miss")).isEqualTo(1);
        assertThat(rejected()).isZero();
    }

    @Test
    void aBundleSealedForAnotherKeyAndCopiedUnderThisOneIsRefused() throws Exception {
        String otherCompiler = sha256 + "-chicory-0.0.1-jdk" + Runtime.version().feature();
        s3.putObject(
                CompiledClassKeys.of(key), SealedClasses.seal(otherCompiler, classesAsTheApiServerCompiles(hello)));

        WasmFunction loaded = freshExecutor().get(function());

        assertThat(loaded.loadedFromCache()).isFalse();
        assertThat(rejected()).isEqualTo(1);
        assertThat(answer(loaded)).contains("fresh from wasmcloud!");
    }

    @Test
    void aStoreThatDoesNotAnswerForTheClassesHoldsUpTheCompileOnlyBriefly() throws Exception {
        CompiledClassSource hanging = cacheKey -> {
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        CompiledModules modules = new CompiledModules(ModuleSource.in(s3.store()), hanging, properties(), meters);

        long started = System.nanoTime();
        WasmFunction loaded = modules.get(function());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(loaded.loadedFromCache()).isFalse();
        assertThat(classCache("miss")).isEqualTo(1);
        assertThat(answer(loaded)).contains("fresh from wasmcloud!");
        modules.destroy();
    }

    @Test
    void withFetchingTurnedOffTheStoredClassesAreIgnored() throws Exception {
        s3.putObject(CompiledClassKeys.of(key), SealedClasses.seal(key, classesAsTheApiServerCompiles(hello)));

        WasmFunction loaded = new CompiledModules(
                        ModuleSource.in(s3.store()), CompiledClassSource.NONE, properties(), meters)
                .get(function());

        assertThat(loaded.loadedFromCache()).isFalse();
        assertThat(classCache("remote-hit")).isZero();
    }

    @Test
    void aFilesystemStoreServesTheClassesBesideTheModules(@TempDir Path root) throws Exception {
        Path target = root.resolve(CompiledClassKeys.of(key));
        Files.createDirectories(target.getParent());
        Files.write(target, SealedClasses.seal(key, classesAsTheApiServerCompiles(hello)));

        WasmFunction loaded = new CompiledModules(
                        ModuleSource.in(s3.store()),
                        CompiledClassSource.in(new FilesystemObjectStore(root)),
                        properties(),
                        meters)
                .get(function());

        assertThat(loaded.loadedFromCache()).isTrue();
        assertThat(classCache("remote-hit")).isEqualTo(1);
    }

    /** What the api-server's validation compile hands its cache: the same runtime call, with no entrypoint. */
    static byte[] classesAsTheApiServerCompiles(byte[] module) throws Exception {
        Map<String, byte[]> captured = new HashMap<>();
        CompiledClassCache capture = new CompiledClassCache() {
            @Override
            public byte[] get(String key) {
                return null;
            }

            @Override
            public void put(String key, byte[] compiledClasses) {
                captured.put(key, compiledClasses);
            }
        };
        WasmFunction.load(module, null, Limits.MAX_WASM32_PAGES, capture);
        assertThat(captured).hasSize(1);
        return captured.values().iterator().next();
    }

    private CompiledModules freshExecutor() {
        return executor(meters);
    }

    private CompiledModules executor(SimpleMeterRegistry registry) {
        return new CompiledModules(
                ModuleSource.in(s3.store()), CompiledClassSource.in(s3.store()), properties(), registry);
    }

    private ModuleProperties properties() {
        Map<String, String> settings = Map.of("wasmcloud.executor.compiled-class-cache-dir", localClasses.toString());
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("wasmcloud.executor", ModuleProperties.class);
    }

    private ActiveFunction function() throws Exception {
        String entrypoint =
                WasmFunction.inspect(hello, null, Limits.MAX_WASM32_PAGES).entrypoint();
        return ServedFunctions.served("hello", sha256, entrypoint, Duration.ofSeconds(30));
    }

    private static String answer(WasmFunction function) throws Exception {
        try (ExecutionPool pool = new ExecutionPool(1, 1024 * 1024)) {
            RunResult result = pool.run(
                    function,
                    new Invocation(
                            List.of("hello"),
                            Map.of("GREETING", "fresh"),
                            new byte[0],
                            Limits.defaults().withTimeout(Duration.ofSeconds(5))));
            assertThat(result.outcome()).as(result.trapMessage()).isEqualTo(Outcome.OK);
            return new String(result.stdout(), StandardCharsets.UTF_8);
        }
    }

    private double classCache(String result) {
        return meters.get("wasmcloud.modules.class.cache")
                .tag("result", result)
                .counter()
                .count();
    }

    private double rejected() {
        return meters.get("wasmcloud.modules.class.store.rejected").counter().count();
    }
}
