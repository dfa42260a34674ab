package app.wasmcloud.api.compiled;

import app.wasmcloud.objectstore.CompiledClassKeys;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The dev store's compiled classes: {@code <root>/compiled-classes/<cache key>}, beside {@code <root>/modules}, written
 * aside and moved into place so an executor never reads half a bundle.
 */
final class FilesystemCompiledClassStore implements CompiledClassStore {

    private final Path root;

    FilesystemCompiledClassStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String cacheKey, byte[] sealed) throws IOException {
        Path target = root.resolve(CompiledClassKeys.of(cacheKey));
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), cacheKey, ".partial");
        try {
            Files.write(partial, sealed);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
