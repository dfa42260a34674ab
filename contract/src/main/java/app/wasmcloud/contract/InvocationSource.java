package app.wasmcloud.contract;

import java.util.Locale;

/** Which door an invocation came in by, as stored in {@code invocations.source}. */
public enum InvocationSource {
    /** The public run domain. */
    RUN,
    /** The api-server's authenticated invoke, through the executor's internal endpoint. */
    API;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The value stored in {@code invocations.source}. */
    public String label() {
        return label;
    }
}
