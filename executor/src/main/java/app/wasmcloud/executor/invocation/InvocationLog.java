package app.wasmcloud.executor.invocation;

import app.wasmcloud.runtime.LogLine;
import app.wasmcloud.runtime.RunResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes invocation records in batches on its own thread, so the request path never waits for the database. If the
 * database is down, records wait in a bounded queue and are retried; what does not fit is counted and logged.
 */
@Component
class InvocationLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InvocationLog.class);
    static final int QUEUE_CAPACITY = 10_000;
    static final int BATCH_SIZE = 1_000;
    /**
     * How long the writer lets a batch gather once a record has arrived. Without it, under load, every record woke the
     * writer and went out in a batch of its own: a round trip, a commit and a wake-up each.
     */
    private static final long GATHER_MILLIS = 50;

    private static final int MAX_CAPTURED_BYTES = 64 * 1024;
    /**
     * One statement per batch, its columns as arrays. Idempotent, so a batch whose commit was lost with the
     * connection can be sent again; rows of a function purged meanwhile are left out instead of failing the batch,
     * and counted: the statement returns how many.
     */
    private static final String INSERT = """
            WITH incoming AS (
                SELECT i.*, EXISTS (SELECT 1 FROM functions f WHERE f.id = i.function_id) AS known
                FROM unnest(?::uuid[], ?::int8[], ?::int8[], ?::text[], ?::timestamptz[], ?::int8[], ?::int8[],
                    ?::int4[], ?::text[], ?::int4[], ?::int8[], ?::int8[], ?::int4[], ?::jsonb[], ?::text[],
                    ?::jsonb[], ?::text[])
                    AS i (id, function_id, version_id, source, started_at, wall_time_us, cpu_time_us, http_status,
                        outcome, exit_code, bytes_in, bytes_out, peak_memory_pages, host_calls, stderr, log_lines,
                        trap_message)
            ), stored AS (
                INSERT INTO invocations (id, function_id, version_id, source, started_at, wall_time_us, cpu_time_us,
                    http_status, outcome, exit_code, bytes_in, bytes_out, peak_memory_pages, host_calls, stderr,
                    log_lines, trap_message)
                SELECT id, function_id, version_id, source, started_at, wall_time_us, cpu_time_us, http_status,
                    outcome, exit_code, bytes_in, bytes_out, peak_memory_pages, host_calls, stderr, log_lines,
                    trap_message
                FROM incoming WHERE known
                ON CONFLICT (id) DO NOTHING
            )
            SELECT count(*) FILTER (WHERE NOT known) FROM incoming
            """;

    /**
     * Stops after the web server has drained its requests ({@code DEFAULT_PHASE - 2048}), so their records are
     * still written.
     */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final BlockingQueue<InvocationRecord> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Counter written;
    private final Counter dropped;
    private volatile Thread writer;
    private volatile boolean running;

    InvocationLog(JdbcTemplate jdbc, ObjectMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.written = meters.counter("wasmcloud.invocation.records", "result", "written");
        this.dropped = meters.counter("wasmcloud.invocation.records", "result", "dropped");
    }

    void add(InvocationRecord record) {
        if (!running) {
            dropped.increment();
            log.warn("Invocation record {} dropped: the executor is stopping", record.id());
            return;
        }
        enqueue(record);
    }

    private void enqueue(InvocationRecord record) {
        if (!queue.offer(record)) {
            dropped.increment();
            log.warn("Invocation record {} dropped: the write queue is full", record.id());
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("invocation-log").daemon().start(this::drainUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = writer;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeRemaining();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void drainUntilStopped() {
        List<InvocationRecord> batch = new ArrayList<>(BATCH_SIZE);
        while (running) {
            try {
                InvocationRecord first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (queue.size() < BATCH_SIZE - 1) {
                    Thread.sleep(GATHER_MILLIS);
                }
                queue.drainTo(batch, BATCH_SIZE - 1);
                List<InvocationRecord> taken = List.copyOf(batch);
                batch.clear();
                writeRetrying(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                requeue(batch);
                return;
            }
        }
    }

    /**
     * Writes a batch, waiting out outages. A part the database refuses (SQLSTATE classes 22 and 23: the rows, not the
     * database) is split until the refused records are alone; those are dropped, counted and logged, the rest
     * written. Sending a refused part again would fail again and hold up every later record.
     */
    private void writeRetrying(List<InvocationRecord> batch) throws InterruptedException {
        Deque<List<InvocationRecord>> parts = new ArrayDeque<>();
        parts.push(batch);
        long backoffMillis = 200;
        while (!parts.isEmpty()) {
            List<InvocationRecord> part = parts.peek();
            try {
                write(part);
                parts.pop();
            } catch (RuntimeException e) {
                if (isAboutTheRows(e)) {
                    parts.pop();
                    if (part.size() == 1) {
                        dropped.increment();
                        log.error(
                                "Invocation record {} dropped, the database refuses it",
                                part.getFirst().id(),
                                e);
                    } else {
                        parts.push(part.subList(part.size() / 2, part.size()));
                        parts.push(part.subList(0, part.size() / 2));
                    }
                    continue;
                }
                // An outage must not end this thread and with it every later record.
                log.warn(
                        "Writing {} invocation records failed, retrying in {} ms: {}",
                        part.size(),
                        backoffMillis,
                        e.getMessage());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException stopping) {
                    parts.forEach(this::requeue);
                    throw stopping;
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    private static boolean isAboutTheRows(RuntimeException e) {
        return e instanceof DataAccessException access
                && access.getMostSpecificCause() instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"));
    }

    private void requeue(List<InvocationRecord> records) {
        records.forEach(this::enqueue);
    }

    /** At stop: what is left, in batches, once each; what fails is counted as dropped. */
    private void writeRemaining() {
        List<InvocationRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int from = 0; from < rest.size(); from += BATCH_SIZE) {
            List<InvocationRecord> part = rest.subList(from, Math.min(rest.size(), from + BATCH_SIZE));
            try {
                write(part);
            } catch (RuntimeException e) {
                dropped.increment(part.size());
                log.error("{} invocation records lost at shutdown: {}", part.size(), e.getMessage());
            }
        }
    }

    /**
     * Writes one batch in one statement and counts it: records of functions that no longer exist as dropped, the rest
     * as written (stored now, or by an earlier attempt whose commit was acknowledged too late).
     */
    private void write(List<InvocationRecord> batch) {
        long ofPurgedFunctions = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                Columns columns = new Columns(batch.size());
                batch.forEach(columns::add);
                columns.bind(connection, insert);
                try (ResultSet result = insert.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
        written.increment(batch.size() - ofPurgedFunctions);
        if (ofPurgedFunctions > 0) {
            dropped.increment(ofPurgedFunctions);
            log.warn("{} invocation records of deleted functions dropped", ofPurgedFunctions);
        }
    }

    /** The batch column by column, as the statement's arrays take it. */
    private final class Columns {

        private final UUID[] ids;
        private final Long[] functionIds;
        private final Long[] versionIds;
        private final String[] sources;
        private final Timestamp[] startedAt;
        private final Long[] wallTimeUs;
        private final Long[] cpuTimeUs;
        private final Integer[] httpStatuses;
        private final String[] outcomes;
        private final Integer[] exitCodes;
        private final Long[] bytesIn;
        private final Long[] bytesOut;
        private final Integer[] peakMemoryPages;
        private final String[] hostCalls;
        private final String[] stderr;
        private final String[] logLines;
        private final String[] trapMessages;
        private int next;

        Columns(int rows) {
            ids = new UUID[rows];
            functionIds = new Long[rows];
            versionIds = new Long[rows];
            sources = new String[rows];
            startedAt = new Timestamp[rows];
            wallTimeUs = new Long[rows];
            cpuTimeUs = new Long[rows];
            httpStatuses = new Integer[rows];
            outcomes = new String[rows];
            exitCodes = new Integer[rows];
            bytesIn = new Long[rows];
            bytesOut = new Long[rows];
            peakMemoryPages = new Integer[rows];
            hostCalls = new String[rows];
            stderr = new String[rows];
            logLines = new String[rows];
            trapMessages = new String[rows];
        }

        void add(InvocationRecord record) {
            RunResult result = record.result();
            int row = next++;
            ids[row] = record.id();
            functionIds[row] = record.functionId();
            versionIds[row] = record.versionId();
            sources[row] = record.source().label();
            startedAt[row] = Timestamp.from(record.startedAt());
            wallTimeUs[row] = result == null ? 0 : result.wallNanos() / 1_000;
            cpuTimeUs[row] = result == null ? 0 : result.cpuNanos() / 1_000;
            httpStatuses[row] = record.httpStatus();
            outcomes[row] = record.outcome().label();
            exitCodes[row] = result == null ? null : result.exitCode();
            bytesIn[row] = record.bytesIn();
            bytesOut[row] = record.bytesOut();
            peakMemoryPages[row] = result == null ? 0 : result.peakMemoryPages();
            hostCalls[row] = json.writeValueAsString(result == null ? Map.of() : result.hostCalls());
            stderr[row] = result == null ? "" : captured(result.stderr());
            logLines[row] = json.writeValueAsString(result == null ? List.of() : logLines(result.logLines()));
            trapMessages[row] = result == null || result.trapMessage() == null
                    ? null
                    : result.trapMessage().replace('\0', '\uFFFD');
        }

        void bind(Connection connection, PreparedStatement insert) throws SQLException {
            Object[][] arrays = {
                ids,
                functionIds,
                versionIds,
                sources,
                startedAt,
                wallTimeUs,
                cpuTimeUs,
                httpStatuses,
                outcomes,
                exitCodes,
                bytesIn,
                bytesOut,
                peakMemoryPages,
                hostCalls,
                stderr,
                logLines,
                trapMessages
            };
            String[] types = {
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
                "text"
            };
            for (int i = 0; i < arrays.length; i++) {
                insert.setArray(i + 1, connection.createArrayOf(types[i], arrays[i]));
            }
        }
    }

    private static String captured(byte[] bytes) {
        int length = Math.min(bytes.length, MAX_CAPTURED_BYTES);
        // PostgreSQL text cannot hold NUL; the rest of invalid UTF-8 is replaced by the decoder.
        return new String(bytes, 0, length, StandardCharsets.UTF_8).replace('\0', '\uFFFD');
    }

    private static List<Map<String, Object>> logLines(List<LogLine> lines) {
        return lines.stream()
                .map(line -> Map.<String, Object>of(
                        "level", line.level(), "message", line.message().replace('\0', '\uFFFD')))
                .toList();
    }
}
