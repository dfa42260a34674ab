package app.wasmcloud.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where commands write: data to stdout (text or JSON), diagnostics to stderr. Commands ask {@link #json()} and print
 * either a record through {@link #json(Object)} or lines and tables for people.
 */
public final class Output {
    private final PrintStream out;
    private final PrintStream err;
    private final OutputFormat format;
    private final Style outStyle;
    private final Style errStyle;
    private final JsonMapper mapper;

    public Output(
            PrintStream out, PrintStream err, OutputFormat format, Style outStyle, Style errStyle, JsonMapper mapper) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.outStyle = outStyle;
        this.errStyle = errStyle;
        this.mapper = mapper;
    }

    public boolean json() {
        return format == OutputFormat.json;
    }

    public Style style() {
        return outStyle;
    }

    public Style errStyle() {
        return errStyle;
    }

    /** Prints a value as indented JSON on stdout. */
    public void json(Object value) {
        out.println(mapper.writeValueAsString(value));
        out.flush();
    }

    /** Prints a line of data on stdout. */
    public void line(String text) {
        out.println(text);
        out.flush();
    }

    /** Prints a line for the person at the terminal on stderr (hints, notes), never data. */
    public void note(String text) {
        err.println(text);
        err.flush();
    }

    public void warning(String text) {
        note(errStyle.warning("warning: ") + text);
    }

    /** Prints rows under a header, each column as wide as its widest cell. */
    public void table(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                boolean last = i == row.size() - 1;
                String cell = last ? row.get(i) : pad(row.get(i), widths[i]) + "  ";
                line.append(r == 0 ? outStyle.bold(cell) : cell);
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
