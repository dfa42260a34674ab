package app.wasmcloud.executor.module;

import app.wasmcloud.contract.Sha256;
import app.wasmcloud.objectstore.ModuleKeys;
import app.wasmcloud.objectstore.ObjectStore;
import java.io.IOException;

/** Where an executor gets a module's bytes from, by the SHA-256 they were stored under. */
public interface ModuleSource extends AutoCloseable {

    /** The module's bytes; an {@link IOException} when it cannot be had now (missing, store unreachable). */
    byte[] fetch(String sha256) throws IOException;

    /** Releases connections and threads; nothing to do for most sources. */
    @Override
    default void close() {}

    /** The modules in the object store, under {@code modules/sha256/<hex>}: the layout the api-server writes; the store stays its opener's to close. */
    static ModuleSource in(ObjectStore objects) {
        return new ModuleSource() {
            @Override
            public byte[] fetch(String sha256) throws IOException {
                String key = ModuleKeys.of(Sha256.requireHex(sha256));
                return objects.get(key).orElseThrow(() -> new IOException("no object " + key + " in " + objects));
            }
        };
    }
}
