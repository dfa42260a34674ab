package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.client.ApiClient;
import app.wasmcloud.cli.client.ApiException;
import app.wasmcloud.cli.output.JsonFields;
import app.wasmcloud.contract.InvokeTarget;
import app.wasmcloud.contract.WasmcloudHeaders;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
        name = "invoke",
        description = {
            "Call a function and write its response body to stdout, byte for byte.",
            "Goes through the API, so private functions work too. Exits 0 when the function answered with a status "
                    + "below 500 and 1 when it answered 5xx; --verbose names the invocation id on stderr.",
            "With --async the function runs in the background, retried on failure: invoke prints the request's id "
                    + "(the status with -o json), or with --wait follows it and writes the answer of the attempt that "
                    + "succeeded, exiting 1 if it ends in the dead letters."
        })
public final class InvokeCommand implements Callable<Integer> {
    /** The longest a function may run (60 s) plus time for the module to load and the body to travel. */
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(90);

    private static final int RECORD_ATTEMPTS = 4;
    private static final Duration RECORD_WAIT = Duration.ofMillis(250);
    private static final Duration ASYNC_FIRST_POLL = Duration.ofMillis(200);

    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    @Option(
            names = {"-X", "--request"},
            paramLabel = "METHOD",
            description = "HTTP method for the function (default: POST with -d, else GET).")
    String method;

    @Option(
            names = "--path",
            paramLabel = "PATH",
            defaultValue = "/",
            description = "Path and query the function sees (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(
            names = {"-H", "--header"},
            paramLabel = "'NAME: VALUE'",
            converter = Header.Converter.class,
            description = "A request header for the function; repeatable.")
    List<Header> headers = new ArrayList<>();

    @Option(
            names = {"-d", "--data"},
            paramLabel = "DATA|@FILE|@-",
            description = "Request body: the text itself, a file's bytes (@FILE), or stdin (@-); sent unchanged.")
    String data;

    @Option(
            names = {"-i", "--include"},
            description = "Print the status line and response headers before the body.")
    boolean include;

    @Option(
            names = "--async",
            description = "Run it in the background (Prefer: respond-async) and print the request's id.")
    boolean async;

    @Option(
            names = "--callback",
            paramLabel = "URL",
            description = "With --async: where to POST the result when it is over; its host must be on the "
                    + "function's egress allow-list.")
    String callback;

    @Option(
            names = "--wait",
            description = "With --async: follow the request to its end and write the function's answer.")
    boolean await;

    public InvokeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String httpMethod = method == null ? (data != null ? "POST" : "GET") : method.toUpperCase(Locale.ROOT);
        String problem = InvokeTarget.methodProblem(httpMethod);
        if (problem != null) {
            throw new CliException(ExitCode.USAGE, "--method: " + problem);
        }
        problem = InvokeTarget.pathProblem(path);
        if (problem != null) {
            throw new CliException(ExitCode.USAGE, "--path: " + problem);
        }
        if ((callback != null || await) && !async) {
            throw new CliException(ExitCode.USAGE, "--callback and --wait go with --async");
        }
        if (async && include) {
            throw new CliException(ExitCode.USAGE, "--include shows a synchronous answer; it does not go with --async");
        }
        InvokeTarget target = InvokeTarget.parse(httpMethod, path, data != null);
        BodyPublisher body = body(data);
        ApiClient api = context.api();
        HttpRequest.Builder builder = api.request("/api/functions/" + name + "/invoke")
                .timeout(INVOKE_TIMEOUT)
                .header(WasmcloudHeaders.METHOD, target.method())
                .header(WasmcloudHeaders.PATH, target.pathAndQuery())
                .POST(body);
        for (Header header : headers) {
            builder.header(header.name(), header.value());
        }
        if (async) {
            builder.header("Prefer", "respond-async");
            if (callback != null) {
                builder.header(WasmcloudHeaders.CALLBACK, callback);
            }
            BackgroundInvocation background = new BackgroundInvocation(context, name, ASYNC_FIRST_POLL);
            JsonNode accepted = api.send(builder.build(), JsonNode.class);
            return await ? background.follow(accepted) : background.accepted(accepted);
        }
        HttpRequest request = builder.build();
        HttpResponse<InputStream> response = api.exchange(request);

        // The function's own answer carries an invocation id; an error without one comes from the platform
        // (not logged in, no such function, executor down) and is reported like any other API error.
        Optional<String> invocationId = response.headers().firstValue(WasmcloudHeaders.INVOCATION_ID);
        int status = response.statusCode();
        if (invocationId.isEmpty() && status >= 300) {
            throw api.error(request, response);
        }
        context.trace("invocation " + invocationId.orElse("(no id)") + " answered HTTP " + status);
        writeResponse(response);
        if (status >= 500) {
            String why = invocationId
                    .flatMap(id -> whyItFailed(api, id))
                    .map(reason -> ": " + reason)
                    .orElse("");
            throw new CliException(
                    ExitCode.FAILURE,
                    "the function answered HTTP " + status + why
                            + invocationId
                                    .map(id -> " (invocation " + id
                                            + (why.isEmpty() ? "" : "; wasmcloud invocations show " + id) + ")")
                                    .orElse(""));
        }
        return ExitCode.OK.code();
    }

    /**
     * The recorded reason for a failed invocation (the outcome, and the trap message or exit code), if its record is
     * there within a second: executors write records in batches, just after the reply.
     */
    private Optional<String> whyItFailed(ApiClient api, String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
            try {
                JsonNode record = api.call("GET", "/api/invocations/" + id, null);
                String outcome = JsonFields.text(record, "outcome");
                String trap = JsonFields.text(record, "trapMessage")
                        .lines()
                        .findFirst()
                        .orElse("");
                String exitCode = JsonFields.text(record, "exitCode");
                if (!trap.isEmpty()) {
                    return Optional.of(outcome + ": " + trap);
                }
                return Optional.of(
                        outcome + (exitCode.isEmpty() || exitCode.equals("0") ? "" : ", exit code " + exitCode));
            } catch (ApiException notYet) {
                if (notYet.status() != 404) {
                    return Optional.empty();
                }
            }
            try {
                Thread.sleep(RECORD_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void writeResponse(HttpResponse<InputStream> response) {
        PrintStream out = context.terminal().out();
        if (include) {
            // Only what the function returned (the API names it), plus the invocation id: the API's own caching and
            // framing headers are not the function's answer.
            Optional<Set<String>> functionHeaders = response.headers()
                    .firstValue(WasmcloudHeaders.FUNCTION_HEADERS)
                    .map(list -> Arrays.stream(list.split(","))
                            .map(String::strip)
                            .filter(headerName -> !headerName.isEmpty())
                            .collect(Collectors.toSet()));
            StringBuilder head = new StringBuilder("HTTP " + response.statusCode() + "\n");
            response.headers().map().forEach((headerName, values) -> {
                String lower = headerName.toLowerCase(Locale.ROOT);
                boolean shown = functionHeaders.isEmpty()
                        ? !headerName.startsWith(":")
                        : functionHeaders.get().contains(lower)
                                || lower.equalsIgnoreCase(WasmcloudHeaders.INVOCATION_ID);
                if (shown) {
                    values.forEach(value ->
                            head.append(headerName).append(": ").append(value).append('\n'));
                }
            });
            head.append('\n');
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = response.body()) {
            // Raw bytes, never decoded: a function may answer with an image or any other binary.
            in.transferTo(out);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "the response was cut off: " + e.getMessage(), e);
        } finally {
            out.flush();
        }
    }

    private BodyPublisher body(String data) {
        if (data == null) {
            return BodyPublishers.noBody();
        }
        if (data.equals("@-")) {
            try {
                return BodyPublishers.ofByteArray(context.terminal().in().readAllBytes());
            } catch (IOException e) {
                throw new CliException(ExitCode.FAILURE, "cannot read the body from stdin: " + e.getMessage(), e);
            }
        }
        if (data.startsWith("@")) {
            Path file = Path.of(data.substring(1));
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new CliException(ExitCode.FAILURE, file + ": no such file, or not readable");
            }
            try {
                return BodyPublishers.ofFile(file);
            } catch (FileNotFoundException e) {
                throw new CliException(ExitCode.FAILURE, file + ": no such file", e);
            }
        }
        return BodyPublishers.ofString(data, StandardCharsets.UTF_8);
    }
}
