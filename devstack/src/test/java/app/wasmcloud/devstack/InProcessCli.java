package app.wasmcloud.devstack;

import app.wasmcloud.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * {@code wasmcloud serve} running on a thread of its own until closed; {@link #url()} is the address it printed.
     */
    static final class Serving implements AutoCloseable {
        private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:[0-9]+/");

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread thread;
        private final URI url;

        private Serving(InProcessCli cli, String... args) throws InterruptedException {
            thread = Thread.ofPlatform().name("wasmcloud-serve").start(() -> cli.run(out, err, args));
            url = awaitUrl();
        }

        URI url() {
            return url;
        }

        private URI awaitUrl() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && thread.isAlive()) {
                Matcher printed = URL.matcher(out.toString(StandardCharsets.UTF_8));
                if (printed.find()) {
                    return URI.create(printed.group());
                }
                Thread.sleep(20);
            }
            close();
            throw new AssertionError("serve printed no URL; stderr:\n" + err.toString(StandardCharsets.UTF_8));
        }

        /** Interrupts the command, which is how embedded use stops `serve`, and waits for it to end. */
        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10));
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

    /** Starts {@code wasmcloud serve ARGS…} on a free loopback port and waits until it listens. */
    Serving serve(String... args) throws InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "serve";
        command[1] = "--port";
        command[2] = "0";
        System.arraycopy(args, 0, command, 3, args.length);
        return new Serving(this, command);
    }

    private Result run(ByteArrayOutputStream err, String... args) {
        return run(new ByteArrayOutputStream(), err, args);
    }

    private Result run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        int exit = Main.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
