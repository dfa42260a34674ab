package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One invocation handed to the pool. The watchdog interrupts the guest thread at the deadline, but only while this
 * job is running on it: the lock makes sure an interrupt never leaks into the next job on the same thread.
 */
final class GuestJob implements Runnable {

    private final WasmFunction function;
    private final Invocation invocation;
    private final EgressPolicy egress;
    private final ScheduledExecutorService watchdog;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();

    private Thread runner;
    private boolean cancelled;
    private volatile boolean timedOut;

    GuestJob(WasmFunction function, Invocation invocation, EgressPolicy egress, ScheduledExecutorService watchdog) {
        this.function = function;
        this.invocation = invocation;
        this.egress = egress;
        this.watchdog = watchdog;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (cancelled) {
                result.completeExceptionally(new RejectedExecutionException("cancelled before it started"));
                return;
            }
            runner = Thread.currentThread();
        }
        ScheduledFuture<?> deadline = null;
        try {
            deadline = watchdog.schedule(
                    this::timeOut, invocation.limits().timeout().toNanos(), TimeUnit.NANOSECONDS);
            result.complete(new GuestRun(function, invocation, egress, () -> timedOut).run());
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
            if (deadline != null) {
                deadline.cancel(false);
            }
            synchronized (this) {
                runner = null;
                // Clear an interrupt that arrived after the guest stopped checking, before the thread is reused.
                Thread.interrupted();
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

    private synchronized void timeOut() {
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

    /** For a job the pool dropped when it was closed. */
    void reject() {
        result.completeExceptionally(new RejectedExecutionException("the execution pool was closed"));
    }
}
