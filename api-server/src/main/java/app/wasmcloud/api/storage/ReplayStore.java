package app.wasmcloud.api.storage;

import java.util.Optional;
import java.util.UUID;

/**
 * What a replay reads from object storage: the recordings executors wrote under {@code recordings/<invocation id>},
 * and the module of the version that ran. Failures of the store are {@link StorageUnavailableException}.
 */
public interface ReplayStore {

    Optional<byte[]> recording(UUID invocationId);

    /** Removes a recording; one already gone is not an error. */
    void deleteRecording(UUID invocationId);

    Optional<byte[]> module(String sha256);
}
