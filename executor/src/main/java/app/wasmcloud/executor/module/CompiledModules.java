package app.wasmcloud.executor.module;

import app.wasmcloud.executor.ExecutorProperties;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.function.ActiveFunctionChanged;
import app.wasmcloud.runtime.CompiledClassCache;
import app.wasmcloud.runtime.DirectoryCompiledClassCache;
import app.wasmcloud.runtime.InvalidModuleException;
import app.wasmcloud.runtime.WasmFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Compiled modules by hash and entrypoint, least recently used first out, bounded by count and by wasm bytes. Each
 * module is fetched, verified and compiled once; concurrent first requests wait for the same compilation. Dropping
 * a module drops its generated classes with it. When a compiled-class directory is configured, the generated classes
 * are also kept on disk, so after a restart (or an eviction) a module is loaded rather than compiled again.
 */
@Component
public class CompiledModules {

    private static final Logger log = LoggerFactory.getLogger(CompiledModules.class);

    private final ModuleSource source;
    /** Null when disabled ({@code compiled-class-cache-dir} blank). */
    private final CompiledClassCache classCache;

    private final int maxMemoryPages;
    private final int maxCount;
    private final long maxBytes;
    /** Access-ordered, so iteration starts at the least recently used. Guarded by itself. */
    private final LinkedHashMap<Key, Compiled> lru = new LinkedHashMap<>(64, 0.75f, true);

    private final ConcurrentMap<Key, CompletableFuture<Compiled>> compiling = new ConcurrentHashMap<>();
    private long cachedBytes;
    private final Counter hits;
    private final Counter misses;
    private final Counter evictions;
    private final Timer compileTime;
    private final Counter classCacheHits;
    private final Counter classCacheMisses;

    CompiledModules(ModuleSource source, ExecutorProperties properties, MeterRegistry meters) {
        this.source = source;
        this.maxMemoryPages = properties.maxMemoryPages();
        this.maxCount = properties.compiledModulesMaxCount();
        this.maxBytes = properties.compiledModulesMaxBytes();
        if (maxCount < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("wasmcloud.executor.compiled-modules-max-count and"
                    + " compiled-modules-max-bytes must be at least 1");
        }
        this.hits = meters.counter("wasmcloud.modules.cache", "result", "hit");
        this.misses = meters.counter("wasmcloud.modules.cache", "result", "miss");
        this.evictions = meters.counter("wasmcloud.modules.evictions");
        this.classCache = classCache(properties);
        this.classCacheHits = meters.counter("wasmcloud.modules.class.cache", "result", "hit");
        this.classCacheMisses = meters.counter("wasmcloud.modules.class.cache", "result", "miss");
        this.compileTime = Timer.builder("wasmcloud.modules.compile")
                .description("Fetching, verifying and compiling (or loading the compiled classes of) one module")
                .register(meters);
        meters.gauge("wasmcloud.modules.cached", this, CompiledModules::count);
        meters.gauge("wasmcloud.modules.cached.bytes", this, CompiledModules::bytes);
    }

    public WasmFunction get(ActiveFunction function) throws ModuleUnavailableException {
        Key key = new Key(function.sha256(), function.entrypoint());
        Compiled cached = cached(key);
        if (cached != null) {
            hits.increment();
            return cached.function();
        }
        misses.increment();
        CompletableFuture<Compiled> mine = new CompletableFuture<>();
        CompletableFuture<Compiled> existing = compiling.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                // Another thread may have finished between our miss and our claim.
                Compiled done = cached(key);
                mine.complete(done != null ? done : compile(function, key));
            } catch (ModuleUnavailableException | RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                compiling.remove(key, mine);
            }
            existing = mine;
        }
        try {
            return existing.get().function();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModuleUnavailableException unavailable) {
                throw unavailable;
            }
            throw new ModuleUnavailableException("compiling module " + function.sha256() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleUnavailableException("interrupted while waiting for module " + function.sha256(), e);
        }
    }

    /** Compiles a function's new version as soon as a change is notified, off the request path. */
    @EventListener
    void warmUp(ActiveFunctionChanged change) {
        ActiveFunction function = change.function();
        try {
            get(function);
        } catch (ModuleUnavailableException e) {
            log.warn(
                    "Warming up function {} version {} failed: {}",
                    function.name(),
                    function.versionNumber(),
                    e.getMessage());
        }
    }

    /** Whether a function's module is compiled and in memory. */
    public boolean contains(ActiveFunction function) {
        synchronized (lru) {
            return lru.containsKey(new Key(function.sha256(), function.entrypoint()));
        }
    }

    private Compiled cached(Key key) {
        synchronized (lru) {
            return lru.get(key);
        }
    }

    private Compiled compile(ActiveFunction function, Key key) throws ModuleUnavailableException {
        long started = System.nanoTime();
        byte[] bytes;
        try {
            bytes = source.fetch(function.sha256());
        } catch (IOException e) {
            throw new ModuleUnavailableException(
                    "module " + function.sha256() + " cannot be fetched: " + e.getMessage(), e);
        }
        if (!Sha256.of(bytes).equals(function.sha256())) {
            throw new ModuleUnavailableException("module " + function.sha256() + " does not match its hash", null);
        }
        WasmFunction compiled;
        try {
            compiled = load(bytes, function.entrypoint());
        } catch (InvalidModuleException e) {
            throw new ModuleUnavailableException("module " + function.sha256() + " is invalid: " + e.getMessage(), e);
        }
        compileTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        Compiled entry = new Compiled(compiled, bytes.length);
        keep(key, entry);
        return entry;
    }

    private WasmFunction load(byte[] bytes, String entrypoint) throws InvalidModuleException {
        if (classCache == null) {
            return WasmFunction.load(bytes, entrypoint, maxMemoryPages);
        }
        WasmFunction loaded = WasmFunction.load(bytes, entrypoint, maxMemoryPages, classCache);
        (loaded.loadedFromCache() ? classCacheHits : classCacheMisses).increment();
        return loaded;
    }

    /** The on-disk cache, created at startup so a directory that cannot be made fails the start, not a request. */
    private static CompiledClassCache classCache(ExecutorProperties properties) {
        return properties
                .compiledClassCacheDirectory()
                .map(directory -> new DirectoryCompiledClassCache(directory, properties.compiledClassCacheMaxBytes()))
                .orElse(null);
    }

    private void keep(Key key, Compiled entry) {
        synchronized (lru) {
            Compiled replaced = lru.put(key, entry);
            cachedBytes += entry.bytes() - (replaced == null ? 0 : replaced.bytes());
            Iterator<Map.Entry<Key, Compiled>> eldest = lru.entrySet().iterator();
            // The newest module always stays, even alone over the byte bound: recompiling it per request is worse.
            while ((lru.size() > maxCount || cachedBytes > maxBytes) && lru.size() > 1) {
                Map.Entry<Key, Compiled> evicted = eldest.next();
                cachedBytes -= evicted.getValue().bytes();
                eldest.remove();
                evictions.increment();
            }
        }
    }

    private double count() {
        synchronized (lru) {
            return lru.size();
        }
    }

    private double bytes() {
        synchronized (lru) {
            return cachedBytes;
        }
    }

    private record Key(String sha256, String entrypoint) {}

    private record Compiled(WasmFunction function, long bytes) {}
}
