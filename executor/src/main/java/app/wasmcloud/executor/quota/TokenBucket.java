package app.wasmcloud.executor.quota;

/**
 * One function's requests per second on this executor: refills continuously at its rate and holds at most a second's
 * worth, so a quiet function may take a burst of one second's share and no more.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private double tokens = -1;
    private long refilledAt;

    /** Takes one token at {@code perSecond}, which may change between calls (executors come and go). */
    synchronized boolean tryTake(double perSecond, long nowNanos) {
        if (tokens < 0) {
            tokens = perSecond;
        } else {
            tokens = Math.min(perSecond, tokens + (nowNanos - refilledAt) * perSecond / NANOS_PER_SECOND);
        }
        refilledAt = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether a second has passed since the last request: the bucket is full again, so forgetting it loses nothing. */
    synchronized boolean isIdle(long nowNanos) {
        return nowNanos - refilledAt > 1_000_000_000L;
    }
}
