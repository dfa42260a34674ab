package app.wasmcloud.api.storage;

import app.wasmcloud.objectstore.ModuleKeys;
import app.wasmcloud.objectstore.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;

/**
 * Where uploaded modules live, addressed by the SHA-256 of their bytes under {@code modules/sha256/<hex>}, the layout
 * executors read: storing the same module twice is harmless, so a retried upload needs no cleanup. Every call is timed
 * as {@code wasmcloud_storage_seconds{operation, outcome}}: storage is the slow, remote part of a deploy, and its
 * latency is the first thing to look at when deploys slow down.
 */
public final class ModuleStore {

    private static final String WASM = "application/wasm";

    private final ObjectStore objects;
    private final MeterRegistry registry;

    ModuleStore(ObjectStore objects, MeterRegistry registry) {
        this.objects = objects;
        this.registry = registry;
    }

    /**
     * Stores the module, unless it is there already: the key is the content's hash, so an object under it is this very
     * module. Throws {@link StorageUnavailableException} on outage.
     */
    public void put(String sha256, byte[] module) {
        String key = ModuleKeys.of(sha256);
        timed("put", () -> {
            if (!objects.contains(key)) {
                objects.put(key, module, WASM);
            }
            return null;
        });
    }

    public boolean contains(String sha256) {
        String key = ModuleKeys.of(sha256);
        return timed("contains", () -> objects.contains(key));
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T timed(String operation, Call<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = call.run();
            outcome = "success";
            return result;
        } catch (IOException e) {
            throw new StorageUnavailableException(e.getMessage(), e);
        } finally {
            sample.stop(Timer.builder("wasmcloud.storage")
                    .description("Module store calls")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }
}
