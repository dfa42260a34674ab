package app.wasmcloud.api.compiled;

import app.wasmcloud.objectstore.AtomicFiles;
import app.wasmcloud.objectstore.CompiledClassKeys;
import java.io.IOException;
import java.nio.file.Path;

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
        AtomicFiles.write(root.resolve(CompiledClassKeys.of(cacheKey)), sealed);
    }
}
