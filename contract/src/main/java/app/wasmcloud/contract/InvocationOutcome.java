package app.wasmcloud.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How an invocation ended, as the executor records it in {@code invocations.outcome}, the API filters on it and the
 * CLI spells it. Each outcome carries the HTTP status the run domain answers with (cgi.md's failure table), so the
 * table lives here once for the executor and {@code wasmcloud serve}.
 */
public enum InvocationOutcome {
    /** The entrypoint returned or exited 0 with a valid response: the function's own status. */
    OK(0, false, null),
    /** A nonzero exit code with a valid response: the response as written. */
    NONZERO_EXIT(0, false, null),
    /** Unreachable, an out-of-bounds access, stack exhaustion, a bad host call. */
    TRAP(502, false, "The function failed"),
    /** The wall-clock limit was hit. */
    TIMEOUT(504, false, "The function ran out of time"),
    /** The guest needed more memory than its limit allows. */
    MEMORY_LIMIT(502, false, "The function failed"),
    /** The guest wrote more to stdout or stderr than its limit allows. */
    OUTPUT_LIMIT(502, false, "The function's response is over the size limit"),
    /** The guest's stdout is not a valid CGI response (or a nonzero exit left none). */
    INVALID_RESPONSE(502, false, "The function returned an invalid response"),
    /** Refused: a caller over a per-function rate or queue limit. */
    THROTTLED(429, true, "Too many requests to this function; retry shortly"),
    /** Refused: no slot within the queueing deadline. */
    OVERLOADED(503, true, "The executor is busy; retry shortly"),
    /** Refused: the function's module could not be fetched, verified or compiled, or its directory is down. */
    UNAVAILABLE(503, true, "This function is temporarily unavailable"),
    /**
     * Refused: the owner's account is over a quota of its tier (invocations or CPU time per day, requests per second
     * per function). Never billed, so a caller hammering a capped function cannot run the owner's usage up.
     */
    QUOTA_EXCEEDED(429, true, "This function's account is over its quota; retry later");

    private static final Map<String, InvocationOutcome> BY_LABEL = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(InvocationOutcome::label, Function.identity()));

    private final String label = name().toLowerCase(Locale.ROOT);
    private final int status;
    private final boolean retryLater;
    private final String publicMessage;

    InvocationOutcome(int status, boolean retryLater, String publicMessage) {
        this.status = status;
        this.retryLater = retryLater;
        this.publicMessage = publicMessage;
    }

    /** The value stored in {@code invocations.outcome}, accepted by the API's filter and used as the metric tag. */
    public String label() {
        return label;
    }

    /** Whether the function's own reply is sent ({@link #OK}, {@link #NONZERO_EXIT}) rather than an error. */
    public boolean functionReplies() {
        return status == 0;
    }

    /** The status of the platform's error reply; only for outcomes where the function does not reply. */
    public int status() {
        if (functionReplies()) {
            throw new IllegalStateException(this + " answers with the function's own status");
        }
        return status;
    }

    /** Whether the refusal is temporary, so the reply carries {@code Retry-After}. */
    public boolean retryLater() {
        return retryLater;
    }

    /**
     * Whether the invocation counts toward its owner's metered usage: everything the guest ran for. The refusals
     * ({@link #THROTTLED}, {@link #OVERLOADED}, {@link #UNAVAILABLE}, {@link #QUOTA_EXCEEDED}) never started the
     * guest, so they are not billed.
     */
    public boolean billed() {
        return !retryLater;
    }

    /** The labels of the outcomes that are not billed, for the metering query. */
    public static List<String> unbilledLabels() {
        return Arrays.stream(values())
                .filter(outcome -> !outcome.billed())
                .map(InvocationOutcome::label)
                .toList();
    }

    /** The short text of the public error reply; detail for the owner lives in the invocation record. */
    public String publicMessage() {
        return publicMessage;
    }

    /** The outcome with this label ({@code trap}, {@code overloaded}…), if there is one. */
    public static Optional<InvocationOutcome> parse(String label) {
        return Optional.ofNullable(label == null ? null : BY_LABEL.get(label.toLowerCase(Locale.ROOT)));
    }

    /** Every label, in declaration order, for help texts and error messages. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(InvocationOutcome::label).toList();
    }
}
