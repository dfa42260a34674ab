package app.wasmcloud.api.recording;

import app.wasmcloud.api.invocation.InvocationProperties;
import app.wasmcloud.api.storage.ReplayStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes recordings past the invocation records' retention, objects first and then their rows, so a recording never
 * outlives its invocation and a failed delete is tried again on the next run.
 */
@Component
public class RecordingRetention {

    private static final Logger log = LoggerFactory.getLogger(RecordingRetention.class);

    private static final int BATCH = 500;

    private final RecordingRows rows;
    private final ReplayStore store;
    private final InvocationProperties properties;
    private final Clock clock;

    RecordingRetention(RecordingRows rows, ReplayStore store, InvocationProperties properties, Clock clock) {
        this.rows = rows;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${wasmcloud.invocations.prune-interval:1h}",
            fixedDelayString = "${wasmcloud.invocations.prune-interval:1h}")
    public int prune() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int total = 0;
        List<UUID> expired;
        do {
            expired = rows.startedBefore(cutoff, BATCH);
            if (expired.isEmpty()) {
                break;
            }
            expired.forEach(store::deleteRecording);
            rows.delete(expired);
            total += expired.size();
        } while (expired.size() == BATCH);
        if (total > 0) {
            log.info("Pruned {} recordings of invocations started before {}", total, cutoff);
        }
        return total;
    }
}
