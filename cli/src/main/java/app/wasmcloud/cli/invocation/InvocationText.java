package app.wasmcloud.cli.invocation;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.output.ByteSize;
import app.wasmcloud.cli.output.JsonFields;
import app.wasmcloud.cli.output.LogLevel;
import app.wasmcloud.cli.output.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One invocation in full, as {@code invocations show} and {@code logs NAME --id} print it. */
public final class InvocationText {

    private static final long PAGE_BYTES = 64 * 1024;

    private InvocationText() {}

    /** The id as the API names invocations, or a usage error saying what one looks like. */
    public static String parseId(String text) {
        try {
            return UUID.fromString(text.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    ExitCode.USAGE,
                    "'" + text + "' is not an invocation id; ids look like 0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f"
                            + " (invoke --verbose and logs print them)");
        }
    }

    static void print(Output output, JsonNode invocation) {
        String version = JsonFields.text(invocation, "version");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("invocation", JsonFields.text(invocation, "id")));
        rows.add(List.of(
                "function",
                JsonFields.text(invocation, "function") + (version.isEmpty() ? "" : " v" + version) + " ("
                        + JsonFields.text(invocation, "source") + ")"));
        rows.add(List.of("started", JsonFields.text(invocation, "startedAt")));
        rows.add(List.of(
                "outcome",
                JsonFields.text(invocation, "outcome") + ", HTTP " + JsonFields.text(invocation, "httpStatus")));
        String exitCode = JsonFields.text(invocation, "exitCode");
        rows.add(List.of("exit code", exitCode.isEmpty() ? "-" : exitCode));
        rows.add(List.of(
                "time",
                millis(invocation.path("wallTimeUs")) + " wall, " + millis(invocation.path("cpuTimeUs")) + " CPU"));
        long pages = invocation.path("peakMemoryPages").asLong(0);
        rows.add(List.of("memory", ByteSize.format(pages * PAGE_BYTES) + " peak (" + pages + " pages)"));
        rows.add(List.of(
                "bytes",
                JsonFields.text(invocation, "bytesIn") + " in, " + JsonFields.text(invocation, "bytesOut") + " out"));
        List<String> calls = new ArrayList<>();
        invocation
                .path("hostCalls")
                .properties()
                .forEach(call -> calls.add(call.getKey() + " " + call.getValue().asString()));
        rows.add(List.of("host calls", calls.isEmpty() ? "none" : String.join(", ", calls)));
        String trap = JsonFields.text(invocation, "trapMessage");
        if (!trap.isEmpty()) {
            rows.add(List.of("trap", trap.lines().findFirst().orElse(trap)));
        }
        int width = rows.stream().mapToInt(row -> row.getFirst().length()).max().orElse(0);
        for (List<String> row : rows) {
            output.line(String.format(Locale.ROOT, "%-" + width + "s  %s", row.get(0), row.get(1)));
        }
        List<JsonNode> logLines = JsonFields.elements(invocation.path("logLines"));
        if (!logLines.isEmpty()) {
            output.line("log lines:");
            for (JsonNode line : logLines) {
                output.line(
                        line.isObject()
                                ? "    [" + LogLevel.name(line.path("level").asInt(6)) + "] "
                                        + JsonFields.text(line, "message")
                                : "    " + line.asString());
            }
        }
        String stderr = JsonFields.text(invocation, "stderr");
        if (!stderr.isEmpty()) {
            output.line("stderr:");
            stderr.lines().forEach(line -> output.line("    " + line));
        }
    }

    private static String millis(JsonNode micros) {
        return micros.isNumber() ? String.format(Locale.ROOT, "%.1f ms", micros.asLong() / 1000.0) : "-";
    }
}
