package app.wasmcloud.runtime;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of files named by content-derived keys (hashes), holding at most {@code maxBytes}: past it the least
 * recently used files are deleted. Recency is each file's modification time, so it survives restarts, and the
 * directory itself is the index, so several processes may share it. Files are written aside and moved into place: a
 * reader never sees half a file, and a crash leaves at most a partial file under another name, deleted by a later
 * start. The one disk cache of the platform, under both the compiled classes and the executor's module bytes.
 */
public final class DirectoryCache {

    private static final Pattern KEY = Pattern.compile("[0-9a-z][0-9a-z.-]{0,200}");
    private static final String PARTIAL_SUFFIX = ".partial";
    /** A partial file older than this was left by a writer that died; a younger one may be another process's. */
    private static final Duration ABANDONED = Duration.ofMinutes(10);

    private final Path directory;
    private final String suffix;
    private final long maxBytes;
    /** What the files held at the last scan or write. */
    private volatile long bytes;

    /**
     * Creates {@code directory} if it does not exist, deletes abandoned partial files and trims it to the bound.
     *
     * @param suffix the ending of every entry's file name ({@code ""} for bare keys)
     */
    public DirectoryCache(Path directory, String suffix, long maxBytes) throws IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("a cache's byte bound must be positive, got " + maxBytes);
        }
        this.directory = directory;
        this.suffix = suffix;
        this.maxBytes = maxBytes;
        Files.createDirectories(directory);
        deleteAbandonedPartials();
        evictDownTo(maxBytes, null);
    }

    /** The bytes stored under {@code key}, or null; reading counts as a use. */
    public byte[] read(String key) throws IOException {
        Path file = fileFor(key);
        try {
            byte[] content = Files.readAllBytes(file);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return content;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    public boolean contains(String key) {
        return Files.isRegularFile(fileFor(key));
    }

    /** Stores {@code content} under {@code key} (unless it alone exceeds the bound); returns how many were evicted. */
    public int write(String key, byte[] content) throws IOException {
        Path file = fileFor(key);
        if (content.length > maxBytes) {
            return 0;
        }
        Path partial = directory.resolve(key + "." + UUID.randomUUID() + PARTIAL_SUFFIX);
        try {
            Files.write(partial, content);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        return evictDownTo(maxBytes, file);
    }

    public void delete(String key) throws IOException {
        Files.deleteIfExists(fileFor(key));
    }

    /** The bytes held, as of the last write or start. */
    public long bytes() {
        return bytes;
    }

    /** Deletes the least recently used entries, never {@code keep}, until the total is at most {@code limit}. */
    private synchronized int evictDownTo(long limit, Path keep) throws IOException {
        record Entry(Path file, long size, FileTime used) {}
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(this::isEntry).toList()) {
                try {
                    long size = Files.size(file);
                    entries.add(new Entry(file, size, Files.getLastModifiedTime(file)));
                    total += size;
                } catch (NoSuchFileException e) {
                    // Evicted by another process meanwhile.
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::used));
        int evicted = 0;
        for (Entry entry : entries) {
            if (total <= limit) {
                break;
            }
            if (!entry.file().equals(keep)) {
                Files.deleteIfExists(entry.file());
                total -= entry.size();
                evicted++;
            }
        }
        bytes = total;
        return evicted;
    }

    private boolean isEntry(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(suffix)
                && !name.endsWith(PARTIAL_SUFFIX)
                && KEY.matcher(name.substring(0, name.length() - suffix.length()))
                        .matches()
                && Files.isRegularFile(file);
    }

    private void deleteAbandonedPartials() throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(PARTIAL_SUFFIX))
                    .toList()) {
                try {
                    if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
                        Files.deleteIfExists(file);
                    }
                } catch (NoSuchFileException e) {
                    // Moved into place or deleted by its writer meanwhile.
                }
            }
        }
    }

    private Path fileFor(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
        return directory.resolve(key + suffix);
    }
}
