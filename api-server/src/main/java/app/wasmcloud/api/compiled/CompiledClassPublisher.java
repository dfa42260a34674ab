package app.wasmcloud.api.compiled;

import app.wasmcloud.objectstore.CompiledClassKeys;
import app.wasmcloud.objectstore.ObjectStore;
import app.wasmcloud.objectstore.SealedClasses;
import app.wasmcloud.runtime.CompiledClassCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the classes an upload's validation compile generates and publishes them beside the module, under
 * {@code compiled-classes/<cache key>} ({@link CompiledClassKeys}), so executors load them instead of compiling the
 * module again. As a {@link CompiledClassCache} it never has classes (a validation always compiles) and holds what the
 * compile stores until {@link #publish}, which runs after the module is stored and before the version is recorded: an
 * executor told of the version finds the classes already there.
 *
 * <p>Publishing is best effort. The classes only save executors a compile, so a store that fails, or classes that were
 * never captured, leave the upload as it was; counted as {@code wasmcloud_deploys_compiled_classes_total{result}}.
 */
@Component
public class CompiledClassPublisher implements CompiledClassCache {

    private static final Logger log = LoggerFactory.getLogger(CompiledClassPublisher.class);

    /** A compile whose upload was refused after it (the function's memory limit) is never published; past this, dropped. */
    private static final Duration ABANDONED = Duration.ofMinutes(10);
    /** What captured classes may hold in memory at once; past it a compile's classes are not kept. */
    private static final long MAX_PENDING_BYTES = 256L << 20;

    private record Pending(byte[] classes, long capturedAt) {}

    private final ObjectStore store;
    private final MeterRegistry meters;
    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong pendingBytes = new AtomicLong();

    CompiledClassPublisher(ObjectStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    /** Validation compiles every upload, so nothing is ever taken from here. */
    @Override
    public byte[] get(String key) {
        return null;
    }

    @Override
    public void put(String key, byte[] compiledClasses) {
        dropAbandoned();
        if (pendingBytes.addAndGet(compiledClasses.length) > MAX_PENDING_BYTES) {
            pendingBytes.addAndGet(-compiledClasses.length);
            return;
        }
        Pending previous = pending.put(key, new Pending(compiledClasses, System.nanoTime()));
        if (previous != null) {
            pendingBytes.addAndGet(-previous.classes().length);
        }
    }

    /** Stores the classes captured for the module with this SHA-256; never throws, whatever the store does. */
    public void publish(String sha256) {
        String key = CompiledClassCache.keyOf(sha256);
        Pending classes = pending.remove(key);
        if (classes == null) {
            // Another upload of the same module published them, or they were over the memory bound.
            count("not-captured");
            return;
        }
        pendingBytes.addAndGet(-classes.classes().length);
        try {
            // Replacing what was there: a bundle already under the key may be damaged.
            store.put(CompiledClassKeys.of(key), SealedClasses.seal(key, classes.classes()), ObjectStore.BYTES);
            count("stored");
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "Compiled classes of module {} were not stored; executors will compile it: {}",
                    sha256,
                    e.toString());
            count("failed");
        }
    }

    private void dropAbandoned() {
        long cutoff = System.nanoTime() - ABANDONED.toNanos();
        pending.forEach((key, classes) -> {
            if (classes.capturedAt() - cutoff < 0 && pending.remove(key, classes)) {
                pendingBytes.addAndGet(-classes.classes().length);
            }
        });
    }

    private void count(String result) {
        meters.counter("wasmcloud.deploys.compiled.classes", "result", result).increment();
    }
}
