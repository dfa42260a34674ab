package app.wasmcloud.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Times out running guests, and lowers the priority of those that run long. One thread sleeps until the earliest
 * deadline it knows of; a job wakes it only when it brings an earlier one. Invocations share one timeout, so new
 * deadlines are later than the planned wake-up and a stream of invocations costs the watchdog no wake-up at all (a
 * ScheduledExecutorService woke its thread for every job, each new timer becoming the head of its emptied queue: a
 * context switch per invocation on a busy machine). When long runs are demoted, it also looks every
 * {@code demoteAfter}, and a job that has used that much CPU by then becomes a long run (its thread's CPU clock is
 * read only for jobs that have run that long by the wall clock: most end first).
 */
final class Watchdog implements AutoCloseable {

    /** How long the thread sleeps with nothing earlier to wait for; a job with a later deadline does not wake it. */
    private static final long IDLE_NANOS = 1_000_000_000L;

    /** Written while the thread looks at the jobs: a job registered then always wakes it, so none is missed. */
    private static final long SCANNING = Long.MIN_VALUE;

    /** What a long run's thread is moved to: the idle policy, see {@link ThreadPriority}. */
    static final int DEMOTED_POLICY = ThreadPriority.SCHED_IDLE;

    private final Set<GuestJob> running = ConcurrentHashMap.newKeySet();
    /** How much CPU time a job uses before it is a long run (slot given back, demoted); 0 never. */
    private final long longRunNanos;

    private final boolean demotes;
    private final long idleNanos;
    private final Thread thread;
    private volatile long plannedWake = SCANNING;
    private volatile boolean closed;

    /**
     * @param longRunNanos how much CPU time a job uses before it gives its slot back and its thread is demoted
     *     ({@link ThreadPriority}); 0 never. Without demotion here, long runs still give their slots back
     */
    Watchdog(ThreadFactory threads, long longRunNanos) {
        this.longRunNanos = Math.max(0, longRunNanos);
        this.demotes = this.longRunNanos > 0 && ThreadPriority.available();
        this.idleNanos = this.longRunNanos > 0 ? this.longRunNanos : IDLE_NANOS;
        this.thread = threads.newThread(this::watch);
        thread.start();
    }

    /** Times {@code job} out at its {@link GuestJob#deadline()} unless it is {@linkplain #forget forgotten} first. */
    void watch(GuestJob job) {
        running.add(job);
        if (closed) {
            // Its thread has stopped or is stopping: nothing would ever time this job out.
            running.remove(job);
            job.cancel();
            return;
        }
        long planned = plannedWake;
        if (planned == SCANNING || job.deadline() - planned < 0) {
            LockSupport.unpark(thread);
        }
    }

    /** Whether jobs need their thread's kernel id, to be demoted when they run long. */
    boolean demotes() {
        return demotes;
    }

    void forget(GuestJob job) {
        running.remove(job);
    }

    /** Stops every running guest (its outcome: a timeout, "cancelled"); for closing. */
    void cancelAll() {
        for (GuestJob job : running) {
            running.remove(job);
            job.cancel();
        }
    }

    private void watch() {
        while (!closed) {
            plannedWake = SCANNING;
            long now = System.nanoTime();
            long next = now + idleNanos;
            for (GuestJob job : running) {
                long deadline = job.deadline();
                // Wall time first: a job cannot have had more CPU than that, and most end long before.
                if (longRunNanos > 0 && now - job.startedAt() >= longRunNanos && job.hasRun(longRunNanos)) {
                    job.runLong(DEMOTED_POLICY);
                }
                if (deadline - now <= 0) {
                    running.remove(job);
                    job.timeOut();
                } else if (deadline - next < 0) {
                    next = deadline;
                }
            }
            plannedWake = next;
            LockSupport.parkNanos(this, next - System.nanoTime());
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
