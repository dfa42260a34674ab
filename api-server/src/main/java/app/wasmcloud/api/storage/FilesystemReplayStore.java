package app.wasmcloud.api.storage;

import app.wasmcloud.objectstore.ModuleKeys;
import app.wasmcloud.objectstore.RecordingKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** The dev store's recordings and modules, under the filesystem store's root as the executor writes them. */
final class FilesystemReplayStore implements ReplayStore {

    private final Path root;

    FilesystemReplayStore(StorageProperties properties) {
        this.root = properties.filesystemRoot();
    }

    @Override
    public Optional<byte[]> recording(UUID invocationId) {
        return read(root.resolve(RecordingKeys.of(invocationId)));
    }

    @Override
    public void deleteRecording(UUID invocationId) {
        Path path = root.resolve(RecordingKeys.of(invocationId));
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new StorageUnavailableException("could not delete " + path, e);
        }
    }

    @Override
    public Optional<byte[]> module(String sha256) {
        return read(root.resolve(ModuleKeys.of(sha256)));
    }

    private static Optional<byte[]> read(Path path) {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageUnavailableException("could not read " + path, e);
        }
    }
}
