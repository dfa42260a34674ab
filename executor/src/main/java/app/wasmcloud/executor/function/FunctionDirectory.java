package app.wasmcloud.executor.function;

import app.wasmcloud.contract.FunctionName;
import app.wasmcloud.executor.ExecutorProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Finds the function a request names, from a cache kept coherent by {@link FunctionChangeListener}: a found function
 * stays cached until a notification evicts it (or a long safety-net TTL passes), a missing one only briefly.
 */
@Component
public class FunctionDirectory {

    /** The same rule the schema enforces; anything else cannot exist, so it never reaches the database. */
    private final FunctionRows rows;

    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final long hitTtlNanos;
    private final long missTtlNanos;
    private final int maxEntries;
    private final Counter hits;
    private final Counter misses;

    FunctionDirectory(FunctionRows rows, ExecutorProperties properties, MeterRegistry meters) {
        this.rows = rows;
        this.hitTtlNanos = properties.functionCacheTtl().toNanos();
        this.missTtlNanos = properties.functionMissTtl().toNanos();
        this.maxEntries = properties.functionCacheMaxEntries();
        this.hits = meters.counter("wasmcloud.functions.cache", "result", "hit");
        this.misses = meters.counter("wasmcloud.functions.cache", "result", "miss");
        meters.gaugeMapSize("wasmcloud.functions.cached", Tags.empty(), cache);
    }

    public Optional<ActiveFunction> find(String name) {
        long now = System.nanoTime();
        Cached cached = cache.get(name);
        if (cached != null && cached.isFreshAt(now)) {
            hits.increment();
            return cached.function();
        }
        if (!FunctionName.isWellFormed(name)) {
            return Optional.empty();
        }
        if (cached == null && cache.size() >= maxEntries) {
            makeRoom(now);
        }
        // The database is read inside compute, so an eviction for this name waits for the read and then removes
        // what it found: a notification can never be overtaken by a lookup that started before it.
        return cache.compute(name, (key, current) -> {
                    long at = System.nanoTime();
                    if (current != null && current.isFreshAt(at)) {
                        hits.increment();
                        return current;
                    }
                    misses.increment();
                    Optional<ActiveFunction> found = rows.find(key);
                    return new Cached(found, at + (found.isPresent() ? hitTtlNanos : missTtlNanos));
                })
                .function();
    }

    /** Forgets one name, after a notification that it changed. */
    void evict(String name) {
        cache.remove(name);
    }

    /** Forgets everything, when notifications may have been missed. */
    void clear() {
        cache.clear();
    }

    private void makeRoom(long now) {
        cache.values().removeIf(entry -> !entry.isFreshAt(now));
        if (cache.size() >= maxEntries) {
            // Still full of live entries (a flood of distinct names): start over rather than track recency here.
            cache.clear();
        }
    }

    private record Cached(Optional<ActiveFunction> function, long expiresAtNanos) {

        boolean isFreshAt(long nanos) {
            return nanos - expiresAtNanos < 0;
        }
    }
}
