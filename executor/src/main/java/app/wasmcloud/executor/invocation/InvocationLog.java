package app.wasmcloud.executor.invocation;

import app.wasmcloud.runtime.LogLine;
import app.wasmcloud.runtime.RunResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
    private static final int QUEUE_CAPACITY = 10_000;
    private static final int BATCH_SIZE = 500;
    private static final int MAX_CAPTURED_BYTES = 64 * 1024;
    private static final String INSERT = """
            INSERT INTO invocations (id, function_id, version_id, source, started_at, wall_time_us, cpu_time_us,
                http_status, outcome, exit_code, bytes_in, bytes_out, peak_memory_pages, host_calls, stderr,
                log_lines, trap_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
            """;

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

    private void drainUntilStopped() {
        List<InvocationRecord> batch = new ArrayList<>(BATCH_SIZE);
        while (running) {
            try {
                InvocationRecord first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH_SIZE - 1);
                writeRetrying(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                requeue(batch);
                return;
            }
        }
    }

    private void writeRetrying(List<InvocationRecord> batch) throws InterruptedException {
        long backoffMillis = 200;
        while (true) {
            try {
                write(batch);
                return;
            } catch (RuntimeException e) {
                // An outage must not end this thread and with it every later record. (The driver must be 42.7.13 or
                // later: older ones throw AssertionError under -ea for a connection closed mid-batch, pgjdbc#1458.)
                log.warn(
                        "Writing {} invocation records failed, retrying in {} ms: {}",
                        batch.size(),
                        backoffMillis,
                        e.getMessage());
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    private void requeue(List<InvocationRecord> batch) {
        batch.forEach(this::add);
        batch.clear();
    }

    private void writeRemaining() {
        List<InvocationRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (rest.isEmpty()) {
            return;
        }
        try {
            write(rest);
        } catch (RuntimeException e) {
            dropped.increment(rest.size());
            log.error("{} invocation records lost at shutdown: {}", rest.size(), e.getMessage());
        }
    }

    private void write(List<InvocationRecord> batch) {
        jdbc.batchUpdate(INSERT, batch, batch.size(), (statement, record) -> {
            RunResult result = record.result();
            statement.setObject(1, record.id());
            statement.setLong(2, record.functionId());
            statement.setLong(3, record.versionId());
            statement.setString(4, record.source().name().toLowerCase());
            statement.setTimestamp(5, Timestamp.from(record.startedAt()));
            statement.setLong(6, result == null ? 0 : result.wallNanos() / 1_000);
            statement.setLong(7, result == null ? 0 : result.cpuNanos() / 1_000);
            statement.setInt(8, record.httpStatus());
            statement.setString(9, record.outcome().label());
            statement.setObject(10, result == null ? null : result.exitCode());
            statement.setLong(11, record.bytesIn());
            statement.setLong(12, record.bytesOut());
            statement.setInt(13, result == null ? 0 : result.peakMemoryPages());
            statement.setString(14, json.writeValueAsString(result == null ? Map.of() : result.hostCalls()));
            statement.setString(15, result == null ? "" : captured(result.stderr()));
            statement.setString(16, json.writeValueAsString(result == null ? List.of() : logLines(result.logLines())));
            statement.setString(17, result == null ? null : result.trapMessage());
        });
        written.increment(batch.size());
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
