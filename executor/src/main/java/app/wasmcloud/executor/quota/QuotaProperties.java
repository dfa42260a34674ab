package app.wasmcloud.executor.quota;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the executors enforce the tiers' run quotas together (the numbers are {@code wasmcloud.tiers.*}).
 *
 * @param enabled whether invocations are counted and refused past their owner's quotas at all
 * @param syncInterval how often each executor adds what it ran to the counters in PostgreSQL and reads back every
 *     executor's totals; a daily quota can be overshot by what the other executors admit in about one interval
 * @param executorExpiry an executor whose heartbeat is older than this no longer counts when a per-second rate is
 *     split between the executors; keep it a few sync intervals
 */
@ConfigurationProperties("wasmcloud.quotas")
public record QuotaProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration syncInterval,
        @DefaultValue("5s") Duration executorExpiry) {

    public QuotaProperties {
        if (!syncInterval.isPositive() || executorExpiry.compareTo(syncInterval) <= 0) {
            throw new IllegalArgumentException("wasmcloud.quotas.sync-interval must be positive and"
                    + " executor-expiry longer than it, not " + syncInterval + " and " + executorExpiry);
        }
    }
}
