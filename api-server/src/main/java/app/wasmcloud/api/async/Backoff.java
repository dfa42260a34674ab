package app.wasmcloud.api.async;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before the next attempt: the base, doubled for every failed attempt so far, capped, then drawn at random
 * from its upper half. The jitter keeps requests that failed together (an executor outage) from all coming back in
 * the same instant; the half that is kept makes the wait grow however the dice fall.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failures} failed attempts (1 after the first). */
    Duration after(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long nanos;
        try {
            nanos = Math.multiplyExact(base.toNanos(), 1L << doublings);
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        long capped = Math.min(nanos, max.toNanos());
        return Duration.ofNanos(capped / 2 + (long) (random.getAsDouble() * (capped / 2)));
    }
}
