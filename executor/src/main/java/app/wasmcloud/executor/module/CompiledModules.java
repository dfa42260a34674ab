package app.wasmcloud.executor.module;

import app.wasmcloud.contract.Sha256;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.function.ActiveFunctionChanged;
import app.wasmcloud.runtime.CompiledClassCache;
import app.wasmcloud.runtime.DirectoryCompiledClassCache;
import app.wasmcloud.runtime.InvalidModuleException;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.ModuleCompiler;
import app.wasmcloud.runtime.ModuleLimits;
import app.wasmcloud.runtime.WasmFunction;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Compiled modules by hash and entrypoint, bounded by count and by wasm bytes (Caffeine: a module used often outlasts a
 * stream of modules used once, and a lookup takes no lock). Each
 * module is fetched, verified and compiled once, on the bounded {@link ModuleCompiler} pool within its budgets;
 * concurrent first requests wait for the same compilation, each at most its own function's timeout, and the compile
 * goes on for the next request when they stop waiting. Dropping a module drops its generated classes with it. Before
 * compiling, the module's classes are looked for on local disk and then in the object store, where the api-server put
 * them at upload ({@link CompiledClassLookup}): a fresh executor loads a deployed module without compiling it.
 */
@Component
public class CompiledModules implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CompiledModules.class);

    /**
     * How long a module's compile waits for its classes from the store. They are a small object from the same bucket as
     * the module, so they normally come with it; a store that does not answer must not hold up a module that is on
     * local disk and could be compiling.
     */
    private static final Duration CLASS_FETCH_WAIT = Duration.ofSeconds(2);

    private final ModuleSource source;
    private final CompiledClassLookup classes;

    private final Cache<Key, Compiled> cache;
    /** The wasm bytes of the modules in {@link #cache}, kept by its removal listener. */
    private final AtomicLong cachedBytes = new AtomicLong();

    private final ConcurrentMap<Key, CompletableFuture<Compiled>> compiling = new ConcurrentHashMap<>();
    private final ModuleCompiler compiler;
    /** Fetching is I/O: a virtual thread each, so a slow store holds no compiler thread. */
    private final ExecutorService fetching = Executors.newVirtualThreadPerTaskExecutor();

    private final Counter hits;
    private final Counter misses;
    private final Counter evictions;
    private final Timer compileTime;

    CompiledModules(
            ModuleSource source, CompiledClassSource classSource, ModuleProperties properties, MeterRegistry meters) {
        this.source = source;
        int maxCount = properties.compiledModulesMaxCount();
        long maxBytes = properties.compiledModulesMaxBytes().toBytes();
        if (maxCount < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("wasmcloud.executor.compiled-modules-max-count and"
                    + " compiled-modules-max-bytes must be at least 1");
        }
        this.cache = cache(maxCount, maxBytes);
        this.hits = meters.counter("wasmcloud.modules.cache", "result", "hit");
        this.misses = meters.counter("wasmcloud.modules.cache", "result", "miss");
        this.evictions = meters.counter("wasmcloud.modules.evictions");
        this.classes = new CompiledClassLookup(classCache(properties), classSource, meters);
        this.compiler = new ModuleCompiler(properties.compile().budget(), ModuleLimits.DEFAULTS);
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
        CompletableFuture<Compiled> pending = compiling.computeIfAbsent(key, unused -> start(function, key));
        // Registered outside computeIfAbsent: a compile that is already over would remove its entry inside it.
        pending.whenComplete((done, failure) -> compiling.remove(key, pending));
        try {
            return pending.get(function.timeout().toNanos(), TimeUnit.NANOSECONDS)
                    .function();
        } catch (TimeoutException e) {
            throw new ModuleUnavailableException(
                    "module " + function.sha256() + " is still compiling after the function's timeout of "
                            + function.timeout().toMillis() + " ms",
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException wrapped ? wrapped.getCause() : e.getCause();
            if (cause instanceof ModuleUnavailableException unavailable) {
                throw unavailable;
            }
            throw new ModuleUnavailableException("compiling module " + function.sha256() + " failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleUnavailableException("interrupted while waiting for module " + function.sha256(), e);
        }
    }

    /**
     * Fetches, verifies and compiles off the caller's thread. The module and its compiled classes are fetched at once,
     * on virtual threads, so a compiler thread is taken only once both are here.
     */
    private CompletableFuture<Compiled> start(ActiveFunction function, Key key) {
        long started = System.nanoTime();
        CompletableFuture<CompiledClassLookup.Found> found = classes.enabled()
                ? CompletableFuture.supplyAsync(() -> classes.find(function.sha256()), fetching)
                        .completeOnTimeout(
                                classes.nothingFound(function.sha256()),
                                CLASS_FETCH_WAIT.toMillis(),
                                TimeUnit.MILLISECONDS)
                : CompletableFuture.completedFuture(null);
        CompletableFuture<Compiled> pending = CompletableFuture.supplyAsync(() -> fetch(function), fetching)
                .thenCombine(found, (bytes, classesFound) -> compile(function, bytes, classesFound))
                .thenCompose(compiling -> compiling)
                .thenApply(compiled -> {
                    compileTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    Compiled entry = new Compiled(compiled, compiled.info().sizeBytes());
                    keep(key, entry);
                    return entry;
                });
        return pending;
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
        return cache.asMap().containsKey(new Key(function.sha256(), function.entrypoint()));
    }

    private Compiled cached(Key key) {
        return cache.getIfPresent(key);
    }

    /**
     * One weight bounds both: each module weighs its wasm bytes, but at least an even share of the byte bound (so
     * at most {@code maxCount} fit) and at most the whole of it (so the newest module always fits, even alone over
     * the bound: recompiling it per request is worse). Weights are in units that keep the bound within an int.
     * Evictions run on the thread that caused them; they are a few list operations.
     */
    private Cache<Key, Compiled> cache(int maxCount, long maxBytes) {
        long unit = Math.ceilDiv(maxBytes, Integer.MAX_VALUE);
        long maxWeight = Math.ceilDiv(maxBytes, unit);
        long share = maxWeight / maxCount;
        return Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .<Key, Compiled>weigher((key, compiled) ->
                        (int) Math.clamp(Math.ceilDiv(compiled.bytes(), unit), Math.max(share, 1), maxWeight))
                .executor(Runnable::run)
                .removalListener((Key key, Compiled compiled, RemovalCause cause) -> {
                    cachedBytes.addAndGet(-compiled.bytes());
                    if (cause.wasEvicted()) {
                        evictions.increment();
                    }
                })
                .build();
    }

    private byte[] fetch(ActiveFunction function) {
        byte[] bytes;
        try {
            bytes = source.fetch(function.sha256());
        } catch (IOException e) {
            throw new CompletionException(new ModuleUnavailableException(
                    "module " + function.sha256() + " cannot be fetched: " + e.getMessage(), e));
        }
        if (!Sha256.hex(bytes).equals(function.sha256())) {
            throw new CompletionException(
                    new ModuleUnavailableException("module " + function.sha256() + " does not match its hash", null));
        }
        return bytes;
    }

    /** @param found the classes looked for before compiling, or null when there is nowhere to look */
    private CompletableFuture<WasmFunction> compile(
            ActiveFunction function, byte[] bytes, CompiledClassLookup.Found found) {
        CompletableFuture<WasmFunction> compiled;
        try {
            compiled = compiler.submit(
                    bytes,
                    function.entrypoint(),
                    Limits.MAX_WASM32_PAGES,
                    found == null ? null : classes.cacheFor(found));
        } catch (ModuleCompiler.BusyException e) {
            return CompletableFuture.failedFuture(
                    new ModuleUnavailableException("module " + function.sha256() + " waits: " + e.getMessage(), e));
        }
        return compiled.handleAsync(
                (loaded, failure) -> {
                    if (failure instanceof InvalidModuleException invalid) {
                        throw new CompletionException(new ModuleUnavailableException(
                                "module " + function.sha256() + " is invalid: " + invalid.getMessage(), invalid));
                    }
                    if (failure != null) {
                        throw new CompletionException(failure);
                    }
                    if (found != null) {
                        classes.loaded(found, loaded);
                    }
                    return loaded;
                },
                // Off the compiler thread: keeping classes from the store on disk is I/O.
                fetching);
    }

    /** The on-disk cache, created at startup so a directory that cannot be made fails the start, not a request. */
    private static CompiledClassCache classCache(ModuleProperties properties) {
        return properties
                .compiledClassCacheDirectory()
                .map(directory -> new DirectoryCompiledClassCache(
                        directory, properties.compiledClassCacheMaxBytes().toBytes()))
                .orElse(null);
    }

    private void keep(Key key, Compiled entry) {
        cachedBytes.addAndGet(entry.bytes());
        cache.put(key, entry);
    }

    @Override
    public void destroy() {
        compiler.close();
        fetching.shutdownNow();
    }

    private double count() {
        return cache.estimatedSize();
    }

    private double bytes() {
        return cachedBytes.get();
    }

    private record Key(String sha256, String entrypoint) {}

    private record Compiled(WasmFunction function, long bytes) {}
}
