package app.wasmcloud.executor.invocation;

import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.GuestDefaults;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How invocations share this executor ({@code wasmcloud.executor.admission.*}). The defaults hold 256 connections to
 * one function with no refusal, and keep another tenant's short invocations quick beside loopers and sleepers.
 *
 * @param slots invocations running at once at the normal priority; 0 means two per processor. A guest that sleeps
 *     or waits for an outbound reply, or has used more than {@code demoteAfter} of CPU, gives its slot back, so slots
 *     bound CPU use, not requests in flight
 * @param queueDeadline how long an invocation waits for a slot, in fair turn (users first, then their functions),
 *     before it is answered 503 with {@code Retry-After}
 * @param maxWaiting invocations that may wait for a slot at once, a memory bound; past it, 503 at once
 * @param maxInFlightPerUser one user's invocations running or waiting at once before the next gets 429; 0 means
 *     half of the request threads ({@code server.tomcat.threads.max}), so no tenant can take every thread
 * @param demoteAfter how much CPU time an invocation uses before it is a long run (time spent waiting does not
 *     count): it gives its slot back and its thread moves
 *     to Linux's idle scheduling policy, so short invocations go first while a function loops or crunches; 0 never.
 *     Demotion needs Linux and the right to raise the priority back ({@code CAP_SYS_NICE}, or an
 *     {@code RLIMIT_NICE} of at least 20); without it the executor says so at start
 * @param longRunsPerUser one user's long runs awake at once; while a user has that many, the next invocations of its
 *     functions that ran long lately wait (up to {@code queueDeadline}) for one to end or sleep, and its other
 *     functions go on. 0 means as many as the slots. Long runs cannot be paused,
 *     and dozens of them runnable at the idle policy stretch every JVM safepoint, everyone's garbage collections
 *     included, to tens of milliseconds
 */
@ConfigurationProperties("wasmcloud.executor.admission")
public record AdmissionProperties(
        @DefaultValue("0") int slots,

        @DefaultValue(ExecutionPool.DEFAULT_QUEUE_DEADLINE_TEXT)
        Duration queueDeadline,

        @DefaultValue("" + ExecutionPool.SERVER_QUEUE_CAPACITY)
        int maxWaiting,

        @DefaultValue("0") int maxInFlightPerUser,
        @DefaultValue("20ms") Duration demoteAfter,
        @DefaultValue("0") int longRunsPerUser) {

    public AdmissionProperties {
        if (slots < 0 || maxWaiting < 0 || maxInFlightPerUser < 0 || longRunsPerUser < 0) {
            throw new IllegalArgumentException("wasmcloud.executor.admission: slots, max-waiting,"
                    + " max-in-flight-per-user and long-runs-per-user must not be negative");
        }
        if (!queueDeadline.isPositive() || demoteAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "wasmcloud.executor.admission: queue-deadline must be positive and demote-after not negative");
        }
    }

    int effectiveSlots() {
        return slots > 0 ? slots : GuestDefaults.slots();
    }

    int effectiveLongRunsPerUser() {
        return longRunsPerUser > 0 ? longRunsPerUser : effectiveSlots();
    }

    int effectiveMaxInFlightPerUser(int requestThreads) {
        return maxInFlightPerUser > 0 ? maxInFlightPerUser : Math.max(1, requestThreads / 2);
    }
}
