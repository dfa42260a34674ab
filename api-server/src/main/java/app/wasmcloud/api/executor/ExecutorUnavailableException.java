package app.wasmcloud.api.executor;

/** No executor answered in time; the invocation may or may not have run. */
public class ExecutorUnavailableException extends RuntimeException {

    public ExecutorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
