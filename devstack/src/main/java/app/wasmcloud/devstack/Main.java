package app.wasmcloud.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./dev}: starts the platform, prints where everything is, and stops it all on Ctrl-C. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        DevStackConfig config;
        try {
            config = DevCommandLine.parse(Path.of("").toAbsolutePath(), List.of(args), System.getenv());
        } catch (DevCommandLine.UsageException e) {
            System.err.println("./dev: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(DevCommandLine.help());
            return;
        }
        System.out.println("Starting Wasmcloud (embedded PostgreSQL, api-server, executor, panel)...");
        DevStack stack;
        try {
            stack = DevStack.start(config);
        } catch (DevStack.PortTakenException e) {
            System.err.println("./dev: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Wasmcloud...");
            stack.close();
            stopped.countDown();
        }));
        System.out.println(banner(stack));
        stopped.await();
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
