package app.wasmcloud.api.tier;

import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.TierQuotas;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's quotas per tier, and the tier a new account starts in. A quota not set here is the tier's default
 * ({@link Tier#defaults()}); set the same {@code wasmcloud.tiers.*} on the executors, which enforce the run quotas.
 *
 * @param examples quotas of the {@code examples} tier (functions, invocations-per-day, cpu-per-day,
 *     requests-per-second); defaults 3, 1000, 1m, 5
 * @param free quotas of the {@code free} tier; defaults 10, 10000, 10m, 10
 * @param full quotas of the {@code full} tier; defaults 100, 1000000, 10h, 100
 * @param openSignup the tier of someone who signs up while {@code wasmcloud.signup} is {@code open}: strangers try
 *     the examples at once and apply for more
 * @param approvalSignup the tier of someone who signs up while {@code wasmcloud.signup} is {@code approval}, once an
 *     admin approves them without naming another
 */
@ConfigurationProperties("wasmcloud.tiers")
public record TierProperties(
        TierQuotas examples,
        TierQuotas free,
        TierQuotas full,
        @DefaultValue("examples") Tier openSignup,
        @DefaultValue("free") Tier approvalSignup) {

    /** The tier's quotas: the operator's numbers over the defaults. */
    public TierQuotas quotasOf(Tier tier) {
        TierQuotas configured = switch (tier) {
            case EXAMPLES -> examples;
            case FREE -> free;
            case FULL -> full;
        };
        return tier.defaults().overriddenBy(configured);
    }
}
