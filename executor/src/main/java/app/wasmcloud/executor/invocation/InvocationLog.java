package app.wasmcloud.executor.invocation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes invocation records in batches on its own thread, so the request path never waits for the database. While the
 * database cannot take them, batches go to the {@link InvocationJournal} on local disk and are replayed once it can,
 * also after a restart. Only what fits neither the queue nor the journal is dropped, and that is counted and logged.
 */
@Component
class InvocationLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InvocationLog.class);
    static final int QUEUE_CAPACITY = 10_000;
    static final int BATCH_SIZE = 1_000;
    /**
     * How long the writer lets a batch gather once a record has arrived. Without it, under load, every record woke the
     * writer and went out in a batch of its own: a round trip, a commit and a wake-up each.
     */
    private static final long GATHER_MILLIS = 50;
    /** How often, at most, the database is tried again during an outage; batches meanwhile go straight to disk. */
    private static final long MAX_RETRY_MILLIS = 5_000;

    /**
     * Stops after the web server has drained its requests ({@code DEFAULT_PHASE - 2048}), so their records are
     * still written.
     */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final BlockingQueue<InvocationRecord> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final InvocationBatchInsert insert;
    private final InvocationJournal journal;
    private final ObjectMapper json;
    private final Counter written;
    private final Counter journaled;
    private final Counter dropped;
    private volatile Thread writer;
    private volatile boolean running;
    /** When the database may be tried again; 0 while it is answering. Only the writer thread uses these. */
    private long retryAtNanos;

    private long retryMillis;

    InvocationLog(
            JdbcTemplate jdbc, ObjectMapper json, MeterRegistry meters, InvocationJournalProperties journalProperties) {
        this.insert = new InvocationBatchInsert(jdbc);
        this.journal = new InvocationJournal(journalProperties, json);
        this.json = json;
        this.written = meters.counter("wasmcloud.invocation.records", "result", "written");
        this.journaled = meters.counter("wasmcloud.invocation.records", "result", "journaled");
        this.dropped = meters.counter("wasmcloud.invocation.records", "result", "dropped");
        meters.gauge("wasmcloud.invocation.journal.bytes", journal, InvocationJournal::bytes);
    }

    void add(InvocationRecord record) {
        if (!running) {
            dropped.increment();
            log.warn("Invocation record {} dropped: the executor is stopping", record.id());
            return;
        }
        enqueue(record);
    }

    private void enqueue(InvocationRecord record) {
        if (!queue.offer(record)) {
            dropped.increment();
            log.warn("Invocation record {} dropped: the write queue is full", record.id());
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("invocation-log").daemon().start(this::drainUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = writer;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        keepRemaining();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void drainUntilStopped() {
        List<InvocationRecord> batch = new ArrayList<>(BATCH_SIZE);
        while (running) {
            try {
                InvocationRecord first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    if (queue.size() < BATCH_SIZE - 1) {
                        Thread.sleep(GATHER_MILLIS);
                    }
                    queue.drainTo(batch, BATCH_SIZE - 1);
                    List<InvocationRow> rows = rowsOf(batch);
                    batch.clear();
                    store(rows);
                }
                // Segment by segment, and only while no live record waits, so that replaying a long outage's journal
                // never holds the live records up.
                boolean replaying = true;
                while (replaying && queue.isEmpty() && journal.bytes() > 0 && databaseMayBeTried()) {
                    replaying = replayOldestSegment();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(this::enqueue);
                return;
            } catch (RuntimeException e) {
                // Nothing may end this thread and with it every later record; a journal that cannot be read is retried.
                log.error("The invocation log writer failed; going on", e);
            }
        }
    }

    private List<InvocationRow> rowsOf(List<InvocationRecord> records) {
        List<InvocationRow> rows = new ArrayList<>(records.size());
        for (InvocationRecord record : records) {
            rows.add(InvocationRow.of(record, json));
        }
        return rows;
    }

    /** To the database if it is answering (or due a retry), else, or if that fails, to the journal. */
    private void store(List<InvocationRow> rows) {
        List<InvocationRow> unwritten = databaseMayBeTried() ? tryWrite(rows) : rows;
        if (!unwritten.isEmpty()) {
            journal(unwritten);
        }
    }

    /** Replays the oldest segment and says whether it is stored and gone (not when there is none or the database failed). */
    private boolean replayOldestSegment() {
        Optional<InvocationJournal.Segment> oldest = journal.oldest();
        if (oldest.isEmpty()) {
            return false;
        }
        InvocationJournal.Segment segment = oldest.get();
        if (segment.unreadable() > 0) {
            dropped.increment(segment.unreadable());
            log.error(
                    "{} invocation records in journal segment {} cannot be read and are dropped",
                    segment.unreadable(),
                    segment.file());
        }
        // A segment cut short by an outage is replayed whole next time; the insert stores each id once.
        if (segment.rows().isEmpty() || tryWrite(segment.rows()).isEmpty()) {
            return journal.remove(segment);
        }
        return false;
    }

    private boolean databaseMayBeTried() {
        return retryAtNanos == 0 || System.nanoTime() - retryAtNanos >= 0;
    }

    /**
     * Writes rows, and returns those the database did not take because it failed (none when it answered). A part the database refuses (SQLSTATE classes 22 and 23:
     * the rows, not the database) is split until the refused records are alone; those are dropped, counted and logged,
     * the rest written. Sending a refused part again would fail again and hold up every later record.
     */
    private List<InvocationRow> tryWrite(List<InvocationRow> rows) {
        Deque<List<InvocationRow>> parts = new ArrayDeque<>();
        parts.push(rows);
        while (!parts.isEmpty()) {
            List<InvocationRow> part = parts.peek();
            try {
                write(part);
                parts.pop();
            } catch (RuntimeException e) {
                if (!isAboutTheRows(e)) {
                    databaseFailed(rows.size(), e);
                    List<InvocationRow> unwritten = new ArrayList<>();
                    parts.forEach(unwritten::addAll);
                    return unwritten;
                }
                parts.pop();
                if (part.size() == 1) {
                    dropped.increment();
                    log.error(
                            "Invocation record {} dropped, the database refuses it",
                            part.getFirst().id(),
                            e);
                } else {
                    parts.push(part.subList(part.size() / 2, part.size()));
                    parts.push(part.subList(0, part.size() / 2));
                }
            }
        }
        databaseAnswered();
        return List.of();
    }

    private void databaseFailed(int records, RuntimeException e) {
        retryMillis = retryAtNanos == 0 ? 200 : Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
        if (retryAtNanos == 0) {
            log.warn(
                    "Writing {} invocation records failed, journaling until the database answers: {}",
                    records,
                    e.getMessage());
        }
        retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryMillis);
    }

    private void databaseAnswered() {
        if (retryAtNanos != 0) {
            log.info("The database takes invocation records again; replaying the journal");
        }
        retryAtNanos = 0;
    }

    private void journal(List<InvocationRow> rows) {
        if (journal.append(rows)) {
            journaled.increment(rows.size());
        } else {
            dropped.increment(rows.size());
            log.error("{} invocation records dropped: the journal cannot take them", rows.size());
        }
    }

    private static boolean isAboutTheRows(RuntimeException e) {
        return e instanceof DataAccessException access
                && access.getMostSpecificCause() instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"));
    }

    /** At stop: what is left, written once if the database answers, else journaled for the next start. */
    private void keepRemaining() {
        List<InvocationRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int from = 0; from < rest.size(); from += BATCH_SIZE) {
            store(rowsOf(rest.subList(from, Math.min(rest.size(), from + BATCH_SIZE))));
        }
    }

    /**
     * Writes one batch in one statement and counts it: records of functions that no longer exist as dropped, the rest
     * as written (stored now, or by an earlier attempt whose commit was acknowledged too late).
     */
    private void write(List<InvocationRow> batch) {
        long ofPurgedFunctions = insert.store(batch);
        written.increment(batch.size() - ofPurgedFunctions);
        if (ofPurgedFunctions > 0) {
            dropped.increment(ofPurgedFunctions);
            log.warn("{} invocation records of deleted functions dropped", ofPurgedFunctions);
        }
    }
}
