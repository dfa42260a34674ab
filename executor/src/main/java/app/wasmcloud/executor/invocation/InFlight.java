package app.wasmcloud.executor.invocation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each user's invocations in flight (running or waiting for a slot), bounded so that no tenant can hold every request
 * thread: guests run on the thread that took their request, and a thousand connections to a looping function would
 * otherwise leave none for anybody else. It is a memory bound, not the scheduler: fairness is the slots' job.
 */
final class InFlight {

    private final int maxPerUser;
    /** Only users with something in flight have an entry, so the map stays as small as the load. */
    private final ConcurrentMap<Long, Integer> perUser = new ConcurrentHashMap<>();

    private final AtomicInteger total = new AtomicInteger();

    InFlight(int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    /** Admits one more invocation of this user's; an admitted one must be {@link #release}d. */
    boolean tryAcquire(long userId) {
        boolean[] admitted = new boolean[1];
        perUser.compute(userId, (id, count) -> {
            int current = count == null ? 0 : count;
            if (current < maxPerUser) {
                admitted[0] = true;
                return current + 1;
            }
            return count;
        });
        if (admitted[0]) {
            total.incrementAndGet();
        }
        return admitted[0];
    }

    void release(long userId) {
        perUser.computeIfPresent(userId, (id, count) -> count == 1 ? null : count - 1);
        total.decrementAndGet();
    }

    int total() {
        return total.get();
    }
}
