package app.wasmcloud.api.invocation;

import app.wasmcloud.runtime.cgi.RequestBodyLimit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Invocation records: how long they are kept and how they are served.
 *
 * @param retention records older than this are deleted
 * @param pruneInterval how often the retention job runs (read by {@link InvocationRetention}'s schedule)
 * @param maxListLimit the most records one list request returns
 * @param streamPollInterval how often a live log stream looks for new records
 * @param streamLookback how far behind the newest record a stream keeps looking, since executors insert in batches
 *     and a record can arrive after a newer one
 * @param streamTimeout how long one live stream stays open before the client must reconnect
 * @param streamHeartbeat how often an idle stream sends a comment, so a gone client is noticed and proxies keep it open
 * @param maxInvokeBody the largest request body {@code POST /api/functions/{name}/invoke} passes on (413 above it);
 *     by default the platform's, as the executors' {@code wasmcloud.executor.max-request-bytes}; a body the executor
 *     refuses gets the executor's 413, passed through
 */
@ConfigurationProperties("wasmcloud.invocations")
public record InvocationProperties(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue("500") int maxListLimit,
        @DefaultValue("500ms") Duration streamPollInterval,
        @DefaultValue("30s") Duration streamLookback,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("15s") Duration streamHeartbeat,

        @DefaultValue(RequestBodyLimit.PLATFORM_DEFAULT_SIZE)
        DataSize maxInvokeBody) {

    public InvocationProperties {
        if (maxInvokeBody.toBytes() < 0 || maxInvokeBody.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "wasmcloud.invocations.max-invoke-body must be from 0 to 2 GiB (exclusive), not " + maxInvokeBody);
        }
    }
}
