package app.wasmcloud.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@link CompiledClassCache} in one directory, one file per module, holding at most {@code maxBytes}: past it the
 * least recently used files are deleted. Files are written to a temporary name and moved into place, so a reader
 * never sees half a file, and several processes may share the directory.
 */
public final class DirectoryCompiledClassCache implements CompiledClassCache {

    private static final String SUFFIX = ".classes";
    private static final Pattern KEY = Pattern.compile("[0-9a-z][0-9a-z.-]{0,200}");

    private final Path directory;
    private final long maxBytes;

    /** Creates {@code directory} if it does not exist. */
    public DirectoryCompiledClassCache(Path directory, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.directory = directory;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the compiled-class cache directory " + directory, e);
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        Path file = fileFor(key);
        try {
            byte[] classes = Files.readAllBytes(file);
            // Reading is a use: the modification time is the recency that eviction goes by.
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return classes;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void put(String key, byte[] compiledClasses) throws IOException {
        Path file = fileFor(key);
        if (compiledClasses.length > maxBytes) {
            return;
        }
        Path temporary = Files.createTempFile(directory, key, ".tmp");
        try {
            Files.write(temporary, compiledClasses);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        evictDownTo(maxBytes, file);
    }

    /** Deletes the least recently used files, never {@code keep}, until the total is at most {@code limit}. */
    private synchronized void evictDownTo(long limit, Path keep) throws IOException {
        record Entry(Path file, long size, FileTime used) {}
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .toList()) {
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
        for (Entry entry : entries) {
            if (total <= limit) {
                break;
            }
            if (!entry.file().equals(keep)) {
                Files.deleteIfExists(entry.file());
                total -= entry.size();
            }
        }
    }

    private Path fileFor(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a compiled-class cache key: " + key);
        }
        return directory.resolve(key + SUFFIX);
    }
}
