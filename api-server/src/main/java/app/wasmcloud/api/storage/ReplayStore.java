package app.wasmcloud.api.storage;

import app.wasmcloud.objectstore.ModuleKeys;
import app.wasmcloud.objectstore.ObjectStore;
import app.wasmcloud.objectstore.RecordingKeys;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * What a replay reads from object storage: the recordings executors wrote under {@code recordings/<invocation id>},
 * and the module of the version that ran. Failures of the store are {@link StorageUnavailableException}.
 */
public final class ReplayStore {

    private final ObjectStore objects;

    ReplayStore(ObjectStore objects) {
        this.objects = objects;
    }

    public Optional<byte[]> recording(UUID invocationId) {
        return get(RecordingKeys.of(invocationId));
    }

    /** Removes a recording; one already gone is not an error. */
    public void deleteRecording(UUID invocationId) {
        try {
            objects.delete(RecordingKeys.of(invocationId));
        } catch (IOException e) {
            throw new StorageUnavailableException(e.getMessage(), e);
        }
    }

    public Optional<byte[]> module(String sha256) {
        return get(ModuleKeys.of(sha256));
    }

    private Optional<byte[]> get(String key) {
        try {
            return objects.get(key);
        } catch (IOException e) {
            throw new StorageUnavailableException(e.getMessage(), e);
        }
    }
}
