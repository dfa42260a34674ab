package app.wasmcloud.executor.module;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Module bytes kept on local disk in front of a remote store, so a restarted executor warms up without the network
 * and keeps serving the modules it knows while the store is unreachable. Bounded by bytes, least recently used out
 * first (recency survives restarts through the files' modification times). Every read is checked against the hash
 * the file is named by; a damaged file is deleted and fetched again.
 */
final class DiskCachedModuleSource implements ModuleSource {

    private static final Logger log = LoggerFactory.getLogger(DiskCachedModuleSource.class);
    private static final String PARTIAL_SUFFIX = ".partial";

    private final ModuleSource remote;
    private final Path directory;
    private final long maxBytes;
    /** File sizes by hash, access-ordered so iteration starts at the least recently used. Guarded by itself. */
    private final LinkedHashMap<String, Long> entries = new LinkedHashMap<>(64, 0.75f, true);

    private long cachedBytes;
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
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.hits = meters.counter("wasmcloud.modules.disk.cache", "result", "hit");
        this.misses = meters.counter("wasmcloud.modules.disk.cache", "result", "miss");
        this.damaged = meters.counter("wasmcloud.modules.disk.cache", "result", "damaged");
        this.evictions = meters.counter("wasmcloud.modules.disk.evictions");
        meters.gauge("wasmcloud.modules.disk.bytes", this, DiskCachedModuleSource::bytes);
        Files.createDirectories(directory);
        adoptExistingFiles();
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
        if (!Sha256.of(bytes).equals(sha256)) {
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
        synchronized (entries) {
            return entries.containsKey(sha256);
        }
    }

    private byte[] readCached(String sha256) {
        synchronized (entries) {
            if (entries.get(sha256) == null) {
                return null;
            }
        }
        Path file = directory.resolve(sha256);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (Sha256.of(bytes).equals(sha256)) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
                return bytes;
            }
            damaged.increment();
            log.warn("Cached module {} does not match its hash; fetching it again", sha256);
        } catch (IOException e) {
            damaged.increment();
            log.warn("Cached module {} cannot be read, fetching it again: {}", sha256, e.getMessage());
        }
        synchronized (entries) {
            Long size = entries.remove(sha256);
            cachedBytes -= size == null ? 0 : size;
        }
        deleteQuietly(file);
        return null;
    }

    private void keep(String sha256, byte[] bytes) {
        if (bytes.length > maxBytes) {
            return;
        }
        // Written aside and moved into place, so a crash never leaves a partial file under a module's name.
        Path partial = directory.resolve(sha256 + "." + UUID.randomUUID() + PARTIAL_SUFFIX);
        try {
            Files.write(partial, bytes);
            Files.move(partial, directory.resolve(sha256), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A full or read-only disk costs the next fetch from the store, not this request.
            log.warn("Module {} could not be cached on disk: {}", sha256, e.getMessage());
            deleteQuietly(partial);
            return;
        }
        List<String> evicted;
        synchronized (entries) {
            Long replaced = entries.put(sha256, (long) bytes.length);
            cachedBytes += bytes.length - (replaced == null ? 0 : replaced);
            evicted = evictOverBound();
        }
        evicted.forEach(name -> deleteQuietly(directory.resolve(name)));
    }

    /** Takes the least recently used entries out of the index until the rest fits; the caller deletes the files. */
    private List<String> evictOverBound() {
        List<String> evicted = new ArrayList<>();
        Iterator<Map.Entry<String, Long>> eldest = entries.entrySet().iterator();
        while (cachedBytes > maxBytes && eldest.hasNext()) {
            Map.Entry<String, Long> entry = eldest.next();
            cachedBytes -= entry.getValue();
            evicted.add(entry.getKey());
            eldest.remove();
            evictions.increment();
        }
        return evicted;
    }

    /** Indexes what earlier runs left, oldest first; partial writes of a crashed run are deleted. */
    private void adoptExistingFiles() throws IOException {
        List<Path> modules = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(PARTIAL_SUFFIX)) {
                    deleteQuietly(file);
                } else if (Sha256.isHex(name) && Files.isRegularFile(file)) {
                    modules.add(file);
                }
            }
        }
        modules.sort(Comparator.comparing(DiskCachedModuleSource::lastModified));
        List<String> evicted;
        synchronized (entries) {
            for (Path file : modules) {
                long size = Files.size(file);
                entries.put(file.getFileName().toString(), size);
                cachedBytes += size;
            }
            evicted = evictOverBound();
        }
        evicted.forEach(name -> deleteQuietly(directory.resolve(name)));
    }

    private double bytes() {
        synchronized (entries) {
            return cachedBytes;
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {} from the module disk cache: {}", file, e.getMessage());
        }
    }
}
