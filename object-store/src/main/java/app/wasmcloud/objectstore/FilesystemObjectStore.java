package app.wasmcloud.objectstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The dev stand-in for the bucket: each object a file at {@code <root>/<key>}, written atomically ({@link AtomicFiles})
 * so a reader in the other service never sees half of one.
 */
public final class FilesystemObjectStore implements ObjectStore {

    private final Path root;

    public FilesystemObjectStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String key, byte[] content, String contentType) throws IOException {
        AtomicFiles.write(pathOf(key), content);
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean contains(String key) {
        return Files.exists(pathOf(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public String toString() {
        return "directory " + root;
    }

    /** The keys' own checks keep them relative; this keeps any key from naming a file outside the store. */
    private Path pathOf(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root.normalize()) || path.equals(root.normalize())) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        return path;
    }
}
