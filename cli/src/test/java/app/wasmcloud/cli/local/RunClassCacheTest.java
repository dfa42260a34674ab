package app.wasmcloud.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RunClassCacheTest {
    static final String HELLO_OUTPUT = "Content-Type: text/plain\n\nhello from wasmcloud!\nmethod: \npath: \nbody: \n";

    @TempDir
    Path dir;

    record Result(int exitCode, String stdout, String stderr) {}

    Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Result runHello(Path cache, String... options) {
        String[] args = Stream.concat(
                        Stream.concat(Stream.of("run"), Stream.of(options)), Stream.of(RunCommandTest.HELLO))
                .toArray(String[]::new);
        return run(Map.of("XDG_CONFIG_HOME", dir.toString(), "WASMCLOUD_CACHE_DIR", cache.toString()), args);
    }

    static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("classes"))) {
            return files.toList();
        }
    }

    @Test
    void aSecondRunOfTheSameModuleLoadsItsClassesFromTheCache() throws IOException {
        Path cache = dir.resolve("cache");

        Result first = runHello(cache, "--verbose");
        List<Path> afterFirst = entries(cache);
        Result second = runHello(cache, "--verbose");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).isEqualTo(HELLO_OUTPUT);
        assertThat(first.stderr()).contains("compiled " + RunCommandTest.HELLO + " (it was not in the cache)");
        assertThat(afterFirst)
                .singleElement()
                .satisfies(entry -> assertThat(entry.getFileName().toString())
                        .matches("[0-9a-f]{64}-chicory-[0-9a-z.-]+-jdk[0-9]+\\.classes"));
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout()).isEqualTo(HELLO_OUTPUT);
        assertThat(second.stderr())
                .contains("loaded the compiled classes of " + RunCommandTest.HELLO + " from the cache")
                .doesNotContain("compiled " + RunCommandTest.HELLO + " (");
        assertThat(entries(cache)).isEqualTo(afterFirst);
    }

    @Test
    void aCorruptEntryIsIgnoredAndRebuilt() throws IOException {
        Path cache = dir.resolve("cache");
        runHello(cache);
        Path entry = entries(cache).getFirst();
        Files.write(entry, "not a class archive".getBytes(StandardCharsets.UTF_8));

        Result corrupt = runHello(cache, "--verbose");
        Result after = runHello(cache, "--verbose");

        assertThat(corrupt.exitCode()).as(corrupt.toString()).isZero();
        assertThat(corrupt.stdout()).isEqualTo(HELLO_OUTPUT);
        assertThat(corrupt.stderr()).contains("compiled " + RunCommandTest.HELLO + " (it was not in the cache)");
        assertThat(Files.size(entry)).isGreaterThan("not a class archive".length());
        assertThat(after.stderr()).contains("from the cache");
    }

    @Test
    void aCacheThatCannotBeCreatedOnlyCostsACompile() throws IOException {
        // A regular file where the cache directory should be: creating it fails for any user, root included.
        Path blocked = Files.writeString(dir.resolve("blocked"), "");

        Result quiet = runHello(blocked);
        Result verbose = runHello(blocked, "--verbose");

        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.stdout()).isEqualTo(HELLO_OUTPUT);
        assertThat(quiet.stderr()).isEmpty();
        assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
        assertThat(verbose.stderr()).contains("is not usable, compiling instead");
    }

    @Test
    void theCacheFollowsXdgCacheHomeThenHome() {
        assertThat(UserClassCache.directory(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/h"), "/u"))
                .isEqualTo(Path.of("/x/cache/wasmcloud/classes"));
        assertThat(UserClassCache.directory(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/h"), "/u"))
                .isEqualTo(Path.of("/h/.cache/wasmcloud/classes"));
        assertThat(UserClassCache.directory(Map.of(), "/u")).isEqualTo(Path.of("/u/.cache/wasmcloud/classes"));
        assertThat(UserClassCache.directory(Map.of("WASMCLOUD_CACHE_DIR", "/w", "XDG_CACHE_HOME", "/x"), "/u"))
                .isEqualTo(Path.of("/w/classes"));
    }
}
