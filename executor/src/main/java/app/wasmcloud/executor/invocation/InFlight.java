package app.wasmcloud.executor.invocation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts invocations in flight, per function and in all, and admits one only while its function is under the cap. */
final class InFlight {

    private final int maxPerFunction;
    /** Only functions with something in flight have an entry, so the map stays as small as the load. */
    private final ConcurrentMap<Long, Integer> perFunction = new ConcurrentHashMap<>();

    private final AtomicInteger total = new AtomicInteger();

    InFlight(int maxPerFunction) {
        this.maxPerFunction = maxPerFunction;
    }

    /** Admits one more invocation of this function, or refuses it; an admitted one must be {@link #release}d. */
    boolean tryAcquire(long functionId) {
        int count = perFunction.merge(functionId, 1, Integer::sum);
        if (count > maxPerFunction) {
            decrement(functionId);
            return false;
        }
        total.incrementAndGet();
        return true;
    }

    void release(long functionId) {
        decrement(functionId);
        total.decrementAndGet();
    }

    int total() {
        return total.get();
    }

    private void decrement(long functionId) {
        perFunction.computeIfPresent(functionId, (id, count) -> count == 1 ? null : count - 1);
    }
}
