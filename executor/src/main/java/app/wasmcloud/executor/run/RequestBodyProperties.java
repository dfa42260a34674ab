package app.wasmcloud.executor.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long a client may take to send a request body ({@code wasmcloud.executor.request-body.*}). Bodies are read
 * without a request thread, so a slow client costs a connection and a buffer, never a thread or a slot; these bound
 * how long it may keep them.
 *
 * @param deadline the whole body must have arrived by then, else 408
 * @param minRate after {@code grace}, a body arriving slower than this on average is cut off with 408
 * @param grace how long a body may trickle before the minimum rate applies
 */
@ConfigurationProperties("wasmcloud.executor.request-body")
public record RequestBodyProperties(
        @DefaultValue("30s") Duration deadline,
        @DefaultValue("16KB") DataSize minRate,
        @DefaultValue("5s") Duration grace) {

    public RequestBodyProperties {
        if (!deadline.isPositive() || grace.isNegative() || minRate.isNegative()) {
            throw new IllegalArgumentException(
                    "wasmcloud.executor.request-body: deadline must be positive, grace and min-rate not negative");
        }
    }
}
