package app.wasmcloud.api.async;

import java.util.Locale;

/** Where a background request is, as {@code async_requests.state} stores it. */
public enum RequestState {
    /** Waiting for its first attempt or for its next one after a failure. */
    QUEUED,
    /** An attempt is running; if its worker dies, another takes it over when the lease runs out. */
    RUNNING,
    /** An attempt answered with a status below 500 other than 429: the function's answer is kept. */
    SUCCEEDED,
    /** Every attempt failed; it waits in the dead-letter list to be retried or discarded. */
    DEAD_LETTERED;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }

    static RequestState parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
