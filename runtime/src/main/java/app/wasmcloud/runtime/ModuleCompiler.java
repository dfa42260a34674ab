package app.wasmcloud.runtime;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Checks and compiles modules on a few threads of their own, each within a time and an allocation budget, so that
 * uploads or first requests cannot take every core or the heap however many modules arrive at once.
 *
 * <p>Chicory's compiler cannot be interrupted, and Java can no longer stop a thread, so a compile over its budget is
 * abandoned rather than stopped: its caller gets a refusal at once, and the compile runs on to its end on its pool
 * thread, its result dropped. What keeps that bounded is the structural check before it ({@link ModuleLimits}
 * removes the inputs whose compile grows faster than their size, so an abandoned compile ends soon) and the pool:
 * at most {@code threads} compiles run at once and {@code queue} wait, and a compile past that is refused as busy.
 * The allocation budget counts the bytes the compiling thread allocates (HotSpot's per-thread counter), which
 * bounds the garbage and, through it, the live heap a compile can reach.
 */
public final class ModuleCompiler implements AutoCloseable {

    /** How often the watchdog looks at a running compile's clock and allocation counter. */
    private static final long POLL_MILLIS = 20;

    /**
     * How long one compile may take, what it may allocate, and how many run or wait at once.
     *
     * @param threads compiles that run at once
     * @param queue compiles that may wait for a thread; more are refused as busy
     * @param timeBudget how long one compile may run before its module is refused
     * @param allocationBudget bytes one compile may allocate before it is refused
     */
    public record Budget(int threads, int queue, Duration timeBudget, long allocationBudget) {

        /**
         * One compile per core, 32 waiting (a deploy of several functions at once warms them all up together),
         * two minutes, 16 GiB allocated. Compiling allocates about 330 MiB per
         * MB of ordinary code and takes seconds per MB on a busy two-core machine, so the largest module accepted
         * (32 MiB) fits; the bombs that do not are refused before compiling, by {@link ModuleLimits}.
         */
        public static final Budget DEFAULTS =
                new Budget(Runtime.getRuntime().availableProcessors(), 32, Duration.ofMinutes(2), 16L << 30);

        /** These defaults, with each value given (not null) replacing its own. */
        public static Budget of(Integer threads, Integer queue, Duration timeBudget, Long allocationBudget) {
            return new Budget(
                    threads != null ? threads : DEFAULTS.threads(),
                    queue != null ? queue : DEFAULTS.queue(),
                    timeBudget != null ? timeBudget : DEFAULTS.timeBudget(),
                    allocationBudget != null ? allocationBudget : DEFAULTS.allocationBudget());
        }

        public Budget {
            Objects.requireNonNull(timeBudget, "timeBudget");
            if (threads < 1 || queue < 1 || !timeBudget.isPositive() || allocationBudget < 1) {
                throw new IllegalArgumentException("a compile budget needs at least one thread, a queue of at least"
                        + " one, a positive time and allocation budget; got " + this);
            }
        }
    }

    /** The pool is full: nothing was wrong with the module, try again later. */
    public static final class BusyException extends Exception {
        BusyException(String message) {
            super(message);
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Budget budget;
    private final ModuleLimits limits;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;

    public ModuleCompiler(Budget budget, ModuleLimits limits) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.pool = new ThreadPoolExecutor(
                budget.threads(),
                budget.threads(),
                1,
                TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(budget.queue()),
                Thread.ofPlatform().name("module-compile-", 0).daemon().factory());
        pool.allowCoreThreadTimeOut(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("module-compile-watchdog").daemon().factory());
    }

    public Budget budget() {
        return budget;
    }

    /**
     * Checks and compiles {@code wasm} (as {@link WasmFunction#load}, with the compiled-class cache when not null),
     * waiting for it.
     */
    public WasmFunction compile(byte[] wasm, String entrypointOrNull, int maxMemoryPages, CompiledClassCache cache)
            throws InvalidModuleException, BusyException, InterruptedException {
        try {
            return submit(wasm, entrypointOrNull, maxMemoryPages, cache).get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /**
     * Starts a compile. The future fails with {@link InvalidModuleException} when the module is refused, including
     * when the compile goes over its time or allocation budget; a caller that stops waiting leaves the compile to go
     * on for the next one.
     */
    public CompletableFuture<WasmFunction> submit(
            byte[] wasm, String entrypointOrNull, int maxMemoryPages, CompiledClassCache cache) throws BusyException {
        var result = new CompletableFuture<WasmFunction>();
        try {
            pool.execute(() -> {
                if (result.isDone()) {
                    return;
                }
                ScheduledFuture<?> watch = watch(result, Thread.currentThread());
                try {
                    result.complete(
                            cache == null
                                    ? WasmFunction.load(wasm, entrypointOrNull, maxMemoryPages, limits)
                                    : WasmFunction.load(wasm, entrypointOrNull, maxMemoryPages, limits, cache));
                } catch (InvalidModuleException | RuntimeException | Error e) {
                    result.completeExceptionally(e);
                } finally {
                    watch.cancel(false);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new BusyException("every module compiler is busy (" + budget.threads() + " compiling, "
                    + budget.queue() + " waiting); try again shortly");
        }
        return result;
    }

    /** Refuses the compile running on {@code compiling} once it is over its time or allocation budget. */
    private ScheduledFuture<?> watch(CompletableFuture<WasmFunction> result, Thread compiling) {
        long started = System.nanoTime();
        long startBytes = THREADS.getThreadAllocatedBytes(compiling.threadId());
        return watchdog.scheduleAtFixedRate(
                () -> {
                    long allocated = THREADS.getThreadAllocatedBytes(compiling.threadId()) - startBytes;
                    if (allocated > budget.allocationBudget()) {
                        result.completeExceptionally(new InvalidModuleException(List.of(
                                "over the compile memory budget: compiling the module allocated " + (allocated >> 20)
                                        + " MiB, the budget is " + (budget.allocationBudget() >> 20) + " MiB")));
                    } else if (System.nanoTime() - started > budget.timeBudget().toNanos()) {
                        result.completeExceptionally(new InvalidModuleException(
                                List.of("over the compile time budget: compiling the module took longer than "
                                        + budget.timeBudget().toMillis() + " ms")));
                    }
                },
                POLL_MILLIS,
                POLL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private static InvalidModuleException rethrow(Throwable cause) {
        if (cause instanceof InvalidModuleException invalid) {
            return invalid;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(cause);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        watchdog.shutdownNow();
    }
}
