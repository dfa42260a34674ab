package app.wasmcloud.objectstore;

import java.io.IOException;
import java.util.Optional;

/**
 * The objects both services keep beside each other (modules, compiled classes, recordings), by key: an S3 API bucket
 * in production ({@link S3ObjectStore}), a directory in dev ({@link FilesystemObjectStore}). Keys come from
 * {@link ModuleKeys}, {@link CompiledClassKeys} and {@link RecordingKeys}; a store that cannot be reached or refuses a
 * call throws an {@link IOException} naming the key and the store.
 */
public interface ObjectStore extends AutoCloseable {

    /** What a store is told an object holds when it is not a module: opaque bytes. */
    String BYTES = "application/octet-stream";

    /**
     * Stores {@code content} under {@code key}, replacing what was there.
     *
     * @param contentType the media type the S3 API serves the object with; a directory keeps none
     */
    void put(String key, byte[] content, String contentType) throws IOException;

    /** The object under {@code key}, or empty when there is none. */
    Optional<byte[]> get(String key) throws IOException;

    boolean contains(String key) throws IOException;

    /** Removes the object under {@code key}; one already gone is not an error. */
    void delete(String key) throws IOException;

    /** Releases connections; nothing to do for a directory. */
    @Override
    default void close() {}
}
