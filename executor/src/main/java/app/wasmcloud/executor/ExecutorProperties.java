package app.wasmcloud.executor;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings of an executor.
 *
 * @param runDomain host-style URLs are {@code <function>.<runDomain>}; path-style everywhere else
 * @param moduleStoreRoot the filesystem module store shared with the api-server (dev and single-machine setups)
 * @param poolThreads guest threads; 0 means two per core
 * @param guestStackBytes stack size of each guest thread, which bounds guest recursion depth
 * @param defaultTimeout a function's wall-clock limit unless it sets its own
 * @param maxTimeout the most a function may ask for
 * @param defaultMemoryPages a function's memory cap in 64 KiB pages unless it sets its own
 * @param maxMemoryPages the most a function may ask for
 * @param maxRequestBytes request bodies above this are refused with 413 before they are read
 * @param maxResponseBytes stdout above this ends the invocation (502)
 * @param serviceTokenSecret base64 HMAC key the api-server signs service tokens with
 */
@ConfigurationProperties("wasmcloud.executor")
public record ExecutorProperties(
        @DefaultValue("run.localhost") String runDomain,
        @DefaultValue(".dev/modules") Path moduleStoreRoot,
        @DefaultValue("0") int poolThreads,
        @DefaultValue("8388608") long guestStackBytes,
        @DefaultValue("10s") Duration defaultTimeout,
        @DefaultValue("60s") Duration maxTimeout,
        @DefaultValue("256") int defaultMemoryPages,
        @DefaultValue("4096") int maxMemoryPages,
        @DefaultValue("10485760") int maxRequestBytes,
        @DefaultValue("10485760") int maxResponseBytes,
        String serviceTokenSecret) {

    public int effectivePoolThreads() {
        return poolThreads > 0 ? poolThreads : 2 * Runtime.getRuntime().availableProcessors();
    }
}
