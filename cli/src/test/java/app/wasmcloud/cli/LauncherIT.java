package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged `target/wasmcloud` file, run as a separate process the way a user runs it. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("target", "wasmcloud").toAbsolutePath();

    @TempDir
    Path dir;

    FakeApi api;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeApi();
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    record Run(int exitCode, byte[] stdout, String stderr) {}

    @Test
    void theLauncherIsOneExecutableFileThatStartsWithAShebang() throws IOException {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
        assertThat(Files.readString(LAUNCHER, StandardCharsets.ISO_8859_1)).startsWith("#!/bin/sh\n");
    }

    @Test
    void versionRunsThroughJavaHomeAndWritesAnAheadOfTimeCacheForLaterRuns() throws Exception {
        Run first = run(new byte[0], "--version");
        Path cache = awaitCacheFile("-api.aot");
        Run second = run(new byte[0], "--version");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(new String(first.stdout(), StandardCharsets.UTF_8)).startsWith("wasmcloud 0.1.0-SNAPSHOT");
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(second.stderr()).isEmpty();
        assertThat(cache.getFileName().toString()).startsWith("cli-0.1.0-SNAPSHOT-java");
        try (var left = Files.list(cache.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.contains(".aotconf") || name.endsWith(".partial"));
        }
    }

    @Test
    void aSecondRunOfAModuleStartsFromTheCachedClassesAndTheAheadOfTimeCache() throws Exception {
        String hello = Path.of("..", "examples", "hello", "hello.wasm")
                .toAbsolutePath()
                .toString();
        Run first = run(new byte[0], "run", hello);
        awaitCacheFile("-local.aot");
        Run second = run(new byte[0], "run", "--verbose", hello);

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stderr()).isEmpty();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(second.stderr()).contains("loaded the compiled classes of " + hello + " from the cache");
    }

    /**
     * ASM (as picocli) ships Java 5 class files, which the JVM leaves out of its cache; the build rewrites them with
     * stack maps (src/build/UpgradeOldClassFiles.java) so that a cached run takes every class of the jar from the cache.
     * A run without options does not read picocli's annotations, so the JVM makes no proxy class for them either.
     */
    @Test
    void aCachedRunOfAModuleLoadsNoClassFromTheJarAndMakesNoAnnotationProxy() throws Exception {
        String hello = Path.of("..", "examples", "hello", "hello.wasm")
                .toAbsolutePath()
                .toString();
        Path classLog = dir.resolve("class-load.log");
        run(new byte[0], "run", hello);
        awaitCacheFile("-local.aot");
        Run cached = run(LAUNCHER, new byte[0], classLogging(classLog), "run", hello);

        assertThat(cached.exitCode()).as(cached.stderr()).isZero();
        assertThat(Files.readAllLines(classLog))
                .anyMatch(line -> line.contains(" org.objectweb.asm.ClassReader source: shared objects file"))
                .noneMatch(line -> line.endsWith("source: file:" + LAUNCHER))
                .noneMatch(line -> line.endsWith("source: __dynamic_proxy__"));
    }

    @Test
    void aCachedCommandTakesPicocliFromTheCache() throws Exception {
        Path classLog = dir.resolve("class-load.log");
        run(new byte[0], "fn", "show", "ghost");
        awaitCacheFile("-api.aot");
        Run cached = run(LAUNCHER, new byte[0], classLogging(classLog), "fn", "show", "ghost");

        assertThat(cached.exitCode()).as(cached.stderr()).isEqualTo(4);
        List<String> picocli = Files.readAllLines(classLog).stream()
                .filter(line -> line.contains(" picocli."))
                .toList();
        assertThat(picocli)
                .anyMatch(line -> line.contains(" picocli.CommandLine source: "))
                .allMatch(line -> line.endsWith("source: shared objects file"));
    }

    private static Map<String, String> classLogging(Path file) {
        return Map.of("WASMCLOUD_JAVA_OPTS", "-Xlog:class+load=info:file=" + file);
    }

    @Test
    void aCorruptCacheStillRunsTheModuleWithoutAWordAndIsRecordedAgain() throws Exception {
        String hello = Path.of("..", "examples", "hello", "hello.wasm")
                .toAbsolutePath()
                .toString();
        Run first = run(new byte[0], "run", hello);
        Path archive = awaitCacheFile("-local.aot");
        byte[] garbage = "not an AOT cache\n".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        Files.write(archive, garbage);

        Run withCorruptCache = run(new byte[0], "run", hello);
        boolean corruptCacheKept = Files.exists(archive);
        Run recording = run(new byte[0], "run", hello);
        Path rebuilt = awaitCacheFile("-local.aot");
        Run withNewCache = run(new byte[0], "run", hello);

        assertThat(withCorruptCache.exitCode()).as(withCorruptCache.stderr()).isZero();
        assertThat(withCorruptCache.stdout()).isEqualTo(first.stdout());
        assertThat(withCorruptCache.stderr()).isEmpty();
        assertThat(corruptCacheKept)
                .as("the corrupt cache is deleted by the run that could not use it")
                .isFalse();
        assertThat(recording.stdout()).isEqualTo(first.stdout());
        assertThat(Files.readAllBytes(rebuilt)).isNotEqualTo(garbage);
        assertThat(withNewCache.stdout()).isEqualTo(first.stdout());
        assertThat(withNewCache.stderr()).isEmpty();
    }

    /** The JVM refuses to record a cache beside -Xshare:off; the recording run used to exit 1 without a word. */
    @Test
    void classDataOptionsOfTheUsersOwnTurnTheCacheOffInsteadOfFailingTheRun() throws Exception {
        String hello = Path.of("..", "examples", "hello", "hello.wasm")
                .toAbsolutePath()
                .toString();
        Map<String, String> sharingOff = Map.of("WASMCLOUD_JAVA_OPTS", "-Xshare:off");

        Run first = run(LAUNCHER, new byte[0], sharingOff, "run", hello);
        Run second = run(LAUNCHER, new byte[0], sharingOff, "run", hello);

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(new String(first.stdout(), StandardCharsets.UTF_8)).contains("hello from wasmcloud!");
        assertThat(second.stdout()).isEqualTo(first.stdout());
        try (var files = Files.list(dir.resolve("cache").resolve("wasmcloud"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("cli-"));
        }
    }

    @Test
    void aCacheDirectoryWithSpacesGoesWithoutTheCacheInsteadOfFailingTheRun() throws Exception {
        String hello = Path.of("..", "examples", "hello", "hello.wasm")
                .toAbsolutePath()
                .toString();
        Path spaced = dir.resolve("my cache");
        Map<String, String> env = Map.of("WASMCLOUD_CACHE_DIR", spaced.toString());

        Run first = run(LAUNCHER, new byte[0], env, "run", hello);
        Run second = run(LAUNCHER, new byte[0], env, "run", hello);

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(new String(first.stdout(), StandardCharsets.UTF_8)).contains("hello from wasmcloud!");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).isEqualTo(first.stdout());
        if (Files.isDirectory(spaced)) {
            try (var files = Files.list(spaced)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("cli-"));
            }
        }
    }

    @Test
    void aReplacedLauncherRebuildsItsStaleCacheWithoutAWord() throws Exception {
        Path launcher = dir.resolve("bin").resolve("wasmcloud");
        Files.createDirectories(launcher.getParent());
        Files.copy(LAUNCHER, launcher);
        assertThat(run(launcher, new byte[0], "--version").exitCode()).isZero();
        Path archive = awaitCacheFile("-api.aot");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(0));

        // An upgrade: a different file (its size changes too) at the same path.
        byte[] original = Files.readAllBytes(LAUNCHER);
        byte[] upgraded = new byte[original.length + 2];
        byte[] shebang = "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(shebang, 0, upgraded, 0, shebang.length);
        upgraded[shebang.length] = '#';
        upgraded[shebang.length + 1] = '\n';
        System.arraycopy(original, shebang.length, upgraded, shebang.length + 2, original.length - shebang.length);
        Files.write(launcher, upgraded);
        Run afterUpgrade = run(launcher, new byte[0], "--version");

        assertThat(afterUpgrade.exitCode()).isZero();
        assertThat(afterUpgrade.stderr()).isEmpty();
        assertThat(new String(afterUpgrade.stdout(), StandardCharsets.UTF_8)).startsWith("wasmcloud ");
        assertThat(Files.getLastModifiedTime(awaitCacheFile("-api.aot")).toMillis())
                .isGreaterThan(0);
    }

    /** The launcher assembles its cache in the background after the run; this waits for it to be moved into place. */
    private Path awaitCacheFile(String ending) throws Exception {
        Path directory = dir.resolve("cache").resolve("wasmcloud");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(directory)) {
                try (var files = Files.list(directory)) {
                    var found = files.filter(p -> p.getFileName().toString().endsWith(ending)
                                    && p.toFile().lastModified() > 0)
                            .findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no *" + ending + " in " + directory + " after 60 s");
    }

    /** A new terminal: no JAVA_HOME, and on this machine's PATH an older java (Debian's 17), as ./dev copes with. */
    @Test
    void withoutJavaHomeTheLauncherFindsAJdk25AndSaysWhichUnderVerbose() throws Exception {
        Run result = run(LAUNCHER, new byte[0], Map.of("JAVA_HOME", ""), "--version", "--verbose");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(new String(result.stdout(), StandardCharsets.UTF_8)).startsWith("wasmcloud 0.1.0-SNAPSHOT");
        assertThat(result.stderr()).containsPattern("java: \\S+/bin/java \\(Java (2[5-9]|[3-9][0-9])");
    }

    @Test
    void anOldJavaIsRefusedWithAMessageInsteadOfAClassVersionError() throws Exception {
        Path oldJdk = dir.resolve("jdk-17");
        Files.createDirectories(oldJdk.resolve("bin"));
        Files.writeString(oldJdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"17.0.15\"\n");
        Path java = Files.writeString(oldJdk.resolve("bin").resolve("java"), "#!/bin/sh\necho started >&2\nexit 99\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run result = run(LAUNCHER, new byte[0], Map.of("JAVA_HOME", oldJdk.toString()), "--version");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .isEqualTo("error: wasmcloud needs Java 25 or newer, but " + java
                        + " is Java 17.0.15; set JAVA_HOME to a JDK 25\n");
    }

    @Test
    void invokeThroughTheLauncherKeepsStdoutByteExact() throws Exception {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        api.answer(
                "POST /api/functions/hello/invoke",
                new FakeApi.Answer(200, Map.of("X-Wasmcloud-Invocation-Id", "inv-1"), allBytes));

        Run result = run(allBytes, "invoke", "hello", "-d", "@-");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(allBytes);
        assertThat(api.onlyRequest().body()).isEqualTo(allBytes);
    }

    @Test
    void runPassesBinaryStdinThroughTheModuleAndItsExitCodeToTheShell() throws Exception {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        Path hello = Path.of("../examples/hello/hello.wasm").toAbsolutePath();
        Path exitCode =
                Path.of("../runtime/src/test/resources/fixtures/exit_code.wasm").toAbsolutePath();

        Run echoed = run(allBytes, "run", hello.toString());
        Run exited = run(new byte[0], "run", exitCode.toString());

        assertThat(echoed.exitCode()).as(echoed.stderr()).isZero();
        byte[] prefix = "Content-Type: text/plain\n\nhello from wasmcloud!\nmethod: \npath: \nbody: "
                .getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[prefix.length + allBytes.length + 1];
        System.arraycopy(prefix, 0, expected, 0, prefix.length);
        System.arraycopy(allBytes, 0, expected, prefix.length, allBytes.length);
        expected[expected.length - 1] = '\n';
        assertThat(echoed.stdout()).isEqualTo(expected);
        assertThat(exited.exitCode()).isEqualTo(3);
        assertThat(exited.stderr()).isEmpty();
    }

    @Test
    void exitCodesReachTheShell() throws Exception {
        Run result = run(new byte[0], "fn", "show", "ghost");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).isEqualTo("error: no fake answer for GET /api/functions/ghost\n");
    }

    private Run run(byte[] stdin, String... args) throws Exception {
        return run(LAUNCHER, stdin, Map.of(), args);
    }

    private Run run(Path launcher, byte[] stdin, String... args) throws Exception {
        return run(launcher, stdin, Map.of(), args);
    }

    private Run run(Path launcher, byte[] stdin, Map<String, String> extraEnv, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", dir.toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("WASMCLOUD_API", api.url());
        env.put("WASMCLOUD_TOKEN", FakeApi.TOKEN);
        env.putAll(extraEnv);
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        Path input = Files.write(dir.resolve("stdin"), stdin);
        Process process = builder.redirectInput(input.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
    }
}
