package app.wasmcloud.runtime.replay;

/** Bytes that are not a recording this runtime can read. */
public final class InvalidRecordingException extends Exception {

    public InvalidRecordingException(String message) {
        super(message);
    }
}
