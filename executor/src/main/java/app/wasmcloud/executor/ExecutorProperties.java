package app.wasmcloud.executor;

import app.wasmcloud.executor.module.ModuleStoreType;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.runtime.ModuleCompiler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Operator settings of an executor. How invocations share it is in {@code AdmissionProperties}.
 *
 * @param runDomain host-style URLs are {@code <function>.<runDomain>}; path-style everywhere else
 * @param moduleStore where modules come from: {@code filesystem} (dev and single-machine setups) or {@code s3} (an S3
 *     API such as Backblaze B2, configured under {@code wasmcloud.executor.s3}, fronted by the disk cache)
 * @param moduleStoreRoot the filesystem module store shared with the api-server, when {@code module-store=filesystem}
 * @param diskCacheDir where modules fetched from S3 are kept, so a restart warms up without the network
 * @param diskCacheMaxBytes the disk cache's size bound; least recently used modules are deleted past it
 * @param guestStackBytes stack size of the request threads that run guests, which bounds guest recursion depth
 * @param defaultTimeout a function's wall-clock limit unless it sets its own
 * @param maxTimeout the most a function may ask for
 * @param defaultMemoryPages a function's memory cap in 64 KiB pages unless it sets its own
 * @param maxMemoryPages the most a function may ask for
 * @param maxRequestBytes request bodies above this are refused with 413 before they are read
 * @param maxResponseBytes stdout above this ends the invocation (502)
 * @param serviceTokenSecret base64 HMAC key the api-server signs service tokens with
 * @param functionCacheTtl how long a found function is trusted without a notification before it is read again in
 *     the background (a safety net: changes normally arrive by NOTIFY within a second); while the database is down it
 *     is served as it was
 * @param functionMissTtl how long "no such function" is remembered, so unknown names do not hit the database on
 *     every request
 * @param functionCacheMaxEntries cached lookups (hits and misses) kept at most; past it the least valuable go, by
 *     frequency and recency, so a flood of distinct names cannot push out the functions in use
 * @param compiledModulesMaxCount compiled modules kept in memory at most
 * @param compiledModulesMaxBytes total wasm bytes of the compiled modules kept in memory at most (compiled classes
 *     grow with the module, so this bounds heap and Metaspace)
 * @param warmUpOnNotify fetch and compile a function's active version as soon as a change is notified, so the
 *     first request after a deploy does not pay for it
 * @param compiledClassCacheDir where compiled modules' JVM classes are kept, so a restarted executor loads them instead
 *     of compiling again; blank disables it. Holds executable code: only this service may write there
 * @param compiledClassCacheMaxBytes the compiled-class cache's size bound; least recently used modules go past it
 * @param s3 the bucket modules are fetched from when {@code module-store=s3}; credentials from the environment
 *     ({@code WASMCLOUD_EXECUTOR_S3_ACCESS_KEY_ID}, {@code WASMCLOUD_EXECUTOR_S3_SECRET_ACCESS_KEY})
 * @param egressAllowPrivateAddresses let allowed hosts resolve to loopback, private, link-local or metadata addresses;
 *     for tests and single-machine development only, never in production
 * @param compile how modules are compiled: on a pool of their own, within a time and an allocation budget; each value
 *     left out takes the runtime's default ({@link ModuleCompiler.Budget#DEFAULTS})
 */
@ConfigurationProperties("wasmcloud.executor")
public record ExecutorProperties(
        @DefaultValue("run.localhost") String runDomain,
        @DefaultValue("filesystem") ModuleStoreType moduleStore,
        @DefaultValue(".dev/modules") Path moduleStoreRoot,
        @DefaultValue(".dev/module-cache") Path diskCacheDir,
        @DefaultValue("1073741824") long diskCacheMaxBytes,
        @DefaultValue("8388608") long guestStackBytes,
        @DefaultValue("10s") Duration defaultTimeout,
        @DefaultValue("60s") Duration maxTimeout,
        @DefaultValue("256") int defaultMemoryPages,
        @DefaultValue("4096") int maxMemoryPages,
        @DefaultValue("10485760") int maxRequestBytes,
        @DefaultValue("10485760") int maxResponseBytes,
        String serviceTokenSecret,
        @DefaultValue("5m") Duration functionCacheTtl,
        @DefaultValue("2s") Duration functionMissTtl,
        @DefaultValue("10000") int functionCacheMaxEntries,
        @DefaultValue("256") int compiledModulesMaxCount,
        @DefaultValue("268435456") long compiledModulesMaxBytes,
        @DefaultValue("true") boolean warmUpOnNotify,
        // A string, not a Path: a blank Path binds as absent and would fall back to the default instead of disabling.
        @DefaultValue(".dev/compiled-classes") String compiledClassCacheDir,
        @DefaultValue("1073741824") long compiledClassCacheMaxBytes,
        @DefaultValue("false") boolean egressAllowPrivateAddresses,
        @DefaultValue S3Bucket s3,
        @DefaultValue Compile compile) {

    /**
     * The module compiler's pool and budgets.
     *
     * @param threads modules compiled at once
     * @param queue modules that may wait for a compiler; past it a first request gets 503 and a later one retries
     * @param timeBudget how long one compile may take before its module is refused
     * @param allocationBudget what one compile may allocate before its module is refused
     */
    public record Compile(Integer threads, Integer queue, Duration timeBudget, DataSize allocationBudget) {

        public ModuleCompiler.Budget budget() {
            return ModuleCompiler.Budget.of(
                    threads, queue, timeBudget, allocationBudget == null ? null : allocationBudget.toBytes());
        }
    }

    /** The compiled-class cache's directory, or empty when the cache is disabled. */
    public Optional<Path> compiledClassCacheDirectory() {
        return compiledClassCacheDir == null || compiledClassCacheDir.isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(compiledClassCacheDir.strip()));
    }
}
