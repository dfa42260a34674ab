package app.wasmcloud.executor.recording;

import java.io.IOException;
import java.util.UUID;

/** Where an executor puts the recordings it makes, under {@code recordings/<invocation id>} beside the modules. */
interface RecordingStore {

    void put(UUID invocationId, byte[] recording) throws IOException;
}
