package app.wasmcloud.objectstore;

import java.util.UUID;

/**
 * Where an invocation's recording lives in the bucket: {@code recordings/<invocation id>}. The executor that ran the
 * invocation writes it; the api-server reads it for the function's owner and deletes it with the invocation record.
 */
public final class RecordingKeys {

    public static final String PREFIX = "recordings/";

    private RecordingKeys() {}

    /** Parsed as a UUID first, so no other string ever becomes a key. */
    public static String of(UUID invocationId) {
        return PREFIX + invocationId;
    }
}
