package app.wasmcloud.api.tier;

import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.TierQuotas;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's quotas per tier, and the tier a new account starts in. A quota not set here is the tier's default
 * ({@link Tier#defaults()}); set the same {@code wasmcloud.tiers.*} on the executors, which enforce the run quotas.
 *
 * @param examples quotas of the {@code examples} tier: {@code .functions} (3), {@code .invocations-per-day} (1000),
 *     {@code .cpu-per-day} (1m), {@code .requests-per-second} (5); this service enforces functions, the executors
 *     the rest
 * @param free quotas of the {@code free} tier: functions 10, invocations-per-day 10000, cpu-per-day 10m,
 *     requests-per-second 10
 * @param full quotas of the {@code full} tier: functions 100, and no run quota unless set here
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
