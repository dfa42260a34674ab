package app.wasmcloud.executor.module;

import app.wasmcloud.objectstore.FilesystemObjectStore;
import app.wasmcloud.objectstore.ObjectStore;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.objectstore.S3ObjectStore;
import app.wasmcloud.runtime.ModuleCompiler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where an executor's modules come from and how many it keeps compiled ({@code wasmcloud.executor.*}).
 *
 * @param moduleStore where modules come from: {@code filesystem} (dev and single-machine setups) or {@code s3} (an S3
 *     API such as Backblaze B2, configured under {@code wasmcloud.executor.s3}, fronted by the disk cache)
 * @param moduleStoreRoot the filesystem module store shared with the api-server, when {@code module-store=filesystem}
 * @param diskCacheDir where modules fetched from S3 are kept, so a restart warms up without the network
 * @param diskCacheMaxBytes the disk cache's size bound; least recently used modules are deleted past it
 * @param compiledModulesMaxCount compiled modules kept in memory at most
 * @param compiledModulesMaxBytes total wasm bytes of the compiled modules kept in memory at most (compiled classes
 *     grow with the module, so this bounds heap and Metaspace)
 * @param compiledClassCacheDir where compiled modules' JVM classes are kept, so a restarted executor loads them instead
 *     of compiling again; blank disables it. Holds executable code: only this service may write there
 * @param compiledClassCacheMaxBytes the compiled-class cache's size bound; least recently used modules go past it
 * @param fetchCompiledClasses look for the classes the api-server compiled at upload in the module store before
 *     compiling a module here; they are executable code, so this trusts whoever can write that store to run code in
 *     executors. Off, every executor compiles each module itself (and keeps it in {@code compiled-class-cache-dir})
 * @param s3 the bucket modules are fetched from when {@code module-store=s3}; credentials from the environment
 *     ({@code WASMCLOUD_EXECUTOR_S3_ACCESS_KEY_ID}, {@code WASMCLOUD_EXECUTOR_S3_SECRET_ACCESS_KEY})
 * @param compile how modules are compiled: on a pool of their own, within a time and an allocation budget; each value
 *     left out takes the runtime's default ({@link ModuleCompiler.Budget#DEFAULTS})
 */
@ConfigurationProperties("wasmcloud.executor")
public record ModuleProperties(
        @DefaultValue("filesystem") ModuleStoreType moduleStore,
        @DefaultValue(".dev/modules") Path moduleStoreRoot,
        @DefaultValue(".dev/module-cache") Path diskCacheDir,
        @DefaultValue("1GB") DataSize diskCacheMaxBytes,
        @DefaultValue("256") int compiledModulesMaxCount,
        @DefaultValue("256MB") DataSize compiledModulesMaxBytes,
        // A string, not a Path: a blank Path binds as absent and would fall back to the default instead of disabling.
        @DefaultValue(".dev/compiled-classes") String compiledClassCacheDir,
        @DefaultValue("1GB") DataSize compiledClassCacheMaxBytes,
        @DefaultValue("true") boolean fetchCompiledClasses,
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

    /** The module store this names, opened for one caller, who closes it. */
    public ObjectStore openModuleStore() {
        return switch (moduleStore) {
            case FILESYSTEM -> new FilesystemObjectStore(moduleStoreRoot);
            case S3 -> S3ObjectStore.open(s3.requireNamed("wasmcloud.executor.s3"));
        };
    }

    /** The compiled-class cache's directory, or empty when the cache is disabled. */
    public Optional<Path> compiledClassCacheDirectory() {
        return compiledClassCacheDir == null || compiledClassCacheDir.isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(compiledClassCacheDir.strip()));
    }
}
