package app.wasmcloud.api.storage;

import app.wasmcloud.objectstore.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
            AtomicFiles.write(target, module);
        } catch (IOException e) {
            throw new StorageUnavailableException("could not write module " + sha256 + " to " + directory, e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.exists(directory.resolve(sha256));
    }
}
