package app.wasmcloud.executor.function;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long and how many function lookups an executor keeps ({@code wasmcloud.executor.*}).
 *
 * @param functionCacheTtl how long a found function is trusted without a notification before it is read again in
 *     the background (a safety net: changes normally arrive by NOTIFY within a second); while the database is down it
 *     is served as it was
 * @param functionMissTtl how long "no such function" is remembered, so unknown names do not hit the database on
 *     every request
 * @param functionCacheMaxEntries cached lookups (hits and misses) kept at most; past it the least valuable go, by
 *     frequency and recency, so a flood of distinct names cannot push out the functions in use
 * @param warmUpOnNotify fetch and compile a function's active version as soon as a change is notified, so the
 *     first request after a deploy does not pay for it
 * @param functionLookupConcurrency database reads of uncached names at once, at most; keep it well under the
 *     connection pool's size (10), so a burst of new names leaves connections to the record writer and the quota
 *     sync, and never waits for the pool long enough to look like an outage to the directory's breaker
 * @param functionLookupWait how long a lookup waits for its turn before its request gets 503 with Retry-After
 */
@ConfigurationProperties("wasmcloud.executor")
public record FunctionCacheProperties(
        @DefaultValue("5m") Duration functionCacheTtl,
        @DefaultValue("2s") Duration functionMissTtl,
        @DefaultValue("10000") int functionCacheMaxEntries,
        @DefaultValue("true") boolean warmUpOnNotify,
        @DefaultValue("4") int functionLookupConcurrency,
        @DefaultValue("2s") Duration functionLookupWait) {

    public FunctionCacheProperties {
        if (functionLookupConcurrency < 1 || !functionLookupWait.isPositive()) {
            throw new IllegalArgumentException("wasmcloud.executor.function-lookup-concurrency must be at least 1 and"
                    + " function-lookup-wait positive, not " + functionLookupConcurrency + " and "
                    + functionLookupWait);
        }
    }
}
