package app.wasmcloud.api.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code schedules} table. */
@Repository
class Schedules {

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {};

    private static final String SELECT = """
            SELECT s.id, s.function_id, f.name AS function_name, s.cron, s.time_zone, s.method, s.path,
                   s.headers::text AS headers, s.body, s.paused, s.next_slot, s.last_slot, s.last_fired_at,
                   s.fired_slots, s.skipped_slots, s.created_at, s.updated_at
              FROM schedules s JOIN functions f ON f.id = s.function_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Schedules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a schedule runs and when: the fields a create or an update sets. */
    record Definition(
            CronSchedule timing, String method, String path, Map<String, List<String>> headers, byte[] body) {}

    void insert(UUID id, long functionId, Definition definition, Instant nextSlot) {
        jdbc.sql("""
                        INSERT INTO schedules (id, function_id, cron, time_zone, method, path, headers, body, next_slot)
                        VALUES (:id, :function, :cron, :zone, :method, :path, :headers::jsonb, :body, :next)""")
                .param("id", id)
                .param("function", functionId)
                .param("cron", definition.timing().cron())
                .param("zone", definition.timing().zone().getId())
                .param("method", definition.method())
                .param("path", definition.path())
                .param("headers", json.writeValueAsString(definition.headers()))
                .param("body", definition.body())
                .param("next", timestamp(nextSlot))
                .update();
    }

    void update(UUID id, Definition definition, Instant nextSlot) {
        jdbc.sql("""
                        UPDATE schedules SET cron = :cron, time_zone = :zone, method = :method, path = :path,
                            headers = :headers::jsonb, body = :body, next_slot = CASE WHEN paused THEN NULL ELSE CAST(:next AS timestamptz) END
                         WHERE id = :id""")
                .param("cron", definition.timing().cron())
                .param("zone", definition.timing().zone().getId())
                .param("method", definition.method())
                .param("path", definition.path())
                .param("headers", json.writeValueAsString(definition.headers()))
                .param("body", definition.body())
                .param("next", timestamp(nextSlot))
                .param("id", id)
                .update();
    }

    /** Pauses it (no next slot) or resumes it from {@code nextSlot}; the slots in between are not missed ones. */
    void pause(UUID id, boolean paused, Instant nextSlot) {
        jdbc.sql("UPDATE schedules SET paused = :paused, next_slot = CAST(:next AS timestamptz) WHERE id = :id")
                .param("paused", paused)
                .param("next", paused ? null : timestamp(nextSlot))
                .param("id", id)
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM schedules WHERE id = :id").param("id", id).update() == 1;
    }

    int countOf(long functionId) {
        return jdbc.sql("SELECT count(*) FROM schedules WHERE function_id = :function")
                .param("function", functionId)
                .query(Integer.class)
                .single();
    }

    /** Locks the function's row, so two creates at once cannot both take its last free schedule. */
    void lockFunction(long functionId) {
        jdbc.sql("SELECT id FROM functions WHERE id = :id FOR UPDATE")
                .param("id", functionId)
                .query(Long.class)
                .list();
    }

    List<Schedule> ofFunction(long functionId) {
        return jdbc.sql(SELECT + " WHERE s.function_id = :function ORDER BY s.created_at, s.id")
                .param("function", functionId)
                .query(this::map)
                .list();
    }

    Optional<Schedule> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /**
     * Due schedules of live functions, locked until the transaction ends; those another api-server holds are passed
     * over, not waited for.
     */
    List<Schedule> lockDue(Instant now, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE NOT s.paused AND s.next_slot <= :now AND f.deleted_at IS NULL
                         ORDER BY s.next_slot
                         LIMIT :limit
                         FOR UPDATE OF s SKIP LOCKED""")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** After a fire (or a skip): where the schedule goes next and what it counted. */
    void advance(UUID id, Instant nextSlot, Instant firedSlot, Instant now, long skipped) {
        jdbc.sql("""
                        UPDATE schedules SET next_slot = CAST(:next AS timestamptz),
                            last_slot = COALESCE(CAST(:fired AS timestamptz), last_slot),
                            last_fired_at = CASE WHEN CAST(:fired AS timestamptz) IS NULL THEN last_fired_at
                                ELSE CAST(:now AS timestamptz) END,
                            fired_slots = fired_slots + CASE WHEN CAST(:fired AS timestamptz) IS NULL THEN 0 ELSE 1 END,
                            skipped_slots = skipped_slots + :skipped
                         WHERE id = :id""")
                .param("next", timestamp(nextSlot))
                .param("fired", timestamp(firedSlot))
                .param("now", timestamp(now))
                .param("skipped", skipped)
                .param("id", id)
                .update();
    }

    private Schedule map(ResultSet row, int number) throws SQLException {
        return new Schedule(
                row.getObject("id", UUID.class),
                row.getLong("function_id"),
                row.getString("function_name"),
                row.getString("cron"),
                row.getString("time_zone"),
                row.getString("method"),
                row.getString("path"),
                json.readValue(row.getString("headers"), HEADERS),
                row.getBytes("body"),
                row.getBoolean("paused"),
                instant(row.getTimestamp("next_slot")),
                instant(row.getTimestamp("last_slot")),
                instant(row.getTimestamp("last_fired_at")),
                row.getLong("fired_slots"),
                row.getLong("skipped_slots"),
                instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("updated_at")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
