package app.wasmcloud.api.invocation;

import app.wasmcloud.contract.InvocationOrigin;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Records invocations through the API that no executor answered, which no executor can record: the caller got a 502
 * and should find it in the function's log like any other failure. Everything else in {@code invocations} is written
 * by the executors.
 */
@Repository
class UnansweredInvocations {

    private static final Logger log = LoggerFactory.getLogger(UnansweredInvocations.class);

    /** The executors' outcome for an invocation that could not be served, with the status the caller got. */
    static final String OUTCOME = "unavailable";

    static final int HTTP_STATUS = 502;

    private final JdbcClient jdbc;
    private final Clock clock;

    UnansweredInvocations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records it and returns its id, or empty when even that fails (the database may be the reason the executor
     * failed); the caller is told about the failure either way.
     */
    Optional<UUID> record(long functionId, long versionId, InvocationOrigin origin, Instant startedAt, long bytesIn) {
        // A random id: these rows are rare, so the executors' time-ordered ids buy nothing here.
        UUID id = UUID.randomUUID();
        long wallTimeUs = Duration.between(startedAt, clock.instant()).toNanos() / 1_000;
        try {
            jdbc.sql("""
                            INSERT INTO invocations (id, function_id, version_id, source, started_at, wall_time_us,
                                cpu_time_us, http_status, outcome, bytes_in, bytes_out, peak_memory_pages, host_calls,
                                stderr, log_lines, async_request_id, attempt)
                            VALUES (:id, :function, :version, :source, :started, :wall, 0, :status, :outcome, :in, 0,
                                0, '{}', '', '[]', :request, :attempt)""")
                    .param("id", id)
                    .param("function", functionId)
                    .param("version", versionId)
                    .param("source", origin.source().label())
                    .param("request", origin.asyncRequestId())
                    .param("attempt", origin.attempt())
                    .param("started", Timestamp.from(startedAt))
                    .param("wall", Math.max(0, wallTimeUs))
                    .param("status", HTTP_STATUS)
                    .param("outcome", OUTCOME)
                    .param("in", bytesIn)
                    .update();
            return Optional.of(id);
        } catch (DataAccessException e) {
            log.error("An unanswered invocation of function {} could not be recorded: {}", functionId, e.getMessage());
            return Optional.empty();
        }
    }
}
