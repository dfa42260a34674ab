package app.wasmcloud.executor.function;

/**
 * The function directory cannot say whether a name exists: the database is unreachable or too slow, and the name is
 * not cached. The request may succeed once the database answers again, so it is a 503, never a 404.
 */
public class FunctionDirectoryUnavailableException extends RuntimeException {

    FunctionDirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
