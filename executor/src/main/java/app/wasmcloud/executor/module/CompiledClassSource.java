package app.wasmcloud.executor.module;

import app.wasmcloud.objectstore.CompiledClassKeys;
import app.wasmcloud.objectstore.ObjectStore;
import java.io.IOException;

/**
 * Where an executor finds the classes the api-server compiled from a module, so it loads them instead of compiling:
 * beside the modules, under {@code compiled-classes/<cache key>} ({@link CompiledClassKeys}).
 */
public interface CompiledClassSource extends AutoCloseable {

    /** No source: every module is compiled here (or found in the local class cache). */
    CompiledClassSource NONE = cacheKey -> null;

    /**
     * The sealed bundle stored under the runtime's cache key ({@link app.wasmcloud.objectstore.SealedClasses}), or null
     * when there is none; an {@link IOException} when the store cannot be asked now.
     */
    byte[] fetch(String cacheKey) throws IOException;

    /** Releases connections; nothing to do for most sources. */
    @Override
    default void close() {}

    /** The compiled classes in the object store, where the api-server puts them beside the modules; the store stays its
     * opener's to close.
     */
    static CompiledClassSource in(ObjectStore objects) {
        return new CompiledClassSource() {
            @Override
            public byte[] fetch(String cacheKey) throws IOException {
                return objects.get(CompiledClassKeys.of(cacheKey)).orElse(null);
            }
        };
    }
}
