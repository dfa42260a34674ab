package app.wasmcloud.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    static final Path FIXTURES = Path.of("../runtime/src/test/resources/fixtures");
    static final String HELLO = Path.of("../examples/hello/hello.wasm").toString();

    @TempDir
    Path dir;

    record Result(int exitCode, byte[] stdoutBytes, String stderr) {
        String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout() + "--- stderr\n" + stderr;
        }
    }

    Result run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(
                args,
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("XDG_CONFIG_HOME", dir.toString(), "XDG_CACHE_HOME", dir.toString()));
        return new Result(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    Result run(String... args) {
        return run(new byte[0], args);
    }

    static String fixture(String name) {
        return FIXTURES.resolve(name).toString();
    }

    @Test
    void helloEchoesStdinByteForByteAndSeesItsEnvironment() {
        byte[] body = {'a', 0, (byte) 0xff, '\r', '\n', 'z'};

        Result result = run(body, "run", "--env", "GREETING=hej", "--env", "REQUEST_METHOD=PUT", HELLO);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("Content-Type: text/plain\n\nhej from wasmcloud!\nmethod: PUT\npath: \nbody: "
                .getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(body);
        expected.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result.stdoutBytes()).isEqualTo(expected.toByteArray());
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void theExitStatusIsTheModulesExitCode() {
        Result olin = run("run", fixture("exit_code.wasm"));
        Result wasi = run("run", fixture("wasi_exit.wasm"));

        assertThat(olin.exitCode()).as(olin.toString()).isEqualTo(3);
        assertThat(olin.stderr()).isEmpty();
        assertThat(wasi.exitCode()).isEqualTo(4);
        assertThat(wasi.stdout()).isEqualTo("wasi\n");
    }

    @Test
    void argumentsAfterTheModuleGoToTheModuleEvenWhenTheyLookLikeOptions() {
        Result result = run(
                "hi there".getBytes(StandardCharsets.UTF_8),
                "run",
                "-e",
                "NAME=ada",
                fixture("wasi_echo.wasm"),
                "--first",
                "-v");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("args=3 first=--first name=ada\nHI THERE\nread 8 bytes\n");
        assertThat(result.stderr()).isEqualTo("done\n");
    }

    @Test
    void argvZeroIsTheFunctionNameNotThePathAsTyped() {
        Result result = run("x".getBytes(StandardCharsets.UTF_8), "run", fixture("olin_conformance.wasm"), "one");

        assertThat(result.stdout()).as(result.toString()).contains("# arg olin_conformance\n# arg one\n");
        assertThat(result.stdout()).doesNotContain("fixtures");
    }

    @Test
    void aTrapExitsOneWithTheTrapNamedOnOneLine() {
        Result result = run("run", fixture("unreachable.wasm"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .startsWith("error: trap: ")
                .contains("unreachable")
                .hasLineCount(1);
    }

    @Test
    void anEndlessLoopStopsAtTheTimeout() {
        Result result = run("run", "--timeout", "200ms", fixture("loop_br.wasm"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .isEqualTo("error: timeout: the module ran longer than 200ms (raise it with --timeout)\n");
    }

    @Test
    void unboundedRecursionIsAStackExhaustionTrap() {
        Result result = run("run", fixture("recursion.wasm"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("error: trap: call stack exhausted\n");
    }

    @Test
    void growingPastTheMemoryOptionIsAMemoryLimit() {
        Result result = run("run", "--memory", "128KiB", "--stats", fixture("grow_bomb.wasm"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("\"outcome\":\"memory_limit\"", "\"peakMemoryPages\":2");
        assertThat(result.stderr().lines().toList().getLast())
                .startsWith("error: memory limit: the module needed more than 128KiB");
    }

    @Test
    void floodingStdoutIsAnOutputLimitThatKeepsWhatFit() {
        Result result = run("run", fixture("output_flood.wasm"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdoutBytes()).hasSize(10 * 1024 * 1024);
        assertThat(result.stderr()).startsWith("error: output limit");
    }

    @Test
    void statsAreOneJsonLineOnStderrWithTheInvocationsAccounting() {
        Result result = run("ping".getBytes(StandardCharsets.UTF_8), "run", "--stats", HELLO);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String stats = result.stderr();
        assertThat(stats).hasLineCount(1);
        assertThat(stats)
                .startsWith("{\"outcome\":\"ok\",\"exitCode\":0,\"wallMs\":")
                .contains("\"cpuMs\":", "\"peakMemoryPages\":", "\"stdinBytes\":4,", "\"stderrBytes\":0,")
                .contains("\"stdoutBytes\":" + result.stdoutBytes().length + ",")
                .contains("\"hostCalls\":{", "\"io_get_stdout\":1");
    }

    @Test
    void logLinesGoToStderrWithTheirLevel() {
        Result result = run("run", "--entrypoint", "log_levels", fixture("olin_abi.wasm"));

        assertThat(result.stderr()).contains("[error] ", "[info] ");
    }

    @Test
    void anInvalidModuleIsRefusedWithEveryReasonOnOneLine() {
        Result result = run("run", fixture("unknown_imports.wasm"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("error: invalid module ").hasLineCount(1);
    }

    @Test
    void aMissingFileSaysSo() {
        Result result = run("run", "nope.wasm");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("error: no such file: nope.wasm\n");
    }

    @Test
    void badLimitsAreUsageErrorsThatSayWhatIsAllowed() {
        Result timeout = run("run", "--timeout", "10", HELLO);
        Result memory = run("run", "--memory", "lots", HELLO);

        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.stderr()).contains("invalid duration '10'", "500ms, 10s, 2m");
        assertThat(memory.exitCode()).isEqualTo(2);
        assertThat(memory.stderr()).contains("invalid size 'lots'", "KiB, MiB or GiB");
    }

    @Test
    void aLimitTooLargeToRepresentIsRefusedNotWrappedAround() {
        // 17179869185 GiB is 2^64 + 1 GiB: multiplied in a long, it used to wrap around to a 1 GiB memory.
        Result memory = run("run", "--memory", "17179869185G", HELLO);
        Result timeout = run("run", "--timeout", "9223372036854775807h", HELLO);

        assertThat(memory.exitCode()).isEqualTo(2);
        assertThat(memory.stderr()).contains("invalid size '17179869185G': too large");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.stderr()).contains("invalid duration '9223372036854775807h': too large");
    }

    /**
     * `run MODULE [ARG...]` is answered without picocli (Main); `run -- MODULE [ARG...]`, the same command line, goes
     * through picocli's parser. Both must give the same stdout, stderr and exit status, failures included.
     */
    @Test
    void aRunWithoutOptionsAnswersExactlyAsTheSameRunThroughTheParser() {
        byte[] body = "ping".getBytes(StandardCharsets.UTF_8);
        List<List<String>> commandLines = List.of(
                List.of(HELLO),
                List.of(fixture("olin_conformance.wasm"), "one", "-v", "--", "--stats"),
                List.of(fixture("exit_code.wasm")),
                List.of(fixture("unreachable.wasm")),
                List.of(fixture("unknown_imports.wasm")),
                List.of("nope.wasm"));

        for (List<String> moduleAndArgs : commandLines) {
            List<String> direct = new ArrayList<>(List.of("run"));
            direct.addAll(moduleAndArgs);
            List<String> parsed = new ArrayList<>(List.of("run", "--"));
            parsed.addAll(moduleAndArgs);

            Result withoutParser = run(body, direct.toArray(String[]::new));
            Result throughParser = run(body, parsed.toArray(String[]::new));

            assertThat(withoutParser.toString()).as(direct.toString()).isEqualTo(throughParser.toString());
            assertThat(withoutParser.exitCode()).isEqualTo(throughParser.exitCode());
        }
    }

    @Test
    void exitCodesAreOneByteAndANonzeroCodeNeverBecomesSuccess() {
        assertThat(RunCommand.exitStatus(3)).isEqualTo(3);
        assertThat(RunCommand.exitStatus(-50)).isEqualTo(206);
        assertThat(RunCommand.exitStatus(256)).isEqualTo(1);
    }

    @Test
    void memorySizesRoundUpToWholePages() {
        MemorySizeConverter converter = new MemorySizeConverter();

        assertThat(converter.convert("16MiB")).isEqualTo(256);
        assertThat(converter.convert("64KiB")).isEqualTo(1);
        assertThat(converter.convert("65KiB")).isEqualTo(2);
        assertThat(converter.convert("1")).isEqualTo(1);
        assertThat(converter.convert("1k")).isEqualTo(1);
        assertThat(MemorySizeConverter.format(16384)).isEqualTo("1GiB");
    }
}
