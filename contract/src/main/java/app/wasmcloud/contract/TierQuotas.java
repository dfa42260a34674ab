package app.wasmcloud.contract;

import java.time.Duration;

/**
 * The quotas of a tier, or one user's overrides of them; a null field means "not set here", so an operator's
 * {@code wasmcloud.tiers.free.functions=20} changes that number alone and an admin overrides one number per user.
 *
 * @param functions live functions the account may own (deleted ones count while their names stay reserved)
 * @param invocationsPerDay billed invocations per UTC day, across all of the account's functions
 * @param cpuPerDay guest CPU time per UTC day, across all of the account's functions
 * @param requestsPerSecond requests per second to each one of the account's functions on the run domain
 */
public record TierQuotas(Integer functions, Long invocationsPerDay, Duration cpuPerDay, Integer requestsPerSecond) {

    public static final TierQuotas NONE = new TierQuotas(null, null, null, null);

    public TierQuotas {
        if ((functions != null && functions < 0)
                || (invocationsPerDay != null && invocationsPerDay < 0)
                || (cpuPerDay != null && cpuPerDay.isNegative())
                || (requestsPerSecond != null && requestsPerSecond < 1)) {
            throw new IllegalArgumentException(
                    "Quotas cannot be negative, and requests per second must be at least 1: " + this);
        }
    }

    /** These quotas with every field that {@code overrides} sets taken from it instead. */
    public TierQuotas overriddenBy(TierQuotas overrides) {
        if (overrides == null) {
            return this;
        }
        return new TierQuotas(
                overrides.functions != null ? overrides.functions : functions,
                overrides.invocationsPerDay != null ? overrides.invocationsPerDay : invocationsPerDay,
                overrides.cpuPerDay != null ? overrides.cpuPerDay : cpuPerDay,
                overrides.requestsPerSecond != null ? overrides.requestsPerSecond : requestsPerSecond);
    }
}
