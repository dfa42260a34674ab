package app.wasmcloud.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs `wasmcloud` in this process with in-memory streams, a private config directory and a chosen environment. */
final class CliRun {

    /** What one run produced. */
    record Result(int exitCode, byte[] stdoutBytes, String stderr) {
        String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout() + "--- stderr\n" + stderr;
        }
    }

    private final Path configHome;
    private final Map<String, String> env = new HashMap<>();
    private byte[] stdin = new byte[0];
    private boolean stdinIsTty;
    private boolean outputIsTty;

    CliRun(Path configHome) {
        this.configHome = configHome;
        env.put("XDG_CONFIG_HOME", configHome.toString());
        env.put("HOME", configHome.resolve("home").toString());
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun stdin(byte[] bytes) {
        stdin = bytes;
        return this;
    }

    CliRun stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Pretends stdin is an interactive terminal (for prompts). */
    CliRun interactiveStdin() {
        stdinIsTty = true;
        return this;
    }

    /** Pretends stdout and stderr are terminals (for colour). */
    CliRun terminalOutput() {
        outputIsTty = true;
        return this;
    }

    Path configFile() {
        return configHome.resolve("wasmcloud").resolve("config.json");
    }

    Result run(String... args) {
        return run(new ByteArrayOutputStream(), args);
    }

    /** A run in the background, for commands that wait for something the test then does (the browser login). */
    final class Background {
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CompletableFuture<Result> result;

        private Background(String... args) {
            result = CompletableFuture.supplyAsync(() -> run(err, args));
        }

        /** What the command has written on stderr so far. */
        String stderrSoFar() {
            return err.toString(StandardCharsets.UTF_8);
        }

        Result await() throws Exception {
            return result.get(30, TimeUnit.SECONDS);
        }
    }

    Background start(String... args) {
        return new Background(args);
    }

    private Result run(ByteArrayOutputStream err, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin);
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exitCode = stdinIsTty || outputIsTty
                ? Main.run(args, new Terminal(in, outStream, errStream, env, stdinIsTty, outputIsTty, outputIsTty))
                : Main.run(args, in, outStream, errStream, env);
        return new Result(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
