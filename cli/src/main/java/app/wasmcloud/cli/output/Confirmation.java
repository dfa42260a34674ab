package app.wasmcloud.cli.output;

import app.wasmcloud.cli.Terminal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Locale;

/** The question a destructive command asks first, only of a person at a terminal (a script is never prompted). */
public final class Confirmation {
    private Confirmation() {}

    /** True without asking when stdin is not a terminal; otherwise whether the answer was y or yes. */
    public static boolean ask(Terminal terminal, String question) {
        if (!terminal.stdinIsTty()) {
            return true;
        }
        terminal.err().print(question + " [y/N] ");
        terminal.err().flush();
        try {
            String answer =
                    new BufferedReader(new InputStreamReader(terminal.in(), Charset.defaultCharset())).readLine();
            String normalized = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
            return normalized.equals("y") || normalized.equals("yes");
        } catch (IOException e) {
            return false;
        }
    }
}
