package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * One invocation, run on the caller's thread or one of the pool's. The watchdog interrupts that thread at the deadline
 * (and may lower its priority when the run is long), but only while this job is running on it: the lock makes sure
 * neither leaks into what the thread does next.
 */
final class GuestJob implements Runnable {

    private static final Duration LONGEST_TIMEOUT = Duration.ofDays(36_500);

    private final WasmFunction function;
    private final Invocation invocation;
    private final EgressPolicy egress;
    private final Watchdog watchdog;
    private final SlotHold slot;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();

    private Thread runner;
    private boolean cancelled;
    private volatile long deadline;
    private volatile boolean timedOut;
    private volatile long startedAt;
    /** The running thread's CPU time when the run started ({@link ThreadCpuClock}). */
    private volatile long cpuStartedAt;
    /** Whether this has become a long run; guarded by this. */
    private boolean longRun;
    /** The running thread's kernel id, when the watchdog demotes long runs; 0 otherwise. */
    private int threadId;
    /** The scheduling policy to give the thread back, when it was demoted; guarded by this. */
    private Integer policyBeforeDemotion;

    GuestJob(WasmFunction function, Invocation invocation, EgressPolicy egress, Watchdog watchdog, SlotHold slot) {
        this.function = function;
        this.invocation = invocation;
        this.egress = egress;
        this.watchdog = watchdog;
        this.slot = slot;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (cancelled) {
                result.completeExceptionally(new RejectedExecutionException("cancelled before it started"));
                return;
            }
            runner = Thread.currentThread();
            threadId = watchdog.demotes() ? ThreadPriority.currentThreadId() : 0;
        }
        startedAt = System.nanoTime();
        cpuStartedAt = ThreadCpuClock.ofCurrentThread();
        deadline = startedAt + timeoutNanos(invocation.limits().timeout());
        watchdog.watch(this);
        try {
            result.complete(
                    new GuestRun(function, invocation, egress, slot, () -> timedOut).run(startedAt, cpuStartedAt));
        } catch (RuntimeException | Error unexpected) {
            // GuestRun turns guest failures into results; reaching here is a runtime bug, still never the caller's.
            result.complete(new RunResult(
                    Outcome.TRAP,
                    -1,
                    "runtime error: " + unexpected,
                    new byte[0],
                    new byte[0],
                    List.of(),
                    0,
                    0,
                    0,
                    0,
                    Map.of()));
        } finally {
            watchdog.forget(this);
            synchronized (this) {
                runner = null;
                // Clear an interrupt that arrived after the guest stopped checking, before the thread is reused.
                Thread.interrupted();
                // The next invocation on this thread starts with the priority this one started with.
                if (policyBeforeDemotion != null) {
                    ThreadPriority.restore(threadId, policyBeforeDemotion);
                    policyBeforeDemotion = null;
                }
            }
        }
    }

    RunResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RejectedExecutionException rejected) {
                throw rejected;
            }
            throw new IllegalStateException("guest job failed", e.getCause());
        }
    }

    /** When this job started running, in {@link System#nanoTime()} terms. */
    long startedAt() {
        return startedAt;
    }

    /**
     * Whether the guest has had {@code cpuNanos} of CPU since it started, or is a long run already. CPU time, not
     * wall time, makes a run long: a short invocation that waited (for a CPU on a busy machine, through a garbage
     * collection's pause, asleep, for an outbound reply) has not crunched, and demoting it then, to a policy that
     * gets the CPU only when nothing else wants it, turned a 20 ms hiccup into a stall of hundreds of milliseconds.
     * Where thread CPU time cannot be read, wall time decides.
     */
    synchronized boolean hasRun(long cpuNanos) {
        if (longRun) {
            return true;
        }
        if (runner == null) {
            return false;
        }
        long cpuNow = ThreadCpuClock.of(runner);
        return cpuNow < 0 || cpuNow - cpuStartedAt >= cpuNanos;
    }

    /**
     * Makes this a long run: its slot goes to the next caller, and its thread moves to scheduling {@code policy}
     * (when the watchdog demotes), once. It is then scheduled after short ones, instead of taking its share of every
     * CPU while they wait.
     */
    synchronized void runLong(int policy) {
        longRun = true;
        slot.runLong();
        if (runner != null && threadId != 0 && policyBeforeDemotion == null && ThreadPriority.stillAvailable()) {
            int before = ThreadPriority.policyOf(threadId);
            if (before >= 0 && before != policy && ThreadPriority.setPolicy(threadId, policy)) {
                policyBeforeDemotion = before;
            }
        }
    }

    /** When the watchdog interrupts this job, in {@link System#nanoTime()} terms; set when it starts running. */
    long deadline() {
        return deadline;
    }

    /** Capped so that deadlines compare correctly across nanoTime's overflow (a century is as good as forever). */
    private static long timeoutNanos(Duration timeout) {
        return timeout.compareTo(LONGEST_TIMEOUT) > 0 ? LONGEST_TIMEOUT.toNanos() : timeout.toNanos();
    }

    synchronized void timeOut() {
        if (runner != null) {
            timedOut = true;
            runner.interrupt();
        }
    }

    /** Stops the guest if it is running, or keeps it from starting. */
    synchronized void cancel() {
        cancelled = true;
        if (runner != null) {
            runner.interrupt();
        }
    }
}
