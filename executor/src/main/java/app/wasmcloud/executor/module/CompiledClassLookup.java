package app.wasmcloud.executor.module;

import app.wasmcloud.objectstore.SealedClasses;
import app.wasmcloud.runtime.CompiledClassCache;
import app.wasmcloud.runtime.WasmFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a module's compiled classes are looked for before it is compiled: the local class cache on disk, then the
 * object store (where the api-server put them after its validation compile). Looking is I/O, done while the module is
 * fetched and before a compiler thread is taken; the compile then loads what was found. A bundle from the store is
 * opened only if its header names this module's key and its digest matches ({@link SealedClasses}); the JVM verifies
 * its classes as they are defined; anything refused or failing to load is compiled instead, as if nothing were found.
 * Classes from the store reach the local cache only once they have loaded.
 *
 * <p>Counted as {@code wasmcloud_modules_class_cache_total{result=hit|remote-hit|miss}} and, for bundles from the store
 * that were refused or did not load, {@code wasmcloud_modules_class_store_rejected_total}.
 */
final class CompiledClassLookup {

    private static final Logger log = LoggerFactory.getLogger(CompiledClassLookup.class);

    enum Tier {
        DISK,
        STORE,
        NONE
    }

    /** What was found for one module, before it is loaded. */
    record Found(String key, byte[] classes, Tier tier) {}

    /** Null when the local cache is disabled. */
    private final CompiledClassCache local;

    private final CompiledClassSource store;
    private final Counter diskHits;
    private final Counter storeHits;
    private final Counter misses;
    private final Counter rejected;

    CompiledClassLookup(CompiledClassCache local, CompiledClassSource store, MeterRegistry meters) {
        this.local = local;
        this.store = store;
        this.diskHits = meters.counter("wasmcloud.modules.class.cache", "result", "hit");
        this.storeHits = meters.counter("wasmcloud.modules.class.cache", "result", "remote-hit");
        this.misses = meters.counter("wasmcloud.modules.class.cache", "result", "miss");
        this.rejected = meters.counter("wasmcloud.modules.class.store.rejected");
    }

    /** Whether there is anywhere to look; when not, modules are compiled with no cache at all. */
    boolean enabled() {
        return local != null || store != CompiledClassSource.NONE;
    }

    /** The classes of the module with this SHA-256, from the first tier that has classes that pass their checks. */
    Found find(String sha256) {
        String key = CompiledClassCache.keyOf(sha256);
        if (local != null) {
            try {
                byte[] classes = local.get(key);
                if (classes != null) {
                    return new Found(key, classes, Tier.DISK);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Reading the local compiled classes of module {} failed: {}", sha256, e.toString());
            }
        }
        byte[] sealed;
        try {
            sealed = store.fetch(key);
        } catch (IOException | RuntimeException e) {
            // The store is out: the module is compiled, as it was before classes were stored.
            log.warn("Fetching the compiled classes of module {} failed: {}", sha256, e.getMessage());
            sealed = null;
        }
        if (sealed != null) {
            try {
                return new Found(key, SealedClasses.open(key, sealed), Tier.STORE);
            } catch (IOException e) {
                rejected.increment();
                log.warn("Compiled classes of module {} from the store were refused: {}", sha256, e.getMessage());
            }
        }
        return nothingFound(sha256);
    }

    /** What a compile goes on with when nothing was found, or when looking took too long. */
    Found nothingFound(String sha256) {
        return new Found(CompiledClassCache.keyOf(sha256), null, Tier.NONE);
    }

    /**
     * The cache one compile of the module uses: it hands over what was found (nothing else), and keeps what a compile
     * produces in the local cache.
     */
    CompiledClassCache cacheFor(Found found) {
        return new CompiledClassCache() {
            @Override
            public byte[] get(String key) {
                return key.equals(found.key()) ? found.classes() : null;
            }

            @Override
            public void put(String key, byte[] compiledClasses) throws IOException {
                if (local != null) {
                    local.put(key, compiledClasses);
                }
            }
        };
    }

    /** Counts where the loaded module's classes came from; classes from the store that loaded are kept on disk. */
    void loaded(Found found, WasmFunction function) {
        if (!function.loadedFromCache()) {
            if (found.tier() == Tier.STORE) {
                rejected.increment();
                log.warn("Compiled classes of module {} from the store did not load; compiled it instead", found.key());
            }
            misses.increment();
            return;
        }
        if (found.tier() == Tier.DISK) {
            diskHits.increment();
            return;
        }
        storeHits.increment();
        if (local != null) {
            try {
                local.put(found.key(), found.classes());
            } catch (IOException | RuntimeException e) {
                log.warn("Keeping the compiled classes {} on disk failed: {}", found.key(), e.toString());
            }
        }
    }
}
