package app.wasmcloud.executor.module;

import java.io.IOException;

/** Where an executor gets a module's bytes from, by the SHA-256 they were stored under. */
public interface ModuleSource extends AutoCloseable {

    /** The module's bytes; an {@link IOException} when it cannot be had now (missing, store unreachable). */
    byte[] fetch(String sha256) throws IOException;

    /** Releases connections and threads; nothing to do for most sources. */
    @Override
    default void close() {}
}
