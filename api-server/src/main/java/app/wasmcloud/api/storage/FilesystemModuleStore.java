package app.wasmcloud.api.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The dev store: one file per module under {@code <root>/modules/sha256/<hex>}, written atomically. */
final class FilesystemModuleStore implements ModuleStore {

    private final Path directory;

    FilesystemModuleStore(StorageProperties properties) {
        this.directory = properties.filesystemRoot().resolve("modules").resolve("sha256");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the module store directory " + directory, e);
        }
    }

    @Override
    public void put(String sha256, byte[] module) {
        Path target = directory.resolve(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Path partial = Files.createTempFile(directory, sha256, ".partial");
            Files.write(partial, module);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StorageUnavailableException("could not write module " + sha256 + " to " + directory, e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.exists(directory.resolve(sha256));
    }
}
