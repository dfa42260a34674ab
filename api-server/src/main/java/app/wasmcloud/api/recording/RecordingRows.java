package app.wasmcloud.api.recording;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code invocation_recordings} rows executors write: which recordings exist, whose they are, what they ran. */
@Component
class RecordingRows {

    /** A stored recording and what deciding who may read it needs. */
    record Row(UUID invocationId, long ownerId, String function, String sha256, int bytes, Instant startedAt) {}

    private final JdbcClient jdbc;

    RecordingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID invocationId) {
        return jdbc.sql("""
                        SELECT r.invocation_id, f.owner_id, f.name, v.sha256, r.bytes, r.started_at
                          FROM invocation_recordings r
                          JOIN functions f ON f.id = r.function_id
                          LEFT JOIN function_versions v ON v.id = r.version_id
                         WHERE r.invocation_id = :id AND f.deleted_at IS NULL""")
                .param("id", invocationId)
                .query((row, n) -> new Row(
                        row.getObject("invocation_id", UUID.class),
                        row.getLong("owner_id"),
                        row.getString("name"),
                        row.getString("sha256"),
                        row.getInt("bytes"),
                        row.getTimestamp("started_at").toInstant()))
                .optional();
    }

    List<Row> newest(long functionId, int limit) {
        return jdbc.sql("""
                        SELECT r.invocation_id, f.owner_id, f.name, v.sha256, r.bytes, r.started_at
                          FROM invocation_recordings r
                          JOIN functions f ON f.id = r.function_id
                          LEFT JOIN function_versions v ON v.id = r.version_id
                         WHERE r.function_id = :function
                         ORDER BY r.started_at DESC
                         LIMIT :limit""")
                .param("function", functionId)
                .param("limit", limit)
                .query((row, n) -> new Row(
                        row.getObject("invocation_id", UUID.class),
                        row.getLong("owner_id"),
                        row.getString("name"),
                        row.getString("sha256"),
                        row.getInt("bytes"),
                        row.getTimestamp("started_at").toInstant()))
                .list();
    }

    int count(long functionId) {
        return jdbc.sql("SELECT count(*) FROM invocation_recordings WHERE function_id = :function")
                .param("function", functionId)
                .query(Integer.class)
                .single();
    }

    List<UUID> startedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                        SELECT invocation_id FROM invocation_recordings
                         WHERE started_at < :cutoff ORDER BY started_at LIMIT :batch""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", batch)
                .query(UUID.class)
                .list();
    }

    void delete(List<UUID> ids) {
        jdbc.sql("DELETE FROM invocation_recordings WHERE invocation_id IN (:ids)")
                .param("ids", ids)
                .update();
    }
}
