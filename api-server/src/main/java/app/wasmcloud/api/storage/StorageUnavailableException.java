package app.wasmcloud.api.storage;

/** The module store could not be reached or refused the write; nothing was recorded. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
