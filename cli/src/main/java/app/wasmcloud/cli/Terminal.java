package app.wasmcloud.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command may touch of the outside world: the three standard streams, the environment and whether each
 * stream is an interactive terminal. Tests build one with in-memory streams; {@link #system()} is the real thing.
 *
 * @param stdinIsTty whether stdin is a terminal (prompts are only shown then)
 * @param stdoutIsTty whether stdout is a terminal (colour and progress are only used then)
 * @param stderrIsTty whether stderr is a terminal
 */
public record Terminal(
        InputStream in,
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        boolean stdinIsTty,
        boolean stdoutIsTty,
        boolean stderrIsTty) {

    public Terminal {
        env = Map.copyOf(env);
    }

    /** A terminal whose streams are not interactive, as in a script or a test. */
    public static Terminal redirected(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return new Terminal(in, out, err, env, false, false, false);
    }

    /**
     * The process's own streams. The launcher script knows exactly which streams are terminals (`[ -t 0 ]`) and
     * passes that as system properties; without it, {@link Console#isTerminal()} (stdin and stdout both a terminal)
     * stands in for all three.
     */
    public static Terminal system() {
        return new Terminal(
                System.in, System.out, System.err, System.getenv(), isTty("stdin"), isTty("stdout"), isTty("stderr"));
    }

    /** The value of an environment variable, treating an empty value as unset. */
    public String getenv(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean isTty(String stream) {
        String property = System.getProperty("wasmcloud.tty." + stream);
        if (property != null) {
            return Boolean.parseBoolean(property);
        }
        Console console = System.console();
        return console != null && console.isTerminal();
    }
}
