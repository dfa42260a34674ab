package app.wasmcloud.executor.quota;

import java.time.LocalDate;
import java.util.concurrent.atomic.LongAdder;

/**
 * One owner's usage today as this executor knows it: every executor's totals at the last sync, plus what this one
 * ran since. Read on every request without a lock; the sync thread alone replaces the shared figures.
 */
final class AccountUsage {

    final long userId;
    private volatile RunLimits limits;
    private volatile LocalDate day;
    /** Every executor's totals for {@link #day} as of the last sync, this one's pushed share included. */
    private volatile long sharedInvocations;

    private volatile long sharedCpuMicros;
    /** Drained from the local counters and being pushed now: still counted until the totals come back. */
    private volatile long pushingInvocations;

    private volatile long pushingCpuMicros;
    private final LongAdder localInvocations = new LongAdder();
    private final LongAdder localCpuMicros = new LongAdder();
    volatile long lastSeenNanos;

    AccountUsage(long userId, RunLimits limits, LocalDate day, long invocations, long cpuMicros) {
        this.userId = userId;
        this.limits = limits;
        this.day = day;
        this.sharedInvocations = invocations;
        this.sharedCpuMicros = cpuMicros;
        // Seen now: the sync thread may look before the first request marks it, and must not forget it as idle.
        this.lastSeenNanos = System.nanoTime();
    }

    RunLimits limits() {
        return limits;
    }

    void limits(RunLimits limits) {
        this.limits = limits;
    }

    LocalDate day() {
        return day;
    }

    long invocations() {
        return sharedInvocations + pushingInvocations + localInvocations.sum();
    }

    long cpuMicros() {
        return sharedCpuMicros + pushingCpuMicros + localCpuMicros.sum();
    }

    void ran(long invocations, long cpuMicros) {
        localInvocations.add(invocations);
        localCpuMicros.add(cpuMicros);
    }

    /** What this executor ran since the last sync; it stays counted as "pushing" until {@link #synced}. */
    Delta drain() {
        long invocations = localInvocations.sumThenReset();
        long cpu = localCpuMicros.sumThenReset();
        pushingInvocations = invocations;
        pushingCpuMicros = cpu;
        return new Delta(invocations, cpu);
    }

    /** A push that failed: its share goes back to the local counters, for the next sync to try again. */
    void restore(Delta delta) {
        localInvocations.add(delta.invocations());
        localCpuMicros.add(delta.cpuMicros());
        pushingInvocations = 0;
        pushingCpuMicros = 0;
    }

    /** Every executor's totals for {@code totalsDay}, this executor's drained share included. */
    void synced(LocalDate totalsDay, long invocations, long cpuMicros) {
        if (!totalsDay.equals(day)) {
            // A new UTC day: what was counted locally since belongs to the new day too, and the old totals lapse.
            day = totalsDay;
        }
        sharedInvocations = invocations;
        sharedCpuMicros = cpuMicros;
        pushingInvocations = 0;
        pushingCpuMicros = 0;
    }

    record Delta(long invocations, long cpuMicros) {
        boolean isEmpty() {
            return invocations == 0 && cpuMicros == 0;
        }
    }
}
