package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of guest threads with a known stack size (wasm recursion depth is JVM stack depth). Each run gets a
 * fresh instance; the timeout is enforced by interrupting the guest thread, which the compiled code checks on every
 * loop back-edge. Nothing the guest does escapes: exceptions and stack overflows become {@link Outcome#TRAP}.
 */
public final class ExecutionPool implements AutoCloseable {

    /** Queue slots per thread when no capacity is given: enough to absorb a burst, small enough to shed load. */
    private static final int DEFAULT_QUEUE_PER_THREAD = 4;

    private final ThreadPoolExecutor guests;
    private final Watchdog watchdog;

    /** A pool with a queue of {@code 4 × threads} waiting invocations. */
    public ExecutionPool(int threads, long stackSizeBytes) {
        this(threads, stackSizeBytes, threads * DEFAULT_QUEUE_PER_THREAD);
    }

    /**
     * @param threads guest threads, the most invocations running at once
     * @param stackSizeBytes stack size of each guest thread
     * @param queueCapacity invocations that may wait for a thread; past it {@link #run} is rejected
     */
    public ExecutionPool(int threads, long stackSizeBytes, int queueCapacity) {
        if (threads < 1 || stackSizeBytes < 0 || queueCapacity < 0) {
            throw new IllegalArgumentException("threads must be >= 1, stack size and queue capacity >= 0");
        }
        this.guests = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
                daemonThreads("wasm-guest-", stackSizeBytes),
                new ThreadPoolExecutor.AbortPolicy());
        this.guests.prestartAllCoreThreads();
        this.watchdog = new Watchdog(daemonThreads("wasm-watchdog-", 0));
    }

    /**
     * Runs one invocation on a guest thread and waits for its result.
     *
     * @throws RejectedExecutionException when the queue is full or the pool is closed
     * @throws InterruptedException when the calling thread is interrupted; the invocation is then cancelled
     */
    public RunResult run(WasmFunction function, Invocation invocation) throws InterruptedException {
        return run(function, invocation, EgressPolicy.denyAll());
    }

    /**
     * Runs one invocation whose function may make outbound HTTP requests under {@code egress}.
     *
     * @throws RejectedExecutionException when the queue is full or the pool is closed
     * @throws InterruptedException when the calling thread is interrupted; the invocation is then cancelled
     */
    public RunResult run(WasmFunction function, Invocation invocation, EgressPolicy egress)
            throws InterruptedException {
        GuestJob job = new GuestJob(function, invocation, egress, watchdog);
        guests.execute(job);
        try {
            return job.await();
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        }
    }

    /** Cancels running invocations and refuses waiting ones. */
    @Override
    public void close() {
        List<Runnable> neverStarted = guests.shutdownNow();
        for (Runnable job : neverStarted) {
            ((GuestJob) job).reject();
        }
        watchdog.close();
        try {
            guests.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix, long stackSizeBytes) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, task, prefix + count.incrementAndGet(), stackSizeBytes);
            // A pool someone forgot to close must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
