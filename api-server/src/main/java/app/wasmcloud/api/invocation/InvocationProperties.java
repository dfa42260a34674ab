package app.wasmcloud.api.invocation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 */
@ConfigurationProperties("wasmcloud.invocations")
record InvocationProperties(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue("500") int maxListLimit,
        @DefaultValue("500ms") Duration streamPollInterval,
        @DefaultValue("30s") Duration streamLookback,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("15s") Duration streamHeartbeat) {}
