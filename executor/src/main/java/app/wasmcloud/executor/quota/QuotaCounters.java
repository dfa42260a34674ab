package app.wasmcloud.executor.quota;

import app.wasmcloud.executor.function.OwnerQuotas;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The PostgreSQL side of the quotas: the owners' tiers, the shared daily counters, the executors' heartbeats. */
@Component
class QuotaCounters {

    /** Keeps each {@code IN (...)} list well under PostgreSQL's 65535 bind parameters. */
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final TierQuotaProperties tiers;

    QuotaCounters(JdbcClient jdbc, TierQuotaProperties tiers) {
        this.jdbc = jdbc;
        this.tiers = tiers;
    }

    record Totals(long invocations, long cpuMicros) {
        static final Totals ZERO = new Totals(0, 0);
    }

    /** Each owner's run limits; an owner that no longer exists is missing. */
    Map<Long, RunLimits> limits(Collection<Long> userIds) {
        Map<Long, RunLimits> found = new HashMap<>();
        for (List<Long> chunk : chunks(userIds)) {
            jdbc.sql("""
                            SELECT u.id, %s FROM users u WHERE u.id IN (:ids)""".formatted(OwnerQuotas.COLUMNS))
                    .param("ids", chunk)
                    .query((rs, row) -> {
                        found.put(rs.getLong("id"), limitsOf(OwnerQuotas.read(rs)));
                        return null;
                    })
                    .list();
        }
        return found;
    }

    /** The run limits of an owner with these quotas, under this executor's tier configuration. */
    RunLimits limitsOf(OwnerQuotas owner) {
        return RunLimits.of(tiers.quotasOf(owner.tier()).overriddenBy(owner.overrides()));
    }

    /** Adds what this executor ran to the day's counters. */
    void add(LocalDate day, Map<Long, AccountUsage.Delta> deltas) {
        for (Map.Entry<Long, AccountUsage.Delta> entry : deltas.entrySet()) {
            jdbc.sql("""
                            INSERT INTO quota_counters AS c (user_id, day, invocations, cpu_time_us)
                            SELECT :user, :day, :invocations, :cpu WHERE EXISTS (SELECT 1 FROM users WHERE id = :user)
                            ON CONFLICT (user_id, day) DO UPDATE SET
                                invocations = c.invocations + EXCLUDED.invocations,
                                cpu_time_us = c.cpu_time_us + EXCLUDED.cpu_time_us""")
                    .param("user", entry.getKey())
                    .param("day", day)
                    .param("invocations", entry.getValue().invocations())
                    .param("cpu", entry.getValue().cpuMicros())
                    .update();
        }
    }

    /** Every executor's totals for the day; owners with none are missing. */
    Map<Long, Totals> totals(LocalDate day, Collection<Long> userIds) {
        Map<Long, Totals> found = new HashMap<>();
        for (List<Long> chunk : chunks(userIds)) {
            jdbc.sql(
                            "SELECT user_id, invocations, cpu_time_us FROM quota_counters WHERE day = :day AND user_id IN (:ids)")
                    .param("day", day)
                    .param("ids", chunk)
                    .query((rs, row) -> found.put(
                            rs.getLong("user_id"), new Totals(rs.getLong("invocations"), rs.getLong("cpu_time_us"))))
                    .list();
        }
        return found;
    }

    /** Records this executor as alive and answers how many are, itself included. */
    int heartbeat(UUID executor, Duration expiry) {
        jdbc.sql("""
                        INSERT INTO quota_executors (executor_id, seen_at) VALUES (:id, now())
                        ON CONFLICT (executor_id) DO UPDATE SET seen_at = now()""").param("id", executor).update();
        jdbc.sql("DELETE FROM quota_executors WHERE seen_at < now() - make_interval(secs => :secs) * 10")
                .param("secs", expiry.toMillis() / 1000.0)
                .update();
        return jdbc.sql("SELECT count(*) FROM quota_executors WHERE seen_at >= now() - make_interval(secs => :secs)")
                .param("secs", expiry.toMillis() / 1000.0)
                .query(Integer.class)
                .single();
    }

    void leave(UUID executor) {
        jdbc.sql("DELETE FROM quota_executors WHERE executor_id = :id")
                .param("id", executor)
                .update();
    }

    /** Counters of days no executor still counts. */
    void forgetBefore(LocalDate day) {
        jdbc.sql("DELETE FROM quota_counters WHERE day < :day")
                .param("day", day)
                .update();
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
