package app.wasmcloud.cli.output;

import java.io.PrintStream;

/** ANSI emphasis for one stream, or plain text when colour is off (not a terminal, `--no-color`, `NO_COLOR`). */
public final class Style {
    private static final String RESET = "\u001b[0m";

    private final boolean enabled;
    private final boolean unicode;

    private Style(boolean enabled, boolean unicode) {
        this.enabled = enabled;
        this.unicode = unicode;
    }

    public static Style forStream(PrintStream stream, boolean colour) {
        return new Style(colour, stream.charset().newEncoder().canEncode('…'));
    }

    public boolean enabled() {
        return enabled;
    }

    public String error(String text) {
        return wrap("\u001b[1;31m", text);
    }

    public String warning(String text) {
        return wrap("\u001b[33m", text);
    }

    public String bold(String text) {
        return wrap("\u001b[1m", text);
    }

    public String dim(String text) {
        return wrap("\u001b[2m", text);
    }

    /** The start of a long value such as a digest, marked as shortened. */
    public String abbreviate(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        return text.substring(0, length) + (unicode ? "…" : "...");
    }

    private String wrap(String code, String text) {
        return enabled ? code + text + RESET : text;
    }
}
