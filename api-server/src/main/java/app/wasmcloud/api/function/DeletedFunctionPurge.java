package app.wasmcloud.api.function;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees the names of functions deleted longer ago than the grace period by removing their rows (versions, variables
 * and invocation records go with them). Module blobs stay: they are content-addressed and may be shared.
 */
@Component
public class DeletedFunctionPurge {

    private static final Logger log = LoggerFactory.getLogger(DeletedFunctionPurge.class);

    private final JdbcClient jdbc;
    private final FunctionProperties properties;
    private final Clock clock;

    DeletedFunctionPurge(JdbcClient jdbc, FunctionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "1h", fixedDelayString = "1h")
    public int purge() {
        int purged = jdbc.sql("DELETE FROM functions WHERE deleted_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(properties.deletedNameGrace())))
                .update();
        if (purged > 0) {
            log.info("Purged {} functions deleted more than {} ago", purged, properties.deletedNameGrace());
        }
        return purged;
    }
}
