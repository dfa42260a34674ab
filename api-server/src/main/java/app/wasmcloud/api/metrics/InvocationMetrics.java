package app.wasmcloud.api.metrics;

import app.wasmcloud.contract.InvocationOutcome;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregates over the {@code invocations} table, computed by PostgreSQL so that only the buckets travel: counts by
 * outcome class with filtered aggregates, latency percentiles with {@code percentile_cont}, buckets with
 * {@code date_bin}. The covering index of V6 lets these read the index alone, whatever the other columns hold.
 */
@Repository
class InvocationMetrics {

    /**
     * The executor's own refusals, which the guest never ran for (the contract's unbilled outcomes, quota refusals
     * among them); every other outcome but 'ok' is a failure. Constants, so safe to inline into the SQL.
     */
    private static final String REFUSED = InvocationOutcome.unbilledLabels().stream()
            .map(label -> "'" + label + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    // date_bin aligns the window's end to the bucket after now, so every bucket is whole and the newest holds now.
    // Each bucket is its own index range scan and aggregate: one aggregate row even when empty (zero counts, null
    // percentiles), and each sort for the percentiles holds one bucket's rows, never the whole window's.
    private static final String BUCKETS = """
            WITH window_ AS (
                SELECT date_bin(CAST(:step AS interval), CAST(:now AS timestamptz), timestamptz 'epoch')
                           + CAST(:step AS interval) AS to_,
                       CAST(:step AS interval) AS step,
                       CAST(:span AS interval) AS span
            )
            SELECT b.at, s.ok, s.total - s.ok - s.refused AS failed, s.refused, s.latency_us
              FROM window_ w
             CROSS JOIN LATERAL generate_series(w.to_ - w.span, w.to_ - w.step, w.step) AS b(at)
             CROSS JOIN LATERAL (
                   SELECT count(*) AS total,
                          count(*) FILTER (WHERE i.outcome = 'ok') AS ok,
                          count(*) FILTER (WHERE i.outcome IN %s) AS refused,
                          percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY i.wall_time_us)
                              AS latency_us
                     FROM invocations i
                    WHERE i.function_id = :functionId AND i.started_at >= b.at AND i.started_at < b.at + w.step
                   ) AS s
             ORDER BY b.at
            """.formatted(REFUSED);

    // One index range and aggregate per function, like the buckets above (a join grouped by function sorted the
    // whole day's rows of every function at once). The last-invoked time looks back past the window, through the
    // (function_id, started_at) index: one probe each.
    private static final String ACTIVITY = """
            SELECT f.name, s.invocations, s.errors, s.p95_us,
                   (SELECT max(l.started_at) FROM invocations l WHERE l.function_id = f.id) AS last_invoked_at
              FROM functions f
             CROSS JOIN LATERAL (
                   SELECT count(*) AS invocations,
                          count(*) FILTER (WHERE i.outcome <> 'ok') AS errors,
                          percentile_cont(0.95) WITHIN GROUP (ORDER BY i.wall_time_us) AS p95_us
                     FROM invocations i
                    WHERE i.function_id = f.id AND i.started_at >= :since
                   ) AS s
             WHERE f.owner_id = :ownerId AND f.deleted_at IS NULL
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

    /** Every bucket of the span that ends with the one holding {@code now}, oldest first, empty ones included. */
    List<Bucket> buckets(long functionId, Instant now, Duration step, Duration span) {
        return jdbc.sql(BUCKETS)
                .param("functionId", functionId)
                .param("now", Timestamp.from(now))
                .param("step", step.toSeconds() + " seconds")
                .param("span", span.toSeconds() + " seconds")
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
