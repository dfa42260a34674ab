package app.wasmcloud.api.async;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Background invocations: what is accepted, how attempts are retried and how workers poll.
 *
 * @param maxBody the largest request body a background invoke stores (413 above it)
 * @param maxQueuedPerFunction how many requests of one function may wait or run at once; past it a background invoke
 *     answers 429 and a schedule's slot is skipped
 * @param queueFullRetryAfter the {@code Retry-After} of that 429
 * @param defaultMaxAttempts attempts a request gets when its function sets none
 * @param maxAttemptsLimit the most attempts a function may ask for
 * @param backoffBase the wait before the second attempt; each further one doubles it, with jitter
 * @param backoffMax the longest wait between two attempts
 * @param pollInterval how often a worker looks for due requests
 * @param workers how many attempts one api-server runs at once
 * @param lease how long a claimed attempt may run before another worker may take it over; keep it above the
 *     executor client's {@code wasmcloud.executor.request-timeout}, or a slow attempt is run twice
 * @param callbackTimeout connect plus response time of one callback
 * @param callbackAllowPrivateAddresses let callback hosts resolve to loopback or private addresses; only tests and dev
 *     set this, production must not
 * @param retention finished requests (succeeded or discarded from the dead letters) older than this are deleted;
 *     dead letters stay until they are retried or discarded
 */
@ConfigurationProperties("wasmcloud.async")
public record AsyncProperties(
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue("1000") int maxQueuedPerFunction,
        @DefaultValue("30s") Duration queueFullRetryAfter,
        @DefaultValue("3") int defaultMaxAttempts,
        @DefaultValue("10") int maxAttemptsLimit,
        @DefaultValue("10s") Duration backoffBase,
        @DefaultValue("10m") Duration backoffMax,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("4") int workers,
        @DefaultValue("90s") Duration lease,
        @DefaultValue("10s") Duration callbackTimeout,
        @DefaultValue("false") boolean callbackAllowPrivateAddresses,
        @DefaultValue("7d") Duration retention) {

    public AsyncProperties {
        if (maxBody.toBytes() < 0 || maxBody.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("wasmcloud.async.max-body must be from 0 to 2 GiB, not " + maxBody);
        }
        if (defaultMaxAttempts < 1 || maxAttemptsLimit < defaultMaxAttempts) {
            throw new IllegalArgumentException("wasmcloud.async.default-max-attempts must be at least 1 and at most"
                    + " wasmcloud.async.max-attempts-limit");
        }
        if (maxQueuedPerFunction < 1 || workers < 1) {
            throw new IllegalArgumentException(
                    "wasmcloud.async.max-queued-per-function and wasmcloud.async.workers must be at least 1");
        }
        if (!pollInterval.isPositive() || !lease.isPositive() || !backoffBase.isPositive()) {
            throw new IllegalArgumentException(
                    "wasmcloud.async.poll-interval, lease and backoff-base must be positive");
        }
    }

    int maxBodyBytes() {
        return (int) maxBody.toBytes();
    }
}
