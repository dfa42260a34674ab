package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs invocations, at most {@code slots} at once, each on a fresh instance and on a thread with a known stack size
 * (wasm recursion depth is JVM stack depth). A caller whose thread has such a stack ({@link GuestStack}) runs the
 * invocation itself; any other caller hands it to one of the pool's guest threads and waits. Callers that find every
 * slot taken wait, not necessarily in arrival order, up to a bound past which they are rejected.
 *
 * <p>The timeout is enforced by interrupting the thread running the guest, which the compiled code checks on every
 * loop back-edge. Nothing the guest does escapes: exceptions and stack overflows become {@link Outcome#TRAP}.
 */
public final class ExecutionPool implements AutoCloseable {

    /** Callers per slot that may wait when no capacity is given: enough to absorb a burst, small enough to shed load. */
    private static final int DEFAULT_QUEUE_PER_SLOT = 4;

    private final long stackSizeBytes;
    /** Not fair: the caller that finds a slot free takes it, without a park and wake-up for every hand-over. */
    private final Semaphore slots;

    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Threads for callers without a guest stack; never more of them busy than there are slots. */
    private final ExecutorService guestThreads;

    private final Watchdog watchdog;
    private volatile boolean closed;

    /** A pool where {@code 4 × slots} callers may wait for a slot. */
    public ExecutionPool(int slots, long stackSizeBytes) {
        this(slots, stackSizeBytes, slots * DEFAULT_QUEUE_PER_SLOT);
    }

    /**
     * @param slots the most invocations running at once
     * @param stackSizeBytes the stack a guest needs: the pool's own threads have it, and a caller runs its invocation
     *     itself only when its thread was declared with at least this much
     * @param queueCapacity callers that may wait for a slot; past it {@link #run} is rejected
     */
    public ExecutionPool(int slots, long stackSizeBytes, int queueCapacity) {
        this(slots, stackSizeBytes, queueCapacity, Duration.ZERO);
    }

    /**
     * A pool that lowers the priority of invocations running longer than {@code demoteAfter}, so that a function that
     * loops or crunches for seconds takes what the short ones leave of the CPUs instead of its share of every one.
     * This needs Linux and the right to raise a thread's priority back ({@code CAP_SYS_NICE}, or {@code RLIMIT_NICE}
     * of at least 20); without them, or with a zero {@code demoteAfter}, every invocation keeps its priority.
     */
    public ExecutionPool(int slots, long stackSizeBytes, int queueCapacity, Duration demoteAfter) {
        if (slots < 1 || stackSizeBytes < 0 || queueCapacity < 0) {
            throw new IllegalArgumentException("slots must be >= 1, stack size and queue capacity >= 0");
        }
        this.stackSizeBytes = stackSizeBytes;
        this.slots = new Semaphore(slots);
        this.maxWaiting = queueCapacity;
        this.guestThreads = Executors.newCachedThreadPool(guestThreadFactory("wasm-guest-", stackSizeBytes));
        this.watchdog = new Watchdog(daemonThreads("wasm-watchdog-", 0), demoteAfter.toNanos());
    }

    /** Whether this pool lowers the priority of long invocations (asked for, and possible here). */
    public boolean demotesLongRuns() {
        return watchdog.demotes();
    }

    /**
     * A factory of threads with the stack a guest needs, declared as such: an invocation asked for on one of them runs
     * right there.
     */
    public static ThreadFactory guestThreadFactory(String namePrefix, long stackSizeBytes) {
        AtomicInteger count = new AtomicInteger();
        return body -> {
            Thread thread = new Thread(
                    null,
                    GuestStack.declare(stackSizeBytes, body),
                    namePrefix + count.incrementAndGet(),
                    stackSizeBytes);
            // A pool someone forgot to close must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs one invocation and waits for its result.
     *
     * @throws RejectedExecutionException when too many callers wait already or the pool is closed
     * @throws InterruptedException when the calling thread is interrupted; the invocation is then cancelled
     */
    public RunResult run(WasmFunction function, Invocation invocation) throws InterruptedException {
        return run(function, invocation, EgressPolicy.denyAll());
    }

    /**
     * Runs one invocation whose function may make outbound HTTP requests under {@code egress}.
     *
     * @throws RejectedExecutionException when too many callers wait already or the pool is closed
     * @throws InterruptedException when the calling thread is interrupted while it waits; the invocation is then
     *     cancelled. A caller running the invocation itself that is interrupted meanwhile gets it back cancelled (a
     *     timeout, "cancelled") with the interrupt consumed: on a server's request thread a pending interrupt would
     *     close the connection's channel.
     */
    public RunResult run(WasmFunction function, Invocation invocation, EgressPolicy egress)
            throws InterruptedException {
        takeSlot();
        GuestJob job = new GuestJob(function, invocation, egress, watchdog);
        long declaredStack = GuestStack.ofCurrentThread();
        if (declaredStack > 0 && declaredStack >= stackSizeBytes) {
            if (Thread.interrupted()) {
                slots.release();
                throw new InterruptedException("interrupted before the invocation started");
            }
            runThenFreeSlot(job);
            return job.await();
        }
        // The slot is given back when the guest has stopped, not when the caller stops waiting for it.
        try {
            guestThreads.execute(() -> runThenFreeSlot(job));
        } catch (RejectedExecutionException closedMeanwhile) {
            slots.release();
            throw closedMeanwhile;
        }
        try {
            return job.await();
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        }
    }

    private void runThenFreeSlot(GuestJob job) {
        try {
            job.run();
        } finally {
            slots.release();
        }
    }

    private void takeSlot() throws InterruptedException {
        if (closed) {
            throw new RejectedExecutionException("the execution pool was closed");
        }
        if (!slots.tryAcquire()) {
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw new RejectedExecutionException("the execution pool is full");
            }
            try {
                slots.acquire();
            } finally {
                waiting.decrementAndGet();
            }
        }
        if (closed) {
            slots.release();
            throw new RejectedExecutionException("the execution pool was closed");
        }
    }

    /** Cancels running invocations and refuses waiting and later ones. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Wakes every waiting caller, which then finds the pool closed.
        slots.release(Integer.MAX_VALUE / 2);
        // Closed first, so a job that registers from now on is cancelled at once instead of running unwatched.
        watchdog.close();
        watchdog.cancelAll();
        guestThreads.shutdownNow();
        try {
            guestThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix, long stackSizeBytes) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, task, prefix + count.incrementAndGet(), stackSizeBytes);
            thread.setDaemon(true);
            return thread;
        };
    }
}
