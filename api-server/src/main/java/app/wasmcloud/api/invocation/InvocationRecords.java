package app.wasmcloud.api.invocation;

import app.wasmcloud.contract.InvocationFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code invocations} table, which executors write in batches. Plain SQL rather than JPA: the rows are
 * never changed here, and their JSON columns are passed through as they are.
 */
@Repository
class InvocationRecords {

    private static final String COLUMNS = """
            SELECT i.id, f.name AS function_name, f.owner_id, v.number AS version, i.source, i.started_at,
                   i.wall_time_us, i.cpu_time_us, i.http_status, i.outcome, i.exit_code, i.bytes_in, i.bytes_out,
                   i.peak_memory_pages, i.host_calls::text AS host_calls, i.stderr, i.log_lines::text AS log_lines,
                   i.trap_message, i.async_request_id, i.attempt
              FROM invocations i
              JOIN functions f ON f.id = i.function_id
              LEFT JOIN function_versions v ON v.id = i.version_id
            """;

    /** One invocation in full, and whose it is, which the API checks but does not show. */
    record Invocation(long ownerId, InvocationDetail detail) {

        UUID id() {
            return detail.summary().id();
        }

        Instant startedAt() {
            return detail.summary().facts().startedAt();
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InvocationRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** HTTP statuses from {@code low} to {@code high}, both included: one code, or a class such as 5xx. */
    record StatusRange(int low, int high) {}

    /** What a list asks for; a null field does not filter. */
    record Filter(String outcome, StatusRange status, Instant since, int limit) {}

    /** Newest first. */
    List<Invocation> newest(long functionId, Filter filter) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE i.function_id = :function");
        if (filter.outcome() != null) {
            sql.append(" AND i.outcome = :outcome");
        }
        if (filter.status() != null) {
            sql.append(" AND i.http_status BETWEEN :statusLow AND :statusHigh");
        }
        if (filter.since() != null) {
            sql.append(" AND i.started_at >= :since");
        }
        sql.append(" ORDER BY i.started_at DESC, i.id LIMIT :limit");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("function", functionId).param("limit", filter.limit());
        if (filter.outcome() != null) {
            statement = statement.param("outcome", filter.outcome());
        }
        if (filter.status() != null) {
            statement = statement
                    .param("statusLow", filter.status().low())
                    .param("statusHigh", filter.status().high());
        }
        if (filter.since() != null) {
            statement = statement.param("since", java.sql.Timestamp.from(filter.since()));
        }
        return statement.query(this::map).list();
    }

    /** Oldest first, from {@code after} on: what a live stream sends next. */
    List<Invocation> startedSince(long functionId, Instant after, int limit) {
        return jdbc.sql(COLUMNS + " WHERE i.function_id = :function AND i.started_at >= :after"
                        + " ORDER BY i.started_at, i.id LIMIT :limit")
                .param("function", functionId)
                .param("after", java.sql.Timestamp.from(after))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    Optional<Invocation> find(UUID id) {
        return jdbc.sql(COLUMNS + " WHERE i.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Deletes up to {@code batch} records started before the cutoff; returns how many went. */
    int deleteStartedBefore(Instant cutoff, int batch) {
        return jdbc.sql("DELETE FROM invocations WHERE id IN"
                        + " (SELECT id FROM invocations WHERE started_at < :cutoff LIMIT :batch)")
                .param("cutoff", java.sql.Timestamp.from(cutoff))
                .param("batch", batch)
                .update();
    }

    private Invocation map(ResultSet row, int number) throws SQLException {
        InvocationFacts facts = new InvocationFacts(
                row.getString("source"),
                row.getTimestamp("started_at").toInstant(),
                row.getLong("wall_time_us"),
                row.getLong("cpu_time_us"),
                row.getInt("http_status"),
                row.getString("outcome"),
                (Integer) row.getObject("exit_code"),
                row.getLong("bytes_in"),
                row.getLong("bytes_out"),
                row.getInt("peak_memory_pages"),
                row.getObject("async_request_id", UUID.class),
                (Integer) row.getObject("attempt"));
        InvocationSummary summary = new InvocationSummary(
                row.getObject("id", UUID.class),
                row.getString("function_name"),
                (Integer) row.getObject("version"),
                facts);
        return new Invocation(
                row.getLong("owner_id"),
                new InvocationDetail(
                        summary,
                        json.readTree(row.getString("host_calls")),
                        row.getString("stderr"),
                        json.readTree(row.getString("log_lines")),
                        row.getString("trap_message")));
    }
}
