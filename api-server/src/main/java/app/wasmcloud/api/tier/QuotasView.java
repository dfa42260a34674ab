package app.wasmcloud.api.tier;

import app.wasmcloud.contract.TierQuotas;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;

/**
 * Quotas as the API spells them; in a request, the per-user overrides an admin sets (a null field follows the tier).
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
                quotas.invocationsPerDay(),
                quotas.cpuPerDay() == null ? null : quotas.cpuPerDay().toSeconds(),
                quotas.requestsPerSecond());
    }

    public TierQuotas toQuotas() {
        return new TierQuotas(
                functions,
                invocationsPerDay,
                cpuSecondsPerDay == null ? null : Duration.ofSeconds(cpuSecondsPerDay),
                requestsPerSecond);
    }
}
