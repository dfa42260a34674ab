package app.wasmcloud.executor.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wasmcloud.contract.Sha256;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.testsupport.GeneratedModules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The compiled-module LRU: bounded by count and by bytes, least recently used out first, every step counted. */
class CompiledModulesTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Map<String, byte[]> store = new HashMap<>();
    final ModuleSource source = sha256 -> {
        byte[] module = store.get(sha256);
        if (module == null) {
            throw new NoSuchFileException(sha256);
        }
        return module;
    };

    /** Long enough for a cold compile of a small module on a busy 2-CPU machine; no test here waits it out. */
    private static final Duration ORDINARY_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void pastTheCountBoundAModuleInUseOutlastsModulesUsedOnce() throws Exception {
        CompiledModules modules = compiledModules(Map.of("compiled-modules-max-count", "2"));
        ActiveFunction hot = function("hot");
        modules.get(hot);
        modules.get(hot);
        modules.get(hot);

        for (String once : new String[] {"b", "c", "d", "e"}) {
            modules.get(function(once));
        }

        assertThat(modules.contains(hot)).isTrue();
        assertThat(meters.get("wasmcloud.modules.cached").gauge().value()).isEqualTo(2);
        assertThat(count("wasmcloud.modules.evictions")).isEqualTo(3);
        assertThat(cacheCount("hit")).isEqualTo(2);
        assertThat(cacheCount("miss")).isEqualTo(5);
        assertThat(meters.get("wasmcloud.modules.compile").timer().count()).isEqualTo(5);
    }

    @Test
    void pastTheByteBoundModulesAreEvictedUntilTheRestFits() throws Exception {
        ActiveFunction a = function("a");
        long size = store.get(a.sha256()).length;
        CompiledModules modules = compiledModules(Map.of("compiled-modules-max-bytes", String.valueOf(2 * size + 10)));
        ActiveFunction b = function("b");
        ActiveFunction c = function("c");

        modules.get(a);
        modules.get(b);
        modules.get(c);

        assertThat(Stream.of(a, b, c).filter(modules::contains)).hasSize(2);
        assertThat(meters.get("wasmcloud.modules.cached.bytes").gauge().value()).isEqualTo(2.0 * size);
        assertThat(count("wasmcloud.modules.evictions")).isEqualTo(1);
    }

    @Test
    void aModuleLargerThanTheByteBoundIsStillKeptAloneRatherThanRecompiledPerRequest() throws Exception {
        CompiledModules modules = compiledModules(Map.of("compiled-modules-max-bytes", "1"));
        ActiveFunction a = function("a");

        modules.get(a);
        modules.get(a);

        assertThat(cacheCount("hit")).isEqualTo(1);
        assertThat(meters.get("wasmcloud.modules.compile").timer().count()).isEqualTo(1);
    }

    @Test
    void anEvictedModuleIsCompiledAgainWhenItIsNeeded() throws Exception {
        CompiledModules modules = compiledModules(Map.of("compiled-modules-max-count", "1"));
        ActiveFunction a = function("a");
        ActiveFunction b = function("b");
        modules.get(a);
        modules.get(b);
        ActiveFunction evicted = modules.contains(a) ? b : a;

        modules.get(evicted);

        assertThat(meters.get("wasmcloud.modules.compile").timer().count()).isEqualTo(3);
        assertThat(count("wasmcloud.modules.evictions")).isEqualTo(2);
    }

    @Test
    void aModuleThatDoesNotMatchItsHashIsRefused() throws Exception {
        CompiledModules modules = compiledModules(Map.of());
        ActiveFunction a = function("a");
        store.put(a.sha256(), "not the module".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> modules.get(a))
                .isInstanceOf(ModuleUnavailableException.class)
                .hasMessageContaining("does not match its hash");
        assertThat(modules.contains(a)).isFalse();
    }

    @Test
    void aRestartedExecutorLoadsTheCompiledClassesFromDiskInsteadOfCompiling(@TempDir Path classes) throws Exception {
        Map<String, String> settings = Map.of("compiled-class-cache-dir", classes.toString());
        ActiveFunction a = function("a");
        compiledModules(settings).get(a);
        assertThat(classCacheCount("miss")).isEqualTo(1);
        assertThat(classes).isNotEmptyDirectory();

        SimpleMeterRegistry afterRestart = new SimpleMeterRegistry();
        WasmFunction loaded = compiledModules(settings, afterRestart).get(a);

        assertThat(loaded.loadedFromCache()).isTrue();
        assertThat(afterRestart
                        .get("wasmcloud.modules.class.cache")
                        .tag("result", "hit")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(afterRestart
                        .get("wasmcloud.modules.class.cache")
                        .tag("result", "miss")
                        .counter()
                        .count())
                .isZero();
    }

    @Test
    void aBlankCompiledClassDirectoryDisablesTheDiskCache() throws Exception {
        CompiledModules modules = compiledModules(Map.of("compiled-class-cache-dir", ""));

        WasmFunction loaded = modules.get(function("a"));

        assertThat(loaded.loadedFromCache()).isFalse();
        assertThat(classCacheCount("hit") + classCacheCount("miss")).isZero();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRequestToAModuleStillCompilingWaitsOnlyItsOwnTimeoutAndTheCompileGoesOn() throws Exception {
        CompiledModules modules = compiledModules(Map.of());
        byte[] program = GeneratedModules.ordinaryProgram(300);
        ActiveFunction impatient = function("large", program, Duration.ofMillis(200));

        long start = System.nanoTime();
        assertThatThrownBy(() -> modules.get(impatient))
                .isInstanceOf(ModuleUnavailableException.class)
                .hasMessageContaining("still compiling after the function's timeout of 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

        WasmFunction compiled = modules.get(function("large", program, Duration.ofSeconds(50)));
        assertThat(compiled.info().sizeBytes()).isEqualTo(program.length);
        assertThat(meters.get("wasmcloud.modules.compile").timer().count()).isEqualTo(1);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theBrTableBombIsRefusedNamingTheLimitWithoutCompiling() throws Exception {
        CompiledModules modules = compiledModules(Map.of());
        ActiveFunction bomb = function("bomb", GeneratedModules.brTable(1_000_001), Duration.ofSeconds(10));

        long start = System.nanoTime();
        assertThatThrownBy(() -> modules.get(bomb))
                .isInstanceOf(ModuleUnavailableException.class)
                .hasMessageContaining("over the limit on br_table targets");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(modules.contains(bomb)).isFalse();
    }

    private ActiveFunction function(String name, byte[] module, Duration timeout) {
        String sha256 = Sha256.hex(module);
        store.put(sha256, module);
        return ServedFunctions.served(name, sha256, "_start", timeout);
    }

    private CompiledModules compiledModules(Map<String, String> settings) {
        return compiledModules(settings, meters);
    }

    /** By default without a compiled-class directory, so nothing is written outside the test's own directories. */
    private CompiledModules compiledModules(Map<String, String> settings, SimpleMeterRegistry meters) {
        Map<String, String> all = new HashMap<>();
        all.put("wasmcloud.executor.compiled-class-cache-dir", "");
        settings.forEach((key, value) -> all.put("wasmcloud.executor." + key, value));
        Binder binder = new Binder(new MapConfigurationPropertySource(all));
        return new CompiledModules(
                source,
                CompiledClassSource.NONE,
                binder.bindOrCreate("wasmcloud.executor", ModuleProperties.class),
                meters);
    }

    /** A function whose module is the cookies fixture made distinct by a custom section named after it. */
    private ActiveFunction function(String name) throws Exception {
        byte[] base = Files.readAllBytes(Path.of("src/test/resources/fixtures/cookies.wasm"));
        byte[] section = name.getBytes(StandardCharsets.US_ASCII);
        byte[] module = new byte[base.length + 3 + section.length];
        System.arraycopy(base, 0, module, 0, base.length);
        module[base.length + 1] = (byte) (1 + section.length);
        module[base.length + 2] = (byte) section.length;
        System.arraycopy(section, 0, module, base.length + 3, section.length);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(module));
        store.put(sha256, module);
        return ServedFunctions.served(name, sha256, "_start", ORDINARY_TIMEOUT);
    }

    private double classCacheCount(String result) {
        return meters.get("wasmcloud.modules.class.cache")
                .tag("result", result)
                .counter()
                .count();
    }

    private double count(String meter) {
        return meters.get(meter).counter().count();
    }

    private double cacheCount(String result) {
        return meters.get("wasmcloud.modules.cache")
                .tag("result", result)
                .counter()
                .count();
    }
}
