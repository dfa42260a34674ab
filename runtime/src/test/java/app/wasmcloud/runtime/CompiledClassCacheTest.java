package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledClassCacheTest {

    private static final int PAGES = Limits.defaults().maxMemoryPages();

    @TempDir
    Path directory;

    /** Remembers every call, so a test can tell a compile (get missed, then put) from a load (get hit, no put). */
    private static final class RecordingCache implements CompiledClassCache {
        final Map<String, byte[]> entries = new HashMap<>();
        final List<String> puts = new ArrayList<>();

        @Override
        public byte[] get(String key) {
            return entries.get(key);
        }

        @Override
        public void put(String key, byte[] compiledClasses) {
            puts.add(key);
            entries.put(key, compiledClasses);
        }
    }

    @Test
    void aSecondLoadTakesTheClassesFromTheCacheInsteadOfCompiling() throws Exception {
        RecordingCache cache = new RecordingCache();
        byte[] wasm = Fixtures.bytes("hello_start");

        WasmFunction first = WasmFunction.load(wasm, null, PAGES, cache);
        WasmFunction second = WasmFunction.load(wasm, null, PAGES, cache);

        assertThat(first.loadedFromCache()).isFalse();
        assertThat(second.loadedFromCache()).isTrue();
        assertThat(cache.puts)
                .containsExactly(first.info().sha256() + "-chicory-1.7.5-jdk"
                        + Runtime.version().feature());
        try (ExecutionPool pool = new ExecutionPool(1, 1024 * 1024)) {
            RunResult result = pool.run(second, Fixtures.invocation());
            assertThat(Fixtures.text(result.stdout())).isEqualTo("Content-Type: text/plain\n\nhi\n");
        }
    }

    @Test
    void aDirectoryCacheSurvivesTheProcessThatFilledIt() throws Exception {
        byte[] wasm = Fixtures.bytes("olin_abi");
        WasmFunction.load(wasm, "null_write", PAGES, new DirectoryCompiledClassCache(directory, 1 << 20));

        // A new cache object over the same directory is what a restarted executor has.
        WasmFunction reloaded =
                WasmFunction.load(wasm, "null_write", PAGES, new DirectoryCompiledClassCache(directory, 1 << 20));

        assertThat(reloaded.loadedFromCache()).isTrue();
        try (ExecutionPool pool = new ExecutionPool(1, 1024 * 1024)) {
            assertThat(pool.run(reloaded, Fixtures.invocation()).exitCode()).isEqualTo(16);
        }
    }

    @Test
    void corruptCachedClassesAreReplacedByACompile() throws Exception {
        RecordingCache cache = new RecordingCache();
        byte[] wasm = Fixtures.bytes("hello_start");
        String key =
                CompiledClassCache.keyOf(WasmFunction.inspect(wasm, null, PAGES).sha256());
        cache.entries.put(key, "not a jar".getBytes());

        WasmFunction function = WasmFunction.load(wasm, null, PAGES, cache);

        assertThat(function.loadedFromCache()).isFalse();
        assertThat(cache.puts).containsExactly(key);
        assertThat(WasmFunction.load(wasm, null, PAGES, cache).loadedFromCache())
                .isTrue();
    }

    @Test
    void theDirectoryKeepsUnderItsCapByDroppingTheLeastRecentlyUsed() throws Exception {
        DirectoryCompiledClassCache cache = new DirectoryCompiledClassCache(directory, 2500);
        cache.put("a-1", new byte[1000]);
        Files.setLastModifiedTime(directory.resolve("a-1.classes"), FileTime.fromMillis(1000));
        cache.put("b-1", new byte[1000]);
        Files.setLastModifiedTime(directory.resolve("b-1.classes"), FileTime.fromMillis(2000));
        assertThat(cache.get("a-1")).hasSize(1000); // now the most recently used

        cache.put("c-1", new byte[1000]);

        assertThat(cache.get("b-1")).isNull();
        assertThat(cache.get("a-1")).hasSize(1000);
        assertThat(cache.get("c-1")).hasSize(1000);
        assertThat(fileNames()).containsExactlyInAnyOrder("a-1.classes", "c-1.classes");
    }

    @Test
    void keysThatCouldLeaveTheDirectoryAreRefused() {
        DirectoryCompiledClassCache cache = new DirectoryCompiledClassCache(directory, 1000);

        assertThatThrownBy(() -> cache.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
