package app.wasmcloud.executor.invocation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Invocation rows the database could not take, kept on local disk until it can: one segment file per batch, one JSON
 * row per line. A segment is written to a temporary file and moved into place, so a crash never leaves half of one;
 * it is deleted only after its rows are stored, and storing is idempotent, so a crash in between stores nothing
 * twice. Bounded in size: a batch that does not fit is refused, and the caller counts it as dropped.
 *
 * <p>Used by the invocation log's one writer thread only.
 */
final class InvocationJournal {

    private static final Logger log = LoggerFactory.getLogger(InvocationJournal.class);
    private static final String SUFFIX = ".jsonl";
    private static final String PARTIAL = ".partial";

    /** A journaled batch: its file and the rows that could be read back from it. */
    record Segment(Path file, List<InvocationRow> rows, int unreadable) {}

    private final Path directory;
    private final long maxBytes;
    private final ObjectMapper json;
    private final AtomicLong bytes = new AtomicLong();
    private long sequence;

    /** Opens the journal, creating its directory; what an earlier run left there is kept for replay. */
    InvocationJournal(InvocationJournalProperties properties, ObjectMapper json) {
        this.directory = properties.directory();
        this.maxBytes = properties.maxSize().toBytes();
        this.json = json;
        try {
            Files.createDirectories(directory);
            for (Path file : files()) {
                if (file.getFileName().toString().endsWith(PARTIAL)) {
                    // A write cut short by a crash; the records in it were still in memory, so nothing was promised.
                    Files.delete(file);
                } else {
                    bytes.addAndGet(Files.size(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The invocation journal at " + directory + " cannot be opened", e);
        }
        List<Path> left = segments();
        if (!left.isEmpty()) {
            log.info("Invocation journal {} holds {} segments from an earlier run; replaying", directory, left.size());
        }
    }

    /** Keeps the rows on disk, or says false when they do not fit in the bound or cannot be written. */
    boolean append(List<InvocationRow> rows) {
        StringBuilder lines = new StringBuilder();
        for (InvocationRow row : rows) {
            lines.append(json.writeValueAsString(row)).append('\n');
        }
        byte[] content = lines.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.get() + content.length > maxBytes) {
            log.error(
                    "Invocation journal {} is full ({} of {} bytes): {} records do not fit",
                    directory,
                    bytes.get(),
                    maxBytes,
                    rows.size());
            return false;
        }
        // Names sort in the order segments were written: the time they were written, then a tie-breaker.
        String name = String.format("%019d-%09d", System.currentTimeMillis(), sequence++);
        Path partial = directory.resolve(name + PARTIAL);
        try {
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write(lines.toString());
            }
            Files.move(partial, directory.resolve(name + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.error("Invocation journal {} cannot be written: {}", directory, e.getMessage());
            deleteQuietly(partial);
            return false;
        }
        bytes.addAndGet(content.length);
        return true;
    }

    /** The oldest segment, read back, or empty when nothing waits. */
    Optional<Segment> oldest() {
        List<Path> segments = segments();
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        Path file = segments.getFirst();
        List<InvocationRow> rows = new ArrayList<>();
        int unreadable = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(json.readValue(line, InvocationRow.class));
                } catch (JacksonException e) {
                    unreadable++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The invocation journal segment " + file + " cannot be read", e);
        }
        return Optional.of(new Segment(file, rows, unreadable));
    }

    /** Forgets a segment whose rows are stored, and says whether it is gone. */
    boolean remove(Segment segment) {
        try {
            long size = Files.size(segment.file());
            Files.delete(segment.file());
            bytes.addAndGet(-size);
            return true;
        } catch (IOException e) {
            // Replaying it again stores nothing twice; it is only kept longer than needed.
            log.warn("Invocation journal segment {} cannot be deleted: {}", segment.file(), e.getMessage());
            return false;
        }
    }

    /** Bytes held now, for the gauge. */
    long bytes() {
        return bytes.get();
    }

    private List<Path> segments() {
        return files().stream()
                .filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                .sorted()
                .toList();
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The invocation journal at " + directory + " cannot be listed", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left as a partial file, which the next start deletes.
        }
    }
}
