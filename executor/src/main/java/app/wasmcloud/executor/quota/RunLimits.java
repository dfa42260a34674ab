package app.wasmcloud.executor.quota;

import app.wasmcloud.contract.TierQuotas;

/**
 * The run quotas one owner is under, in the units the hot path compares: the tier's, with the owner's overrides.
 *
 * @param cpuMicrosPerDay guest CPU time per UTC day, in microseconds (the invocation record's unit)
 */
record RunLimits(long invocationsPerDay, long cpuMicrosPerDay, int requestsPerSecond) {

    /** For an owner whose tier could not be read: nothing is refused until it can. */
    static final RunLimits UNLIMITED = new RunLimits(TierQuotas.NO_LIMIT, Long.MAX_VALUE, TierQuotas.NO_RATE_LIMIT);

    boolean limitsRate() {
        return requestsPerSecond != TierQuotas.NO_RATE_LIMIT;
    }

    static RunLimits of(TierQuotas quotas) {
        return new RunLimits(quotas.invocationsPerDay(), quotas.cpuMicrosPerDay(), quotas.requestsPerSecond());
    }
}
