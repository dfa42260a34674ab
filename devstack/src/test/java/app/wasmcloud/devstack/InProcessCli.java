package app.wasmcloud.devstack;

import app.wasmcloud.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The `wasmcloud` CLI run in this JVM through {@link Main#run}, as one user on one machine: its own config directory
 * ({@code XDG_CONFIG_HOME}) and environment, no terminal, empty stdin.
 */
final class InProcessCli {

    /** What one command printed and how it exited. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A command still running (the browser login waits for the test to play the browser). */
    static final class Background {
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CompletableFuture<Result> result;

        private Background(InProcessCli cli, String... args) {
            result = CompletableFuture.supplyAsync(() -> cli.run(err, args));
        }

        /** What it has written on stderr so far. */
        String stderrSoFar() {
            return err.toString(StandardCharsets.UTF_8);
        }

        Result await() throws Exception {
            return result.get(60, TimeUnit.SECONDS);
        }
    }

    private final Map<String, String> env = new HashMap<>();

    InProcessCli(Path configHome) {
        env.put("XDG_CONFIG_HOME", configHome.toString());
        env.put("HOME", configHome.resolve("home").toString());
    }

    /** Adds an environment variable (for example {@code WASMCLOUD_API}). */
    InProcessCli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String... args) {
        return run(new ByteArrayOutputStream(), args);
    }

    Background start(String... args) {
        return new Background(this, args);
    }

    private Result run(ByteArrayOutputStream err, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
