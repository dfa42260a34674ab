package app.wasmcloud.api.usage;

import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.runtime.olin.resource.Schemes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rolls the invocation records up into {@code daily_usage}, per owner and UTC day, so usage outlives the records.
 *
 * <p>A day is recomputed from its records, and every figure only ever rises ({@code GREATEST}): records are
 * immutable and arrive late only by the executors' batching, so a recount of a complete day is exact, and a recount
 * of a day whose records are partly pruned (or whose function was purged) cannot lower what was already counted. The
 * retention job rolls up what it is about to delete first. Every api-server runs this; the upsert makes that safe.
 */
@Component
public class UsageRollup {

    private static final String ROLL_UP = """
            INSERT INTO daily_usage AS u
                (user_id, day, invocations, cpu_time_us, bytes_in, bytes_out, outbound_requests, refused)
            SELECT f.owner_id,
                   (i.started_at AT TIME ZONE 'UTC')::date,
                   count(*) FILTER (WHERE i.outcome NOT IN (:unbilled)),
                   coalesce(sum(i.cpu_time_us) FILTER (WHERE i.outcome NOT IN (:unbilled)), 0),
                   coalesce(sum(i.bytes_in) FILTER (WHERE i.outcome NOT IN (:unbilled)), 0),
                   coalesce(sum(i.bytes_out) FILTER (WHERE i.outcome NOT IN (:unbilled)), 0),
                   coalesce(sum(coalesce((i.host_calls ->> :outbound)::bigint, 0))
                            FILTER (WHERE i.outcome NOT IN (:unbilled)), 0),
                   count(*) FILTER (WHERE i.outcome IN (:unbilled))
            FROM invocations i JOIN functions f ON f.id = i.function_id
            WHERE i.started_at >= :from AND i.started_at < :until
            GROUP BY 1, 2
            ON CONFLICT (user_id, day) DO UPDATE SET
                invocations = GREATEST(u.invocations, EXCLUDED.invocations),
                cpu_time_us = GREATEST(u.cpu_time_us, EXCLUDED.cpu_time_us),
                bytes_in = GREATEST(u.bytes_in, EXCLUDED.bytes_in),
                bytes_out = GREATEST(u.bytes_out, EXCLUDED.bytes_out),
                outbound_requests = GREATEST(u.outbound_requests, EXCLUDED.outbound_requests),
                refused = GREATEST(u.refused, EXCLUDED.refused)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    UsageRollup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Yesterday is recounted too: its last records may have been inserted after midnight. */
    @Scheduled(
            initialDelayString = "${wasmcloud.usage.rollup-interval:1m}",
            fixedDelayString = "${wasmcloud.usage.rollup-interval:1m}")
    public void rollUpRecent() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        rollUp(today.minusDays(1), today);
    }

    /** Every day that has a record started before {@code cutoff}: what pruning up to it would delete. */
    public void rollUpBefore(Instant cutoff) {
        jdbc.sql("SELECT min(started_at) FROM invocations WHERE started_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .query(OffsetDateTime.class)
                .optional()
                .ifPresent(oldest -> rollUp(
                        oldest.atZoneSameInstant(ZoneOffset.UTC).toLocalDate(),
                        LocalDate.ofInstant(cutoff, ZoneOffset.UTC)));
    }

    /** Recounts the days from {@code first} to {@code last}, both included. */
    public void rollUp(LocalDate first, LocalDate last) {
        jdbc.sql(ROLL_UP)
                .param("unbilled", InvocationOutcome.unbilledLabels())
                .param("outbound", Schemes.OUTBOUND_REQUESTS)
                .param("from", first.atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("until", last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .update();
    }
}
