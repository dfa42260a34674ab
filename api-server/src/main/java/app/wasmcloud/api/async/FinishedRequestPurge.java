package app.wasmcloud.api.async;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes succeeded background requests after the retention period, in small batches; dead letters stay. */
@Component
class FinishedRequestPurge {

    private static final Logger log = LoggerFactory.getLogger(FinishedRequestPurge.class);
    private static final int BATCH = 1000;

    private final AsyncRequests requests;
    private final AsyncProperties properties;
    private final Clock clock;

    FinishedRequestPurge(AsyncRequests requests, AsyncProperties properties, Clock clock) {
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${wasmcloud.invocations.prune-interval:1h}", initialDelayString = "1m")
    void purge() {
        try {
            int deleted;
            do {
                deleted = requests.deleteSucceededBefore(clock.instant().minus(properties.retention()), BATCH);
            } while (deleted == BATCH);
        } catch (DataAccessException e) {
            log.warn("Old background requests were not purged this time: {}", e.getMessage());
        }
    }
}
