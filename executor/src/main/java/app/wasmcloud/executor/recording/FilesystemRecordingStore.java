package app.wasmcloud.executor.recording;

import app.wasmcloud.objectstore.RecordingKeys;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** The dev store: {@code <root>/recordings/<invocation id>} in the module store's directory, written atomically. */
final class FilesystemRecordingStore implements RecordingStore {

    private final Path root;

    FilesystemRecordingStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(UUID invocationId, byte[] recording) throws IOException {
        Path target = root.resolve(RecordingKeys.of(invocationId));
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), invocationId.toString(), ".partial");
        Files.write(partial, recording);
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
