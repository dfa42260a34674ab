package app.wasmcloud.executor.invocation;

import app.wasmcloud.runtime.Outcome;
import java.util.Locale;

/** How an invocation ended, as recorded and counted: the runtime's outcomes plus the executor's own refusals. */
enum InvocationOutcome {
    OK,
    NONZERO_EXIT,
    TRAP,
    TIMEOUT,
    MEMORY_LIMIT,
    OUTPUT_LIMIT,
    INVALID_RESPONSE,
    /** Refused with 429: the function already had its share of invocations in flight. */
    THROTTLED,
    /** Refused with 503: the execution pool was full. */
    OVERLOADED,
    /** Refused with 503: the function's module could not be fetched, verified or compiled. */
    UNAVAILABLE;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The value stored in {@code invocations.outcome} and used as the metric tag. */
    String label() {
        return label;
    }

    static InvocationOutcome of(Outcome outcome) {
        return switch (outcome) {
            case OK -> OK;
            case NONZERO_EXIT -> NONZERO_EXIT;
            case TRAP -> TRAP;
            case TIMEOUT -> TIMEOUT;
            case MEMORY_LIMIT -> MEMORY_LIMIT;
            case OUTPUT_LIMIT -> OUTPUT_LIMIT;
            case INVALID_RESPONSE -> INVALID_RESPONSE;
        };
    }
}
