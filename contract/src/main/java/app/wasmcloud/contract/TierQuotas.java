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

    /** Invocations per day that stand for "no limit". */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    /** CPU time per day that stands for "no limit". */
    public static final Duration NO_CPU_LIMIT = Duration.ofSeconds(Long.MAX_VALUE);

    /** Requests per second that stand for "no limit": the executors skip the rate check. */
    public static final int NO_RATE_LIMIT = Integer.MAX_VALUE;

    public TierQuotas {
        if ((functions != null && functions < 0)
                || (invocationsPerDay != null && invocationsPerDay < 0)
                || (cpuPerDay != null && cpuPerDay.isNegative())
                || (requestsPerSecond != null && requestsPerSecond < 1)) {
            throw new IllegalArgumentException(
                    "Quotas cannot be negative, and requests per second must be at least 1: " + this);
        }
    }

    /** CPU time per day in microseconds, the invocation record's unit; {@link Long#MAX_VALUE} without a limit. */
    public long cpuMicrosPerDay() {
        return cpuPerDay.getSeconds() >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : cpuPerDay.toNanos() / 1_000;
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
