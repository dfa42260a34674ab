package app.wasmcloud.executor.quota;

import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.function.OwnerQuotas;
import app.wasmcloud.runtime.cgi.CgiReply;
import app.wasmcloud.runtime.cgi.Header;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The tiers' run quotas on the request path: invocations and CPU time per owner and UTC day, requests per second per
 * function. Decided from memory; {@link QuotaSync} shares the counts between executors through PostgreSQL every
 * sync interval, so no request waits for the database: an owner's limits come with their function's row, and their
 * totals so far today with the next sync.
 *
 * <p>Accuracy: each executor sees the others' counts at most one sync interval late, so a daily quota can be overshot
 * by what the other executors admit in that interval, and by what this one admits in the interval after it first
 * serves an owner (it starts from zero until the sync brings the day's totals). The per-second rate is a token bucket per function and executor
 * holding the rate divided by the executors alive, so with requests spread over the executors (nginx round-robin)
 * the total stays within the rate plus one second's burst; traffic that reaches only some executors gets less.
 */
@Component
public class Quotas {

    private final boolean enabled;
    private final QuotaCounters counters;
    private final Clock clock;
    private final Map<Long, AccountUsage> accounts = new ConcurrentHashMap<>();
    private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();
    private volatile int executors = 1;

    Quotas(QuotaProperties properties, QuotaCounters counters, Clock clock) {
        this.enabled = properties.enabled();
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * The refusal for a request its owner has no quota left for, else empty, and the request is counted. Called once,
     * where the request is admitted; {@link #ran} settles it.
     */
    public Optional<CgiReply> admit(ActiveFunction function, String invocationId) {
        if (!enabled) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        AccountUsage account = accounts.get(function.ownerId());
        if (account == null) {
            account = accounts.computeIfAbsent(function.ownerId(), owner -> firstSight(owner, function.ownerQuotas()));
        }
        account.lastSeenNanos = now;
        RunLimits limits = account.limits();
        if (account.invocations() >= limits.invocationsPerDay()) {
            return Optional.of(refusal("daily invocations", untilMidnight(), invocationId));
        }
        if (account.cpuMicros() >= limits.cpuMicrosPerDay()) {
            return Optional.of(refusal("daily CPU time", untilMidnight(), invocationId));
        }
        // Without a rate (the full tier's default) no bucket is taken, so the busiest functions share no lock here.
        if (limits.limitsRate()) {
            double perSecond = Math.max(1.0, (double) limits.requestsPerSecond() / executors);
            if (!buckets.computeIfAbsent(function.id(), id -> new TokenBucket()).tryTake(perSecond, now)) {
                return Optional.of(refusal("requests per second to this function", 1, invocationId));
            }
        }
        account.ran(1, 0);
        return Optional.empty();
    }

    /**
     * Settles an admitted request once it has ended: its CPU time is counted, and a refusal further on (throttled,
     * overloaded, unavailable) gives its invocation back, as those are not billed.
     */
    public void ran(ActiveFunction function, CgiReply reply) {
        if (!enabled || reply.outcome() == InvocationOutcome.QUOTA_EXCEEDED) {
            return;
        }
        AccountUsage account = accounts.get(function.ownerId());
        if (account == null) {
            return;
        }
        long cpuMicros = reply.result() == null ? 0 : reply.result().cpuNanos() / 1_000;
        account.ran(reply.outcome() != null && !reply.outcome().billed() ? -1 : 0, cpuMicros);
    }

    Map<Long, AccountUsage> accounts() {
        return accounts;
    }

    void executors(int alive) {
        this.executors = Math.max(1, alive);
    }

    /** Forgets the buckets of functions without a request for a second: they would be full again anyway. */
    void forgetIdleBuckets() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.isIdle(now));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** An owner this executor has not served yet: counted from zero until the next sync brings today's totals. */
    private AccountUsage firstSight(long userId, OwnerQuotas quotas) {
        return new AccountUsage(userId, counters.limitsOf(quotas), today(), 0, 0);
    }

    private long untilMidnight() {
        Instant now = clock.instant();
        Instant midnight = today().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Math.max(1, Duration.between(now, midnight).toSeconds() + 1);
    }

    private static CgiReply refusal(String quota, long retryAfterSeconds, String invocationId) {
        CgiReply plain = CgiReply.refusal(InvocationOutcome.QUOTA_EXCEEDED, invocationId);
        List<Header> headers = plain.headers().stream()
                .map(header -> header.name().equals("Retry-After")
                        ? new Header("Retry-After", Long.toString(retryAfterSeconds))
                        : header)
                .toList();
        return new CgiReply(
                plain.status(),
                headers,
                plain.body(),
                invocationId,
                InvocationOutcome.QUOTA_EXCEEDED,
                null,
                "The owner's account is over its quota of " + quota);
    }
}
