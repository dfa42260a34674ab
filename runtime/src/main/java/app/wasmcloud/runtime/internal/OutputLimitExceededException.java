package app.wasmcloud.runtime.internal;

/**
 * Thrown from inside a host call when the guest writes past its stdout or stderr cap. It is unchecked so that it
 * unwinds through the guest's frames (WASI's fd_write would turn an IOException into an errno the guest ignores).
 */
public final class OutputLimitExceededException extends RuntimeException {

    public OutputLimitExceededException(String stream, int limit) {
        super(stream + " is over its limit of " + limit + " bytes", null, false, false);
    }
}
