package app.wasmcloud.api.executor;

import java.util.Optional;
import java.util.UUID;

/** No executor answered in time; the invocation may or may not have run. */
public class ExecutorUnavailableException extends RuntimeException {

    private final UUID invocationId;

    public ExecutorUnavailableException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private ExecutorUnavailableException(String message, Throwable cause, UUID invocationId) {
        super(message, cause);
        this.invocationId = invocationId;
    }

    /** The same failure, once the invocation it ended has been recorded under this id. */
    public ExecutorUnavailableException recordedAs(UUID id) {
        return new ExecutorUnavailableException(getMessage(), getCause(), id);
    }

    /** The id the failed invocation is recorded under, if it is. */
    public Optional<UUID> invocationId() {
        return Optional.ofNullable(invocationId);
    }
}
