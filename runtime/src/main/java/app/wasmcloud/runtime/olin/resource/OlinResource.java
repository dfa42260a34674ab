package app.wasmcloud.runtime.olin.resource;

import app.wasmcloud.runtime.olin.OlinError;

/**
 * Something a guest opened and refers to by id. Results are a count of bytes or a negative {@link OlinError} code,
 * exactly what the host call returns; the defaults are those of a resource that can be neither read nor written.
 */
public interface OlinResource {

    /** Fills the start of {@code buffer} (never empty); returns bytes read, 1 or more, or an error code. */
    default int read(byte[] buffer) {
        return OlinError.UNKNOWN.code();
    }

    /** Writes all of {@code data}; returns its length or an error code. */
    default int write(byte[] data) {
        return OlinError.UNKNOWN.code();
    }

    default int flush() {
        return 0;
    }

    default void close() {}
}
