package app.wasmcloud.api.metrics;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregates over the {@code invocations} table, computed by PostgreSQL so that only the buckets travel: counts by
 * outcome class with filtered aggregates, latency percentiles with {@code percentile_cont}, buckets with
 * {@code date_bin}. The covering index of V6 lets these read the index alone, whatever the other columns hold.
 */
@Repository
class InvocationMetrics {

    /** The executor's own refusals, which the guest never ran for; every other outcome but 'ok' is a failure. */
    private static final String REFUSED = "('throttled', 'overloaded', 'unavailable')";

    private static final String BUCKETS = """
            WITH window_ AS (
                SELECT CAST(:from AS timestamptz) AS from_, CAST(:to AS timestamptz) AS to_,
                       CAST(:step AS interval) AS step
            ), buckets AS (
                SELECT generate_series(from_, to_ - step, step) AS at FROM window_
            ), counted AS (
                SELECT date_bin(w.step, i.started_at, w.from_) AS at,
                       count(*) AS total,
                       count(*) FILTER (WHERE i.outcome = 'ok') AS ok,
                       count(*) FILTER (WHERE i.outcome IN %s) AS refused,
                       percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY i.wall_time_us) AS latency_us
                  FROM invocations i, window_ w
                 WHERE i.function_id = :functionId AND i.started_at >= w.from_ AND i.started_at < w.to_
                 GROUP BY 1
            )
            SELECT b.at, coalesce(c.ok, 0) AS ok, coalesce(c.total - c.ok - c.refused, 0) AS failed,
                   coalesce(c.refused, 0) AS refused, c.latency_us
              FROM buckets b LEFT JOIN counted c ON c.at = b.at
             ORDER BY b.at
            """.formatted(REFUSED);

    // The last-invoked time looks back past the window, through the (function_id, started_at) index: one probe each.
    private static final String ACTIVITY = """
            SELECT f.name,
                   count(i.function_id) AS invocations,
                   count(i.function_id) FILTER (WHERE i.outcome <> 'ok') AS errors,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY i.wall_time_us) AS p95_us,
                   (SELECT max(l.started_at) FROM invocations l WHERE l.function_id = f.id) AS last_invoked_at
              FROM functions f
              LEFT JOIN invocations i ON i.function_id = f.id AND i.started_at >= :since
             WHERE f.owner_id = :ownerId AND f.deleted_at IS NULL
             GROUP BY f.id, f.name
             ORDER BY f.name
            """;

    /** One bucket; the percentiles are null when nothing ran in it. */
    record Bucket(Instant at, long ok, long failed, long refused, Double p50Ms, Double p95Ms, Double p99Ms) {}

    /** A function's last day, for the functions list. */
    record Activity(String name, long invocations, Double errorRate, Double p95Ms, Instant lastInvokedAt) {}

    private final JdbcClient jdbc;

    InvocationMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every bucket from {@code from} (aligned to the step) to {@code to}, empty ones included. */
    List<Bucket> buckets(long functionId, Instant from, Instant to, Duration step) {
        return jdbc.sql(BUCKETS)
                .param("functionId", functionId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("step", step.toSeconds() + " seconds")
                .query((row, number) -> bucket(row))
                .list();
    }

    List<Activity> activity(long ownerId, Instant since) {
        return jdbc.sql(ACTIVITY)
                .param("ownerId", ownerId)
                .param("since", Timestamp.from(since))
                .query((row, number) -> {
                    long invocations = row.getLong("invocations");
                    Timestamp last = row.getTimestamp("last_invoked_at");
                    return new Activity(
                            row.getString("name"),
                            invocations,
                            invocations == 0 ? null : (double) row.getLong("errors") / invocations,
                            millis(row.getObject("p95_us", Double.class)),
                            last == null ? null : last.toInstant());
                })
                .list();
    }

    private static Bucket bucket(ResultSet row) throws SQLException {
        Double[] latency = percentiles(row.getArray("latency_us"));
        return new Bucket(
                row.getTimestamp("at").toInstant(),
                row.getLong("ok"),
                row.getLong("failed"),
                row.getLong("refused"),
                millis(latency[0]),
                millis(latency[1]),
                millis(latency[2]));
    }

    private static Double[] percentiles(Array array) throws SQLException {
        if (array == null) {
            return new Double[3];
        }
        return (Double[]) array.getArray();
    }

    private static Double millis(Double micros) {
        return micros == null ? null : micros / 1000.0;
    }
}
