package app.wasmcloud.contract.api;

import app.wasmcloud.contract.TierQuotas;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;

/**
 * Quotas as the API spells them. In an account's quotas a null field means no limit; in overrides, and in the request
 * that sets them, a null field follows the tier.
 */
@Schema(name = "Quotas")
public record QuotasView(
        @Schema(description = "Live functions the account may own.")
        Integer functions,

        @Schema(description = "Billed invocations per UTC day, across all its functions.")
        Long invocationsPerDay,

        @Schema(description = "Guest CPU seconds per UTC day, across all its functions.")
        Long cpuSecondsPerDay,

        @Schema(description = "Requests per second to each of its functions on the run domain.")
        Integer requestsPerSecond) {

    public static QuotasView of(TierQuotas quotas) {
        return new QuotasView(
                quotas.functions(),
                limit(quotas.invocationsPerDay(), TierQuotas.NO_LIMIT),
                quotas.cpuPerDay() == null
                        ? null
                        : limit(quotas.cpuPerDay().toSeconds(), TierQuotas.NO_CPU_LIMIT.toSeconds()),
                quotas.requestsPerSecond() == null || quotas.requestsPerSecond() == TierQuotas.NO_RATE_LIMIT
                        ? null
                        : quotas.requestsPerSecond());
    }

    private static Long limit(Long value, long none) {
        return value == null || value == none ? null : value;
    }

    public TierQuotas toQuotas() {
        return new TierQuotas(
                functions,
                invocationsPerDay,
                cpuSecondsPerDay == null ? null : Duration.ofSeconds(cpuSecondsPerDay),
                requestsPerSecond);
    }
}
