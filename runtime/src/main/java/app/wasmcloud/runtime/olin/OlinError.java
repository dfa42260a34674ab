package app.wasmcloud.runtime.olin;

/** The Olin error codes a host call returns in place of a result (olin-abi.md, "Error codes"). */
public enum OlinError {
    /** Any other failure. */
    UNKNOWN(-1),
    /** A bad argument; nothing changed. */
    INVALID_ARGUMENT(-2),
    /** Forbidden by policy (egress allow-list, limits). */
    PERMISSION_DENIED(-3),
    /** No such key, scheme or resource. */
    NOT_FOUND(-4),
    /** No more data. */
    END_OF_FILE(-5);

    private final int code;

    OlinError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
