package app.wasmcloud.api.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Times every call to the store as {@code wasmcloud_storage_seconds{operation, outcome}}: storage is the slow, remote
 * part of a deploy, and its latency is the first thing to look at when deploys slow down.
 */
final class TimedModuleStore implements ModuleStore, AutoCloseable {

    private final ModuleStore store;
    private final MeterRegistry registry;

    TimedModuleStore(ModuleStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public void put(String sha256, byte[] module) {
        timed("put", () -> {
            store.put(sha256, module);
            return null;
        });
    }

    @Override
    public boolean contains(String sha256) {
        return timed("contains", () -> store.contains(sha256));
    }

    @Override
    public void close() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private <T> T timed(String operation, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } finally {
            sample.stop(Timer.builder("wasmcloud.storage")
                    .description("Module store calls")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }
}
