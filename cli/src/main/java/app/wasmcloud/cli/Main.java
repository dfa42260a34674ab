package app.wasmcloud.cli;

import app.wasmcloud.cli.local.RunCommand;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The `wasmcloud` command's entry points: the process's {@code main}, and {@link #run} for tests and embedding. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status = run(args, Terminal.system());
        AheadOfTimeCache.discardIfUnused();
        System.exit(status);
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
            if (args.length >= 2 && args[0].equals("run") && !args[1].startsWith("-")) {
                return runWithoutOptions(terminal, args);
            }
            return CommandLineFactory.create(terminal, args).execute(args);
        } finally {
            terminal.out().flush();
            terminal.err().flush();
        }
    }

    /**
     * `wasmcloud run MODULE [ARG...]`, the usual way to run a module, needs nothing of picocli: there is no option to
     * parse, and everything after MODULE is the module's on any command line. Building picocli's model of `run` reads
     * its annotations, and the JVM makes a proxy class for every annotation type it reads (seven here), which no cache
     * can hold: about half of a cached run's start-up. Any other shape of command line, `run --help` and `run -e K=V
     * MODULE` included, goes through picocli; failures are reported by the same {@link FailureReporter}.
     */
    private static int runWithoutOptions(Terminal terminal, String[] args) {
        CommandContext context = new CommandContext(terminal);
        List<String> moduleArgs = Arrays.asList(args).subList(2, args.length);
        try {
            return RunCommand.withoutOptions(context, Path.of(args[1]), moduleArgs)
                    .call();
        } catch (Exception e) {
            return new FailureReporter(context).report(e);
        }
    }
}
