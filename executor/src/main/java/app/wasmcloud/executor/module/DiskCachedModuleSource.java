package app.wasmcloud.executor.module;

import app.wasmcloud.contract.Sha256;
import app.wasmcloud.runtime.DirectoryCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Module bytes kept on local disk in front of a remote store, so a restarted executor warms up without the network
 * and keeps serving the modules it knows while the store is unreachable. Bounded by bytes, least recently used out
 * first ({@link DirectoryCache}, whose recency survives restarts). Every read is checked against the hash the file is
 * named by; a damaged file is deleted and fetched again.
 */
final class DiskCachedModuleSource implements ModuleSource {

    private static final Logger log = LoggerFactory.getLogger(DiskCachedModuleSource.class);

    private final ModuleSource remote;
    private final DirectoryCache files;
    private final Counter hits;
    private final Counter misses;
    private final Counter damaged;
    private final Counter evictions;

    DiskCachedModuleSource(ModuleSource remote, Path directory, long maxBytes, MeterRegistry meters)
            throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("wasmcloud.executor.disk-cache-max-bytes must be at least 1");
        }
        this.remote = remote;
        this.files = new DirectoryCache(directory, "", maxBytes);
        this.hits = meters.counter("wasmcloud.modules.disk.cache", "result", "hit");
        this.misses = meters.counter("wasmcloud.modules.disk.cache", "result", "miss");
        this.damaged = meters.counter("wasmcloud.modules.disk.cache", "result", "damaged");
        this.evictions = meters.counter("wasmcloud.modules.disk.evictions");
        meters.gauge("wasmcloud.modules.disk.bytes", files, DirectoryCache::bytes);
    }

    @Override
    public byte[] fetch(String sha256) throws IOException {
        Sha256.requireHex(sha256);
        byte[] cached = readCached(sha256);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        byte[] bytes = remote.fetch(sha256);
        if (!Sha256.hex(bytes).equals(sha256)) {
            throw new IOException("module " + sha256 + " from the store does not match its hash");
        }
        keep(sha256, bytes);
        return bytes;
    }

    @Override
    public void close() {
        remote.close();
    }

    /** Whether this module is on disk now. */
    boolean contains(String sha256) {
        return files.contains(sha256);
    }

    private byte[] readCached(String sha256) {
        try {
            byte[] bytes = files.read(sha256);
            if (bytes == null || Sha256.hex(bytes).equals(sha256)) {
                return bytes;
            }
            damaged.increment();
            log.warn("Cached module {} does not match its hash; fetching it again", sha256);
        } catch (IOException e) {
            damaged.increment();
            log.warn("Cached module {} cannot be read, fetching it again: {}", sha256, e.getMessage());
        }
        try {
            files.delete(sha256);
        } catch (IOException e) {
            log.warn("Could not delete {} from the module disk cache: {}", sha256, e.getMessage());
        }
        return null;
    }

    private void keep(String sha256, byte[] bytes) {
        try {
            evictions.increment(files.write(sha256, bytes));
        } catch (IOException e) {
            // A full or read-only disk costs the next fetch from the store, not this request.
            log.warn("Module {} could not be cached on disk: {}", sha256, e.getMessage());
        }
    }
}
