package app.wasmcloud.executor.recording;

import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.objectstore.ObjectStore;
import app.wasmcloud.objectstore.RecordingKeys;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.Recordings;
import app.wasmcloud.runtime.cgi.CgiReply;
import app.wasmcloud.runtime.cgi.CgiRequest;
import app.wasmcloud.runtime.cgi.Header;
import app.wasmcloud.runtime.replay.Recorder;
import app.wasmcloud.runtime.replay.Recording;
import app.wasmcloud.runtime.replay.RecordingFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores recordings off the request path: the runner hands over what the recorder kept, and one background thread
 * encodes it, checks the function's count, puts it in the store and counts it in the database. When the queue is full
 * or the store fails, the recording is dropped and counted; the invocation never waits for it.
 */
@Component
public class RecordingUploader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecordingUploader.class);

    private final ObjectStore store;
    private final JdbcClient jdbc;
    private final RecordingProperties properties;
    private final ThreadPoolExecutor worker;
    private final Counter stored;
    private final Counter dropped;

    RecordingUploader(ObjectStore store, JdbcClient jdbc, RecordingProperties properties, MeterRegistry meters) {
        this.store = store;
        this.jdbc = jdbc;
        this.properties = properties;
        this.worker = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, properties.queue())), runnable -> {
                    Thread thread = new Thread(runnable, "recording-uploader");
                    thread.setDaemon(true);
                    return thread;
                });
        this.stored = meters.counter("wasmcloud.recordings", "result", "stored");
        this.dropped = meters.counter("wasmcloud.recordings", "result", "dropped");
    }

    /** A finished invocation's recording, kept when the function's mode says so for how it ended. */
    public void submit(
            ActiveFunction function,
            CgiRequest request,
            Limits limits,
            CgiReply reply,
            Recorder recorder,
            Instant startedAt) {
        if (reply.result() == null || !function.record().keeps(reply.outcome())) {
            return;
        }
        try {
            worker.execute(() -> store(function, request, limits, reply, recorder, startedAt));
        } catch (RejectedExecutionException full) {
            dropped.increment();
        }
    }

    private void store(
            ActiveFunction function,
            CgiRequest request,
            Limits limits,
            CgiReply reply,
            Recorder recorder,
            Instant startedAt) {
        UUID id = UUID.fromString(reply.invocationId());
        try {
            Integer kept = jdbc.sql("SELECT count(*) FROM invocation_recordings WHERE function_id = :id")
                    .param("id", function.id())
                    .query(Integer.class)
                    .single();
            if (kept >= properties.maxPerFunction()) {
                dropped.increment();
                return;
            }
            // The same inputs the exchange gave the guest: the environment is built from the request the same way.
            Invocation invocation =
                    new Invocation(request.argv(), request.environment(function.env()), request.body(), limits);
            Recording recording = Recordings.of(
                    new Recordings.Source(
                            reply.invocationId(),
                            function.name(),
                            function.versionNumber(),
                            function.entrypoint(),
                            requestOf(request)),
                    invocation,
                    reply.result(),
                    recorder.recorded(),
                    function.secretNames());
            byte[] bytes = RecordingFormat.write(recording);
            store.put(RecordingKeys.of(id), bytes, ObjectStore.BYTES);
            jdbc.sql("""
                    INSERT INTO invocation_recordings (invocation_id, function_id, version_id, bytes, started_at)
                    VALUES (:invocation, :function, :version, :bytes, :started)
                    ON CONFLICT (invocation_id) DO NOTHING""")
                    .param("invocation", id)
                    .param("function", function.id())
                    .param("version", function.versionId())
                    .param("bytes", bytes.length)
                    .param("started", Timestamp.from(startedAt))
                    .update();
            stored.increment();
        } catch (Exception e) {
            dropped.increment();
            log.warn("The recording of invocation {} was not stored: {}", id, e.getMessage());
        }
    }

    /** The request as the guest was given it: a cookie reaches the guest only on its own origin. */
    private static Recording.Request requestOf(CgiRequest request) {
        List<Recording.Field> headers = request.headers().stream()
                .filter(header -> request.passCookies() || !header.name().equalsIgnoreCase("Cookie"))
                .map(RecordingUploader::field)
                .toList();
        return new Recording.Request(request.method(), request.pathInfo(), request.queryString(), headers);
    }

    private static Recording.Field field(Header header) {
        return new Recording.Field(header.name(), header.value());
    }

    /** Whether nothing is waiting to be stored: for tests that read what was stored. */
    public boolean idle() {
        return worker.getQueue().isEmpty() && worker.getActiveCount() == 0;
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
