package app.wasmcloud.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code ./dev}: starts the platform, prints where everything is, and stops it all on Ctrl-C. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        int status = run(Path.of("").toAbsolutePath(), List.of(args), System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Everything {@code ./dev} does, with its streams and environment given, so that tests can run it in-process. It
     * returns at once with 2 on a usage error, 0 after printing the help, 1 when a port is taken; otherwise it runs
     * the stack until the JVM is stopped.
     */
    static int run(
            Path repositoryRoot, List<String> args, Map<String, String> environment, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        DevStackConfig config;
        try {
            config = DevCommandLine.parse(repositoryRoot, args, environment);
        } catch (DevCommandLine.UsageException e) {
            err.println("./dev: " + e.getMessage());
            return 2;
        }
        if (config == null) {
            out.print(DevCommandLine.help());
            return 0;
        }
        out.println("Starting Wasmcloud (embedded PostgreSQL, api-server, executor, panel)...");
        DevStack stack;
        try {
            stack = DevStack.start(config);
        } catch (DevStack.PortTakenException e) {
            err.println("./dev: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nStopping Wasmcloud...");
            stack.close();
            stopped.countDown();
        }));
        out.println(banner(stack));
        stopped.await();
        return 0;
    }

    private static String banner(DevStack stack) {
        DevStackConfig c = stack.config();
        return """

                Wasmcloud is running.

                  API            %s
                  Panel          %s   (press "Dev login" to sign in)
                  Docs           %s
                  Functions      %s/<name>/   (or http://<name>.%s:%d/)
                  Logs           %s   (the previous start's in previous/)

                  API token (admin user 'dev'):
                    %s

                  Try it:
                    export WASMCLOUD_API=%s WASMCLOUD_TOKEN=%s
                    cli/target/wasmcloud deploy hello examples/hello/hello.wasm --create
                    curl -d 'hi there' %s/hello/some/path

                Press Ctrl-C to stop.
                """.formatted(
                        c.apiUrl(),
                        c.panelUrl(),
                        c.docsUrl(),
                        c.runUrl(),
                        c.runDomain(),
                        c.executorPort(),
                        c.dataDirectory().resolve("logs"),
                        stack.token(),
                        c.apiUrl(),
                        stack.token(),
                        c.runUrl());
    }
}
