package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void versionRunsThroughJavaHomeAndWritesAClassDataArchiveForLaterRuns() throws Exception {
        Run first = run(new byte[0], "--version");
        Run second = run(new byte[0], "--version");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(new String(first.stdout(), StandardCharsets.UTF_8)).startsWith("wasmcloud 0.1.0-SNAPSHOT");
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(second.stderr()).isEmpty();
        try (var archives = Files.list(dir.resolve("cache").resolve("wasmcloud"))) {
            assertThat(archives.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith(".jsa"));
        }
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
    void exitCodesReachTheShell() throws Exception {
        Run result = run(new byte[0], "fn", "show", "ghost");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).isEqualTo("error: no fake answer for GET /api/functions/ghost\n");
    }

    private Run run(byte[] stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
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
