package app.wasmcloud.executor.quota;

import app.wasmcloud.contract.TierQuotas;

/**
 * The run quotas one owner is under, in the units the hot path compares: the tier's, with the owner's overrides.
 *
 * @param cpuMicrosPerDay guest CPU time per UTC day, in microseconds (the invocation record's unit)
 */
record RunLimits(long invocationsPerDay, long cpuMicrosPerDay, int requestsPerSecond) {

    /** For an owner whose tier could not be read: nothing is refused until it can. */
    static final RunLimits UNLIMITED = new RunLimits(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);

    static RunLimits of(TierQuotas quotas) {
        return new RunLimits(
                quotas.invocationsPerDay(), quotas.cpuPerDay().toNanos() / 1_000, quotas.requestsPerSecond());
    }
}
