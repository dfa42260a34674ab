package app.wasmcloud.executor.module;

/** A function's module could not be fetched, verified or compiled; the request fails with 503. */
public class ModuleUnavailableException extends Exception {

    public ModuleUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
