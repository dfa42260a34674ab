package app.wasmcloud.api.invocation;

import app.wasmcloud.api.usage.UsageRollup;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes invocation records past the retention period, after rolling them up into the owners' daily usage, which
 * is kept. Every api-server runs it; deleting is idempotent, so several at once only share the work.
 */
@Component
public class InvocationRetention {

    private static final Logger log = LoggerFactory.getLogger(InvocationRetention.class);

    /** Small batches keep each delete's locks and WAL short while executors keep inserting. */
    private static final int BATCH = 5_000;

    private final InvocationRecords records;
    private final InvocationProperties properties;
    private final Clock clock;
    private final UsageRollup usage;

    InvocationRetention(InvocationRecords records, InvocationProperties properties, Clock clock, UsageRollup usage) {
        this.records = records;
        this.properties = properties;
        this.clock = clock;
        this.usage = usage;
    }

    @Scheduled(
            initialDelayString = "${wasmcloud.invocations.prune-interval:1h}",
            fixedDelayString = "${wasmcloud.invocations.prune-interval:1h}")
    public int prune() {
        Instant cutoff = clock.instant().minus(properties.retention());
        usage.rollUpBefore(cutoff);
        int total = 0;
        int deleted;
        do {
            deleted = records.deleteStartedBefore(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Pruned {} invocation records started before {}", total, cutoff);
        }
        return total;
    }
}
