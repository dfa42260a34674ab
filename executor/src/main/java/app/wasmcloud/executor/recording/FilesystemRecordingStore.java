package app.wasmcloud.executor.recording;

import app.wasmcloud.objectstore.AtomicFiles;
import app.wasmcloud.objectstore.RecordingKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

/** The dev store: {@code <root>/recordings/<invocation id>} in the module store's directory, written atomically. */
final class FilesystemRecordingStore implements RecordingStore {

    private final Path root;

    FilesystemRecordingStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(UUID invocationId, byte[] recording) throws IOException {
        AtomicFiles.write(root.resolve(RecordingKeys.of(invocationId)), recording);
    }
}
