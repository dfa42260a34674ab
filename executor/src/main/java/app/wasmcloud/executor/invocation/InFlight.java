package app.wasmcloud.executor.invocation;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each function's share of the executor: how many of its invocations may be in flight (past that, 429) and how many
 * of those may run on guest threads at once. The rest wait for their own function's turn on the request thread, so
 * a function that loops or sleeps fills its own queue, never the pool's.
 */
final class InFlight {

    private final int maxPerFunction;
    private final int maxRunningPerFunction;
    /** Only functions with something in flight have an entry, so the map stays as small as the load. */
    private final ConcurrentMap<Long, Share> perFunction = new ConcurrentHashMap<>();

    private final AtomicInteger total = new AtomicInteger();

    InFlight(int maxPerFunction, int maxRunningPerFunction) {
        this.maxPerFunction = maxPerFunction;
        this.maxRunningPerFunction = maxRunningPerFunction;
    }

    /** One function's admitted invocations and the guest threads they take turns on. */
    static final class Share {

        /** Changed only inside the map's per-key compute, which orders every change. */
        private int admitted;

        private final Semaphore running;

        private Share(int maxRunning) {
            // Not fair: a fair semaphore parks and wakes a thread for every hand-off, which cost hello a third of its
            // throughput under 256 connections. Barging is bounded anyway: a waiter gives up after one timeout.
            this.running = new Semaphore(maxRunning);
        }

        /** Waits for a guest thread of this function's share; false when none freed up within the patience. */
        boolean awaitTurn(Duration patience) throws InterruptedException {
            return running.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS);
        }

        void endTurn() {
            running.release();
        }
    }

    /** Admits one more invocation of this function, or returns null; an admitted one must be {@link #release}d. */
    Share tryAcquire(long functionId) {
        Share[] admitted = new Share[1];
        perFunction.compute(functionId, (id, share) -> {
            Share current = share != null ? share : new Share(maxRunningPerFunction);
            if (current.admitted < maxPerFunction) {
                current.admitted++;
                admitted[0] = current;
            }
            return current.admitted == 0 ? null : current;
        });
        if (admitted[0] != null) {
            total.incrementAndGet();
        }
        return admitted[0];
    }

    /** Called after the invocation's turn has ended, so a share is dropped only when no one holds or awaits it. */
    void release(long functionId) {
        perFunction.computeIfPresent(functionId, (id, share) -> --share.admitted == 0 ? null : share);
        total.decrementAndGet();
    }

    int total() {
        return total.get();
    }
}
