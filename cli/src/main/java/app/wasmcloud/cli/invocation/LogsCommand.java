package app.wasmcloud.cli.invocation;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.client.ApiClient;
import app.wasmcloud.cli.client.ServerUnreachableException;
import app.wasmcloud.cli.function.FunctionNameConverter;
import app.wasmcloud.cli.output.JsonFields;
import app.wasmcloud.cli.output.LogLevel;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.InvocationOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

@Command(
        name = "logs",
        description = {
            "Show a function's recent invocations, newest first, one line each: time, status, outcome, duration,"
                    + " version, id.",
            "--follow instead prints new ones as they happen, each with its log lines, stderr and trap message"
                    + " beneath it, until Ctrl-C (with --output json, one JSON object per line).",
            "--id shows one invocation in full, as `wasmcloud invocations show` does; --output json carries every"
                    + " invocation in full (stderr, log lines, trap message, host calls)."
        })
public final class LogsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    @Option(
            names = {"-n", "--limit"},
            paramLabel = "N",
            description = "How many invocations (default: the server's; not with --follow).")
    Integer limit;

    @Option(
            names = "--outcome",
            paramLabel = "OUTCOME",
            converter = OutcomeConverter.class,
            completionCandidates = OutcomeLabels.class,
            description = "Only invocations with this outcome: ${COMPLETION-CANDIDATES}.")
    String outcome;

    @Option(
            names = "--since",
            paramLabel = "WHEN",
            description = "Only invocations since then: an age such as 15m, 2h or 7d, or an instant such as"
                    + " 2026-01-02T03:04:05Z (not with --follow).")
    String since;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new invocations as they happen.")
    boolean follow;

    @Option(names = "--id", paramLabel = "ID", description = "Show this one invocation of the function in full.")
    String id;

    public LogsCommand(CommandContext context) {
        this.context = context;
    }

    /** Every outcome label, for the help text and shell completion. */
    static final class OutcomeLabels implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return InvocationOutcome.labels().iterator();
        }
    }

    /** Outcomes as the executor records them and the API filters on them: the platform's one list. */
    static final class OutcomeConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return InvocationOutcome.parse(value)
                    .map(InvocationOutcome::label)
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not an outcome: use one of "
                            + String.join(", ", InvocationOutcome.labels())));
        }
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new CliException(ExitCode.USAGE, "--limit must be at least 1");
        }
        if (follow && (limit != null || since != null)) {
            // The stream only carries invocations from now on; taking these silently would look like a filter.
            throw new CliException(
                    ExitCode.USAGE, "--limit and --since choose past invocations; --follow shows only new ones");
        }
        if (id != null && (follow || limit != null || since != null || outcome != null)) {
            throw new CliException(ExitCode.USAGE, "--id shows one invocation; it takes no other filter or --follow");
        }
        ApiClient api = context.api();
        Output output = context.output();
        if (id != null) {
            return showOne(api, output);
        }
        if (!follow) {
            JsonNode invocations = api.call("GET", "/api/functions/" + name + "/invocations" + query(output), null);
            if (output.json()) {
                output.json(invocations);
            } else if (JsonFields.elements(invocations).isEmpty()) {
                output.note(
                        outcome == null && since == null
                                ? "No invocations of " + name + " yet."
                                : "No invocations of " + name + " match the filter.");
            } else {
                JsonFields.elements(invocations).forEach(invocation -> print(output, invocation));
            }
            return ExitCode.OK.code();
        }
        follow(api, output);
        return ExitCode.OK.code();
    }

    private int showOne(ApiClient api, Output output) {
        String invocationId = InvocationText.parseId(id);
        JsonNode invocation = api.call("GET", "/api/invocations/" + invocationId, null);
        if (!name.equals(JsonFields.text(invocation, "function"))) {
            throw new CliException(
                    ExitCode.NOT_FOUND,
                    "invocation " + invocationId + " is not one of " + name + "'s; it belongs to "
                            + JsonFields.text(invocation, "function"));
        }
        if (output.json()) {
            output.json(invocation);
        } else {
            InvocationText.print(output, invocation);
        }
        return ExitCode.OK.code();
    }

    /** The list's query; JSON output asks for every invocation in full, since a script cannot ask again cheaply. */
    private String query(Output output) {
        StringBuilder query = new StringBuilder();
        if (output.json()) {
            query.append("details=true");
        }
        if (limit != null) {
            query.append(query.isEmpty() ? "" : "&").append("limit=").append(limit);
        }
        if (outcome != null) {
            query.append(query.isEmpty() ? "" : "&").append("outcome=").append(outcome);
        }
        if (since != null) {
            query.append(query.isEmpty() ? "" : "&")
                    .append("since=")
                    .append(URLEncoder.encode(since, StandardCharsets.UTF_8));
        }
        return query.isEmpty() ? "" : "?" + query;
    }

    /**
     * Server-Sent Events: the API sends one {@code invocation} event per new record, its data the invocation as
     * JSON, and comments as heartbeats. Other events and fields are skipped.
     */
    private void follow(ApiClient api, Output output) {
        HttpRequest request = api.request("/api/functions/" + name + "/logs/stream")
                .header("Accept", "text/event-stream")
                // The stream stays open for as long as the user watches; only getting its headers is bounded.
                .timeout(Duration.ofDays(365))
                .GET()
                .build();
        HttpResponse<InputStream> response = api.exchange(request);
        InputStream stream = api.successStream(response);
        output.note("Following " + name + " — Ctrl-C to stop.");
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            String event = null;
            for (String line = events.readLine(); line != null; line = events.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() && (event == null || event.equals("invocation"))) {
                        event(output, data.toString());
                    }
                    data.setLength(0);
                    event = null;
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(fieldValue(line, 5));
                } else if (line.startsWith("event:")) {
                    event = fieldValue(line, 6);
                }
            }
        } catch (IOException e) {
            throw new ServerUnreachableException(api.api(), e);
        }
        output.note("The server closed the stream.");
    }

    /** An SSE field's value: what follows the colon, less one leading space. */
    private static String fieldValue(String line, int colon) {
        String value = line.substring(colon);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private void event(Output output, String data) {
        JsonNode invocation;
        try {
            invocation = context.mapper().readTree(data);
        } catch (JacksonException e) {
            context.trace("skipped an event that is not JSON: " + data);
            return;
        }
        if (outcome != null && !outcome.equals(JsonFields.text(invocation, "outcome"))) {
            return;
        }
        if (output.json()) {
            output.line(context.mapper()
                    .writer()
                    .without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(invocation));
        } else {
            print(output, invocation);
        }
    }

    /**
     * One line per invocation, then (for the live stream, whose events carry them) its log lines, stderr and trap
     * message indented beneath it; the list leaves those out.
     */
    private static void print(Output output, JsonNode invocation) {
        String version = JsonFields.text(invocation, "version");
        output.line(String.join(
                "  ",
                JsonFields.text(invocation, "startedAt"),
                JsonFields.text(invocation, "httpStatus"),
                JsonFields.text(invocation, "outcome"),
                duration(invocation),
                version.isEmpty() ? "-" : "v" + version,
                JsonFields.text(invocation, "id")));
        for (JsonNode line : JsonFields.elements(invocation.path("logLines"))) {
            if (line.isObject()) {
                output.line(
                        "    [" + LogLevel.name(line.path("level").asInt(6)) + "] " + JsonFields.text(line, "message"));
            } else if (!line.isMissingNode() && !line.isNull()) {
                output.line("    " + line.asString());
            }
        }
        JsonFields.text(invocation, "stderr").lines().forEach(line -> output.line("    stderr: " + line));
        String trap = JsonFields.text(invocation, "trapMessage");
        if (!trap.isEmpty()) {
            output.line("    trap: " + trap);
        }
    }

    private static String duration(JsonNode invocation) {
        JsonNode micros = invocation.path("wallTimeUs");
        return micros.isNumber() ? String.format(Locale.ROOT, "%.1fms", micros.asLong() / 1000.0) : "-";
    }
}
