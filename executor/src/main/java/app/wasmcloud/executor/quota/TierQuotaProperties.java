package app.wasmcloud.executor.quota;

import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.TierQuotas;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's quotas per tier, the same {@code wasmcloud.tiers.*} settings as the api-server's; a number not set
 * here is the tier's default ({@link Tier#defaults()}). The executors enforce the run quotas: invocations and CPU time
 * per day, requests per second per function.
 *
 * @param examples quotas of the {@code examples} tier: {@code .invocations-per-day} (1000), {@code .cpu-per-day}
 *     (1m), {@code .requests-per-second} (5); {@code .functions} is the api-server's
 * @param free quotas of the {@code free} tier: invocations-per-day 10000, cpu-per-day 10m, requests-per-second 10
 * @param full quotas of the {@code full} tier: none unless set here
 */
@ConfigurationProperties("wasmcloud.tiers")
record TierQuotaProperties(TierQuotas examples, TierQuotas free, TierQuotas full) {

    TierQuotas quotasOf(Tier tier) {
        TierQuotas configured = switch (tier) {
            case EXAMPLES -> examples;
            case FREE -> free;
            case FULL -> full;
        };
        return tier.defaults().overriddenBy(configured);
    }
}
