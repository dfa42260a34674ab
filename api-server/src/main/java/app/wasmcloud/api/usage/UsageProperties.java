package app.wasmcloud.api.usage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Metering: how often the invocation records are rolled up into each user's daily usage.
 *
 * @param rollupInterval how often today's and yesterday's usage is recomputed from the records; the account page lags
 *     the records by at most this
 * @param maxDays the most days one usage request returns
 */
@ConfigurationProperties("wasmcloud.usage")
record UsageProperties(
        @DefaultValue("1m") Duration rollupInterval,
        @DefaultValue("400") int maxDays) {

    UsageProperties {
        if (!rollupInterval.isPositive() || maxDays < 1) {
            throw new IllegalArgumentException(
                    "wasmcloud.usage.rollup-interval must be positive and max-days at least 1");
        }
    }
}
