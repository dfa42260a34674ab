package app.wasmcloud.executor.module;

import app.wasmcloud.objectstore.CompiledClassKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads compiled classes from the filesystem store the api-server writes ({@code <root>/compiled-classes/<key>}). */
final class FilesystemCompiledClassSource implements CompiledClassSource {

    private final Path root;

    FilesystemCompiledClassSource(Path root) {
        this.root = root;
    }

    @Override
    public byte[] fetch(String cacheKey) throws IOException {
        try {
            return Files.readAllBytes(root.resolve(CompiledClassKeys.of(cacheKey)));
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
