package app.wasmcloud.api.async;

import app.wasmcloud.contract.InvocationSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code async_requests} table: the durable queue of background requests. Claims use {@code FOR UPDATE SKIP
 * LOCKED}, so any number of api-servers can work the one queue without taking the same request twice; every change
 * of an attempt's result names the attempt, so a worker whose lease was taken over cannot overwrite its successor.
 */
@Repository
public class AsyncRequests {

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {};

    private static final String COLUMNS = columns("r");

    /** The columns a request is read from, its own under {@code alias}, its function's as {@code f}. */
    private static String columns(String alias) {
        return """
                %1$s.id, %1$s.function_id, f.name AS function_name, f.owner_id, %1$s.source, %1$s.schedule_id,
                %1$s.slot, %1$s.method, %1$s.path, %1$s.headers::text AS headers, %1$s.body, %1$s.callback_url,
                %1$s.state, %1$s.attempts, %1$s.max_attempts, %1$s.lost_attempts, %1$s.next_attempt_at,
                %1$s.last_invocation_id, %1$s.last_status, %1$s.last_error,
                %1$s.response_headers::text AS response_headers, %1$s.response_body, %1$s.callback_result,
                %1$s.created_at, %1$s.finished_at
                """.formatted(alias);
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AsyncRequests(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a new request runs. */
    public record NewRequest(
            long functionId,
            InvocationSource source,
            String method,
            String path,
            Map<String, List<String>> headers,
            byte[] body,
            String callbackUrl,
            int maxAttempts) {}

    /** Stores a request due now; returns its id. */
    public UUID insert(NewRequest request, Instant now) {
        UUID id = UUID.randomUUID();
        insert(id, request, null, null, now);
        return id;
    }

    /**
     * Stores the request a schedule makes at one of its slots, unless that slot already has one; returns whether it
     * was stored.
     */
    public boolean insertForSlot(NewRequest request, UUID scheduleId, Instant slot, Instant now) {
        return insert(UUID.randomUUID(), request, scheduleId, slot, now) == 1;
    }

    private int insert(UUID id, NewRequest request, UUID scheduleId, Instant slot, Instant now) {
        return jdbc.sql("""
                        INSERT INTO async_requests (id, function_id, source, schedule_id, slot, method, path, headers,
                            body, callback_url, state, max_attempts, next_attempt_at)
                        VALUES (:id, :function, :source, :schedule, :slot, :method, :path, :headers::jsonb, :body,
                            :callback, 'queued', :maxAttempts, :now)
                        ON CONFLICT DO NOTHING""")
                .param("id", id)
                .param("function", request.functionId())
                .param("source", request.source().label())
                .param("schedule", scheduleId)
                .param("slot", slot == null ? null : Timestamp.from(slot))
                .param("method", request.method())
                .param("path", request.path())
                .param("headers", json.writeValueAsString(request.headers()))
                .param("body", request.body())
                .param("callback", request.callbackUrl())
                .param("maxAttempts", request.maxAttempts())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Requests of the function that wait for an attempt or have one running: what the queue limit counts. */
    public int countWaiting(long functionId) {
        return jdbc.sql("SELECT count(*) FROM async_requests WHERE function_id = :function"
                        + " AND state IN ('queued', 'running')")
                .param("function", functionId)
                .query(Integer.class)
                .single();
    }

    /**
     * Claims up to {@code limit} due requests for this worker and starts their next attempt: a queued request whose
     * time has come, or a running one whose lease ran out because its worker stopped (that attempt is counted as
     * lost and said so in {@code last_error}). Each claim holds a lease until {@code now + lease}.
     */
    List<AsyncRequest> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT id FROM async_requests
                             WHERE state IN ('queued', 'running') AND next_attempt_at <= :now
                             ORDER BY next_attempt_at
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED
                        ), claimed AS (
                            UPDATE async_requests r
                               SET lost_attempts = r.lost_attempts + (CASE WHEN r.state = 'running' THEN 1 ELSE 0 END),
                                   last_error = CASE WHEN r.state = 'running'
                                       THEN 'Attempt ' || r.attempts || ' was interrupted: the worker running it'
                                           || ' stopped, so it was tried again'
                                       ELSE r.last_error END,
                                   state = 'running',
                                   attempts = r.attempts + 1,
                                   next_attempt_at = :leaseUntil
                              FROM due
                             WHERE r.id = due.id
                            RETURNING r.*
                        )
                        SELECT\s""" + columns("c") + """
                          FROM claimed c JOIN functions f ON f.id = c.function_id
                        """)
                .param("now", Timestamp.from(now))
                .param("leaseUntil", Timestamp.from(now.plus(lease)))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** The attempt answered: the request is done and keeps the function's answer. */
    boolean succeed(
            AsyncRequest claim,
            UUID invocationId,
            int status,
            Map<String, List<String>> headers,
            byte[] body,
            Instant now) {
        return jdbc.sql("""
                        UPDATE async_requests SET state = 'succeeded', last_invocation_id = :invocation,
                            last_status = :status, response_headers = :headers::jsonb,
                            response_body = :body, finished_at = :now, next_attempt_at = :now
                         WHERE id = :id AND state = 'running' AND attempts = :attempt""")
                        .param("invocation", invocationId)
                        .param("status", status)
                        .param("headers", json.writeValueAsString(headers))
                        .param("body", body)
                        .param("now", Timestamp.from(now))
                        .param("id", claim.id())
                        .param("attempt", claim.attempts())
                        .update()
                == 1;
    }

    /** The attempt failed and another is due at {@code next}. */
    boolean retryAt(AsyncRequest claim, UUID invocationId, Integer status, String error, Instant next) {
        return fail(claim, invocationId, status, error, "queued", next, null);
    }

    /** The last attempt failed: the request waits in the dead-letter list. */
    boolean deadLetter(AsyncRequest claim, UUID invocationId, Integer status, String error, Instant now) {
        return fail(claim, invocationId, status, error, "dead_lettered", now, now);
    }

    private boolean fail(
            AsyncRequest claim,
            UUID invocationId,
            Integer status,
            String error,
            String state,
            Instant next,
            Instant finished) {
        return jdbc.sql("""
                        UPDATE async_requests SET state = :state, last_invocation_id = :invocation,
                            last_status = :status, last_error = :error, next_attempt_at = :next, finished_at = :finished
                         WHERE id = :id AND state = 'running' AND attempts = :attempt""")
                        .param("state", state)
                        .param("invocation", invocationId)
                        .param("status", status)
                        .param("error", error)
                        .param("next", Timestamp.from(next))
                        .param("finished", finished == null ? null : Timestamp.from(finished))
                        .param("id", claim.id())
                        .param("attempt", claim.attempts())
                        .update()
                == 1;
    }

    void recordCallback(UUID id, String result) {
        jdbc.sql("UPDATE async_requests SET callback_result = :result WHERE id = :id")
                .param("result", result)
                .param("id", id)
                .update();
    }

    Optional<AsyncRequest> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM async_requests r JOIN functions f ON f.id = r.function_id"
                        + " WHERE r.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The function's dead letters, newest first. */
    List<AsyncRequest> deadLetters(long functionId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM async_requests r JOIN functions f ON f.id = r.function_id"
                        + " WHERE r.function_id = :function AND r.state = 'dead_lettered'"
                        + " ORDER BY r.finished_at DESC, r.id LIMIT :limit")
                .param("function", functionId)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /**
     * Sends a dead letter back to the queue with {@code moreAttempts} further attempts, due now; the numbering goes
     * on, so every attempt's invocation record stays distinct. Returns whether it was a dead letter.
     */
    boolean requeue(UUID id, int moreAttempts, Instant now) {
        return jdbc.sql("""
                        UPDATE async_requests SET state = 'queued', max_attempts = attempts - lost_attempts + :more,
                            next_attempt_at = :now, finished_at = NULL
                         WHERE id = :id AND state = 'dead_lettered'""")
                        .param("more", moreAttempts)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Deletes a dead letter; returns whether there was one. */
    boolean discard(UUID id) {
        return jdbc.sql("DELETE FROM async_requests WHERE id = :id AND state = 'dead_lettered'")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Deletes up to {@code batch} succeeded requests finished before the cutoff; returns how many went. */
    int deleteSucceededBefore(Instant cutoff, int batch) {
        return jdbc.sql("DELETE FROM async_requests WHERE id IN (SELECT id FROM async_requests"
                        + " WHERE state = 'succeeded' AND finished_at < :cutoff LIMIT :batch)")
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", batch)
                .update();
    }

    /** How many requests are in each state, for the gauges. */
    Map<RequestState, Long> countByState() {
        Map<RequestState, Long> counts = new java.util.EnumMap<>(RequestState.class);
        for (RequestState state : RequestState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("SELECT state, count(*) AS n FROM async_requests GROUP BY state")
                .query((row, n) -> Map.entry(RequestState.parse(row.getString("state")), row.getLong("n")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** The invocation records of the request's attempts, first attempt first. */
    List<Attempt> attemptsOf(UUID id) {
        return jdbc.sql("""
                        SELECT id, attempt, started_at, http_status, outcome FROM invocations
                         WHERE async_request_id = :id ORDER BY attempt, started_at""")
                .param("id", id)
                .query((row, n) -> new Attempt(
                        row.getObject("id", UUID.class),
                        row.getInt("attempt"),
                        row.getTimestamp("started_at").toInstant(),
                        row.getInt("http_status"),
                        row.getString("outcome")))
                .list();
    }

    /** The version a request of this function runs now: empty once the function is deleted or has no version. */
    Optional<Long> activeVersionOf(long functionId) {
        return jdbc.sql("SELECT active_version_id FROM functions WHERE id = :id AND deleted_at IS NULL"
                        + " AND active_version_id IS NOT NULL")
                .param("id", functionId)
                .query(Long.class)
                .optional();
    }

    /** One attempt as its invocation record tells it. */
    record Attempt(UUID invocationId, int attempt, Instant startedAt, int httpStatus, String outcome) {}

    private AsyncRequest map(ResultSet row, int number) throws SQLException {
        String responseHeaders = row.getString("response_headers");
        return new AsyncRequest(
                row.getObject("id", UUID.class),
                row.getLong("function_id"),
                row.getString("function_name"),
                row.getLong("owner_id"),
                InvocationSource.valueOf(row.getString("source").toUpperCase(Locale.ROOT)),
                row.getObject("schedule_id", UUID.class),
                instant(row.getTimestamp("slot")),
                row.getString("method"),
                row.getString("path"),
                json.readValue(row.getString("headers"), HEADERS),
                row.getBytes("body"),
                row.getString("callback_url"),
                RequestState.parse(row.getString("state")),
                row.getInt("attempts"),
                row.getInt("max_attempts"),
                row.getInt("lost_attempts"),
                instant(row.getTimestamp("next_attempt_at")),
                row.getObject("last_invocation_id", UUID.class),
                (Integer) row.getObject("last_status"),
                row.getString("last_error"),
                responseHeaders == null ? null : json.readValue(responseHeaders, HEADERS),
                row.getBytes("response_body"),
                row.getString("callback_result"),
                instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
