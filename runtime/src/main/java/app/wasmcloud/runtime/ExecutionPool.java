package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs invocations, at most {@code slots} at once, each on a fresh instance and on a thread with a known stack size
 * (wasm recursion depth is JVM stack depth). A caller whose thread has such a stack ({@link GuestStack}) runs the
 * invocation itself; any other caller hands it to one of the pool's guest threads and waits. Callers that find every
 * slot taken wait in their tenant's turn ({@link FairSlots}) up to the queueing deadline, past which they are
 * rejected.
 *
 * <p>The timeout is enforced by interrupting the thread running the guest, which the compiled code checks on every
 * loop back-edge. Nothing the guest does escapes: exceptions and stack overflows become {@link Outcome#TRAP}.
 */
public final class ExecutionPool implements AutoCloseable {

    /** Callers per slot that may wait when no capacity is given: a memory bound, not a load shedder. */
    private static final int DEFAULT_QUEUE_PER_SLOT = 64;

    /** How long a caller waits for a slot when no deadline is given, before it is refused. */
    public static final Duration DEFAULT_QUEUE_DEADLINE = Duration.ofSeconds(1);

    /** {@link #DEFAULT_QUEUE_DEADLINE} as a configuration default reads it. */
    public static final String DEFAULT_QUEUE_DEADLINE_TEXT = "1s";

    /** Callers that may wait for a slot on a server (the executor's and {@code serve}'s), a memory bound. */
    public static final int SERVER_QUEUE_CAPACITY = 1024;

    private final long stackSizeBytes;
    private final FairSlots slots;
    private final long queueDeadlineNanos;
    /** Threads for callers without a guest stack; never more of them busy than there are slots. */
    private final ExecutorService guestThreads;

    private final Watchdog watchdog;
    private volatile boolean closed;

    /** A pool where {@code 64 × slots} callers may wait for a slot, each for at most a second. */
    public ExecutionPool(int slots, long stackSizeBytes) {
        this(slots, stackSizeBytes, slots * DEFAULT_QUEUE_PER_SLOT);
    }

    /**
     * @param slots the most invocations running at once at the normal priority
     * @param stackSizeBytes the stack a guest needs: the pool's own threads have it, and a caller runs its invocation
     *     itself only when its thread was declared with at least this much
     * @param queueCapacity callers that may wait for a slot; past it {@link #run} is rejected
     */
    public ExecutionPool(int slots, long stackSizeBytes, int queueCapacity) {
        this(slots, stackSizeBytes, queueCapacity, DEFAULT_QUEUE_DEADLINE, Duration.ZERO);
    }

    /**
     * A pool that shares its slots fairly between tenants ({@link FairSlots}) and treats invocations that have used
     * more than {@code demoteAfter} of CPU time as long runs: they give their slot back, and their thread's priority is lowered, so
     * that a function that loops or crunches for seconds takes what the short ones leave of the CPUs instead of its
     * share of every one. Lowering the priority needs Linux and the right to raise it back ({@code CAP_SYS_NICE}, or
     * {@code RLIMIT_NICE} of at least 20); without them long runs keep their priority but still give their slots
     * back. A zero {@code demoteAfter} makes no run a long run.
     *
     * <p>One user may have as many long runs awake at once as there are slots, see {@link #ExecutionPool(int, long,
     * int, Duration, Duration, int)}.
     *
     * @param queueDeadline how long a caller waits for a slot before it is rejected
     */
    public ExecutionPool(
            int slots, long stackSizeBytes, int queueCapacity, Duration queueDeadline, Duration demoteAfter) {
        this(slots, stackSizeBytes, queueCapacity, queueDeadline, demoteAfter, slots);
    }

    /**
     * As {@link #ExecutionPool(int, long, int, Duration, Duration)}, with a bound on each user's long runs: a user
     * with {@code longRunsPerUser} of them awake gets no new admission until one ends or sleeps ({@link FairSlots}).
     * Long runs cannot be paused, so this is what keeps a tenant from filling the machine with demoted loopers.
     */
    public ExecutionPool(
            int slots,
            long stackSizeBytes,
            int queueCapacity,
            Duration queueDeadline,
            Duration demoteAfter,
            int longRunsPerUser) {
        if (slots < 1
                || stackSizeBytes < 0
                || queueCapacity < 0
                || !queueDeadline.isPositive()
                || longRunsPerUser < 1) {
            throw new IllegalArgumentException("slots and long runs per user must be >= 1, stack size and queue"
                    + " capacity >= 0, the queueing deadline positive");
        }
        this.stackSizeBytes = stackSizeBytes;
        this.slots = new FairSlots(slots, queueCapacity, longRunsPerUser);
        this.queueDeadlineNanos = queueDeadline.toNanos();
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
        return run(function, invocation, egress, Tenant.LOCAL);
    }

    /**
     * Runs one invocation of {@code tenant}'s, which waits for a slot in its turn ({@link FairSlots}).
     *
     * @throws RejectedExecutionException when no slot came within the queueing deadline, too many callers wait
     *     already, or the pool is closed
     * @throws InterruptedException as for {@link #run(WasmFunction, Invocation, EgressPolicy)}
     */
    public RunResult run(WasmFunction function, Invocation invocation, EgressPolicy egress, Tenant tenant)
            throws InterruptedException {
        SlotHold slot = takeSlot(tenant);
        GuestJob job = new GuestJob(function, invocation, egress, watchdog, slot);
        long declaredStack = GuestStack.ofCurrentThread();
        if (declaredStack > 0 && declaredStack >= stackSizeBytes) {
            if (Thread.interrupted()) {
                slot.releaseForGood();
                throw new InterruptedException("interrupted before the invocation started");
            }
            runThenFreeSlot(job, slot);
            return job.await();
        }
        // The slot is given back when the guest has stopped, not when the caller stops waiting for it.
        try {
            guestThreads.execute(() -> runThenFreeSlot(job, slot));
        } catch (RejectedExecutionException closedMeanwhile) {
            slot.releaseForGood();
            throw closedMeanwhile;
        }
        try {
            return job.await();
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        }
    }

    private static void runThenFreeSlot(GuestJob job, SlotHold slot) {
        try {
            job.run();
        } finally {
            slot.releaseForGood();
        }
    }

    private SlotHold takeSlot(Tenant tenant) throws InterruptedException {
        if (closed) {
            throw new RejectedExecutionException("the execution pool was closed");
        }
        slots.acquire(tenant, System.nanoTime() + queueDeadlineNanos);
        SlotHold slot = new SlotHold(slots, tenant);
        if (closed) {
            slot.releaseForGood();
            throw new RejectedExecutionException("the execution pool was closed");
        }
        return slot;
    }

    /** Callers waiting for a slot now. */
    public int waiting() {
        return slots.waiting();
    }

    /** Runs that are long and awake now. */
    public int longRuns() {
        return slots.longRuns();
    }

    /** Cancels running invocations and refuses waiting and later ones. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Wakes every waiting caller, which then finds the pool closed.
        slots.close();
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
