package app.wasmcloud.contract;

import java.util.Locale;

/** Which door an invocation came in by, as stored in {@code invocations.source}. */
public enum InvocationSource {
    /** The public run domain. */
    RUN,
    /** The api-server's authenticated invoke, through the executor's internal endpoint. */
    API,
    /** An attempt of a background request ({@code Prefer: respond-async}), through the same internal endpoint. */
    ASYNC,
    /** An attempt of a request a schedule made at one of its slots, through the same internal endpoint. */
    SCHEDULE;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The value stored in {@code invocations.source}. */
    public String label() {
        return label;
    }

    /** Whether invocations from this door are attempts of a stored request, retried until one succeeds. */
    public boolean isBackground() {
        return this == ASYNC || this == SCHEDULE;
    }
}
