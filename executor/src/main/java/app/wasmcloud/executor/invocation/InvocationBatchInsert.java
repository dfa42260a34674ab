package app.wasmcloud.executor.invocation;

import app.wasmcloud.contract.InvocationFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stores a batch of rows in one statement, its columns sent as arrays. */
final class InvocationBatchInsert {

    /**
     * Idempotent, so a batch whose commit was lost with the connection, or a journal segment replayed after a crash,
     * can be sent again; rows of a function purged meanwhile are left out instead of failing the batch, and counted:
     * the statement returns how many.
     */
    private static final String INSERT = """
            WITH incoming AS (
                SELECT i.*, EXISTS (SELECT 1 FROM functions f WHERE f.id = i.function_id) AS known
                FROM unnest(?::uuid[], ?::int8[], ?::int8[], ?::text[], ?::timestamptz[], ?::int8[], ?::int8[],
                    ?::int4[], ?::text[], ?::int4[], ?::int8[], ?::int8[], ?::int4[], ?::jsonb[], ?::text[],
                    ?::jsonb[], ?::text[], ?::uuid[], ?::int4[])
                    AS i (id, function_id, version_id, source, started_at, wall_time_us, cpu_time_us, http_status,
                        outcome, exit_code, bytes_in, bytes_out, peak_memory_pages, host_calls, stderr, log_lines,
                        trap_message, async_request_id, attempt)
            ), stored AS (
                INSERT INTO invocations (id, function_id, version_id, source, started_at, wall_time_us, cpu_time_us,
                    http_status, outcome, exit_code, bytes_in, bytes_out, peak_memory_pages, host_calls, stderr,
                    log_lines, trap_message, async_request_id, attempt)
                SELECT id, function_id, version_id, source, started_at, wall_time_us, cpu_time_us, http_status,
                    outcome, exit_code, bytes_in, bytes_out, peak_memory_pages, host_calls, stderr, log_lines,
                    trap_message, async_request_id, attempt
                FROM incoming WHERE known
                ON CONFLICT (id) DO NOTHING
            )
            SELECT count(*) FILTER (WHERE NOT known) FROM incoming
            """;

    private static final String[] TYPES = {
        "uuid",
        "int8",
        "int8",
        "text",
        "timestamptz",
        "int8",
        "int8",
        "int4",
        "text",
        "int4",
        "int8",
        "int8",
        "int4",
        "text",
        "text",
        "text",
        "text",
        "uuid",
        "int4"
    };

    private final JdbcTemplate jdbc;

    InvocationBatchInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the rows (those already stored stay as they are) and says how many were of functions now gone. */
    long store(List<InvocationRow> rows) {
        return jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(connection, insert, columns(rows));
                try (ResultSet result = insert.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    /** The rows column by column, in the statement's order. */
    private static Object[][] columns(List<InvocationRow> rows) {
        int n = rows.size();
        Object[][] columns = {
            new UUID[n], new Long[n], new Long[n], new String[n], new Timestamp[n], new Long[n], new Long[n],
            new Integer[n], new String[n], new Integer[n], new Long[n], new Long[n], new Integer[n], new String[n],
            new String[n], new String[n], new String[n], new UUID[n], new Integer[n]
        };
        for (int i = 0; i < n; i++) {
            InvocationRow row = rows.get(i);
            InvocationFacts facts = row.facts();
            Object[] values = {
                row.id(),
                row.functionId(),
                row.versionId(),
                facts.source(),
                Timestamp.from(facts.startedAt()),
                facts.wallTimeUs(),
                facts.cpuTimeUs(),
                facts.httpStatus(),
                facts.outcome(),
                facts.exitCode(),
                facts.bytesIn(),
                facts.bytesOut(),
                facts.peakMemoryPages(),
                row.hostCalls(),
                row.stderr(),
                row.logLines(),
                row.trapMessage(),
                facts.asyncRequestId(),
                facts.attempt()
            };
            for (int column = 0; column < values.length; column++) {
                columns[column][i] = values[column];
            }
        }
        return columns;
    }

    private static void bind(Connection connection, PreparedStatement insert, Object[][] columns) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            insert.setArray(i + 1, connection.createArrayOf(TYPES[i], columns[i]));
        }
    }
}
