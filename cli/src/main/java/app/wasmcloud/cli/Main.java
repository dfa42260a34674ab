package app.wasmcloud.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The `wasmcloud` command's entry points: the process's {@code main}, and {@link #run} for tests and embedding. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system()));
    }

    /**
     * Runs one command line in this process and returns its exit code. Nothing is interactive (streams are treated
     * as not being terminals); the config file is found through {@code XDG_CONFIG_HOME} or {@code HOME} in {@code
     * env} (only without both does it fall back to the {@code user.home} system property).
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, Terminal.redirected(in, out, err, env));
    }

    public static int run(String[] args, Terminal terminal) {
        try {
            if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
                // Scripts check `wasmcloud --version` often; it answers before picocli builds its model of the command
                // line (most of the start-up), with the same text picocli prints.
                terminal.out().println(new VersionProvider().getVersion()[0]);
                return ExitCode.OK.code();
            }
            return CommandLineFactory.create(terminal, args).execute(args);
        } finally {
            terminal.out().flush();
            terminal.err().flush();
        }
    }
}
