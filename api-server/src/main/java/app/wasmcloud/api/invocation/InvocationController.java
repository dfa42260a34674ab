package app.wasmcloud.api.invocation;

import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.invocation.InvocationRecords.Filter;
import app.wasmcloud.api.invocation.InvocationRecords.Invocation;
import app.wasmcloud.api.invocation.InvocationRecords.StatusRange;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.InvocationOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Invocation records of the caller's functions: a filtered list, one in full, and a live stream. */
@RestController
@Tag(name = "Invocations")
class InvocationController {

    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})([smhd])");
    private static final Pattern STATUS = Pattern.compile("([1-5])(xx|\\d\\d)");
    private static final int DEFAULT_LIMIT = 50;

    private final FunctionService functions;
    private final InvocationRecords records;
    private final LogStream stream;
    private final InvocationProperties properties;
    private final Clock clock;

    InvocationController(
            FunctionService functions,
            InvocationRecords records,
            LogStream stream,
            InvocationProperties properties,
            Clock clock) {
        this.functions = functions;
        this.records = records;
        this.stream = stream;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "A function's recent invocations", description = """
                    Newest first. Needs `read`. Every invocation, public or through the API, is recorded by the
                    executor that ran it and kept for 7 days by default; records are written in batches, so a new
                    one appears within about a second. `source` is `run` for the public URL, `api` for `invoke`,
                    `async` for an attempt of a background invocation and `schedule` for one a schedule made (those
                    two name their request in `asyncRequestId` and count from 1 in `attempt`; both are `null`
                    otherwise);
                    `wallTimeUs` and `cpuTimeUs` are microseconds; `exitCode` is `null` when the module did not run
                    to an exit; `peakMemoryPages` is the largest its memory grew, in 64 KiB pages. With `details=true`, each comes in full (stderr,
                    log lines, trap message, host calls).""")
    @GetMapping("/api/functions/{name}/invocations")
    List<?> list(
            CurrentUser caller,
            @PathVariable String name,
            @Parameter(
                            description =
                                    "Only invocations with this outcome, such as ok, timeout or trap; an unknown one"
                                            + " gives 400 listing every outcome.")
                    @RequestParam(required = false)
                    String outcome,
            @Parameter(
                            description = "Only invocations started since then: an instant (2026-01-02T03:04:05Z) or an"
                                    + " age, a number with s, m, h or d (15m, 7d).")
                    @RequestParam(required = false)
                    String since,
            @Parameter(
                            description =
                                    "Only invocations that answered this HTTP status (404) or class of statuses (5xx).")
                    @RequestParam(required = false)
                    String status,
            @Parameter(description = "How many, 1 to the server's maximum (500 by default). Default: 50.")
                    @RequestParam(required = false)
                    Integer limit,
            @Parameter(description = "Each invocation in full, as GET /api/invocations/{id} gives it. Default: false.")
                    @RequestParam(defaultValue = "false")
                    boolean details) {
        caller.require(Scope.READ);
        FunctionEntity function = functions.get(caller, name);
        Filter filter = new Filter(parseOutcome(outcome), parseStatus(status), parseSince(since), parseLimit(limit));
        List<Invocation> found = records.newest(function.id(), filter);
        return details
                ? found.stream().map(Invocation::detail).toList()
                : found.stream()
                        .map(invocation -> invocation.detail().summary())
                        .toList();
    }

    @Operation(summary = "One invocation in full", description = """
                    Needs `read`; an invocation of a function that is not yours gives 404. Besides the summary's
                    fields: `hostCalls` (calls per host function), `stderr` (up to 64 KiB), `logLines` (each with a
                    syslog `level`: 1 error, 3 warning, 6 info) and `trapMessage` (why it trapped, ran out of memory
                    or hit a limit; `null` otherwise).""")
    @GetMapping("/api/invocations/{id}")
    InvocationDetail show(CurrentUser caller, @PathVariable UUID id) {
        caller.require(Scope.READ);
        return records.find(id)
                .filter(invocation -> invocation.ownerId() == caller.id() || caller.isAdmin())
                .map(Invocation::detail)
                .orElseThrow(() -> ApiException.notFound("No invocation " + id + " of one of your functions."));
    }

    @Operation(summary = "Follow a function's invocations live (Server-Sent Events)", description = """
                    Needs `read`. Each new invocation is one event named `invocation`, whose `id` is the invocation
                    id and whose `data` is the full invocation, as from `GET /api/invocations/{id}`. The stream
                    starts at the moment of the request; it does not replay older invocations or honour
                    `Last-Event-ID`. An idle stream sends a `:keep-alive` comment every 15 seconds. The server ends
                    a stream after 30 minutes, so a client that wants more reconnects.""")
    @GetMapping(path = "/api/functions/{name}/logs/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.READ);
        return stream.follow(functions.get(caller, name).id());
    }

    private static String parseOutcome(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return InvocationOutcome.parse(text)
                .map(InvocationOutcome::label)
                .orElseThrow(() -> ApiException.badRequest("Unknown outcome '" + text + "': use one of "
                        + String.join(", ", InvocationOutcome.labels()) + "."));
    }

    /** One HTTP status ({@code 404}) or a class of them ({@code 5xx}). */
    private static StatusRange parseStatus(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher status = STATUS.matcher(text.toLowerCase(Locale.ROOT));
        if (!status.matches()) {
            throw ApiException.badRequest(
                    "Invalid status '" + text + "': give a code such as 404 or a class such as 2xx, 4xx or 5xx.");
        }
        int hundreds = Integer.parseInt(status.group(1)) * 100;
        if (status.group(2).equals("xx")) {
            return new StatusRange(hundreds, hundreds + 99);
        }
        int code = hundreds + Integer.parseInt(status.group(2));
        return new StatusRange(code, code);
    }

    /** An instant ({@code 2026-01-02T03:04:05Z}) or an age such as {@code 15m}, {@code 2h}, {@code 7d}. */
    private Instant parseSince(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration age = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return clock.instant().minus(age);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid since '" + text
                    + "': give an instant such as 2026-01-02T03:04:05Z or an age such as 15m, 2h or 7d.");
        }
    }

    private int parseLimit(Integer limit) {
        if (limit == null) {
            return Math.min(DEFAULT_LIMIT, properties.maxListLimit());
        }
        if (limit < 1 || limit > properties.maxListLimit()) {
            throw ApiException.badRequest("Invalid limit " + limit + ": use 1 to " + properties.maxListLimit() + ".");
        }
        return limit;
    }
}
