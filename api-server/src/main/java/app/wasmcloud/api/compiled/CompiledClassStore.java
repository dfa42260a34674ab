package app.wasmcloud.api.compiled;

import java.io.IOException;

/**
 * Where the classes compiled from uploaded modules are kept for executors, beside the modules and under
 * {@code compiled-classes/<cache key>} ({@link app.wasmcloud.objectstore.CompiledClassKeys}).
 */
interface CompiledClassStore {

    /** Stores a sealed bundle under the runtime's cache key, replacing what was there (it may be damaged). */
    void put(String cacheKey, byte[] sealed) throws IOException;
}
