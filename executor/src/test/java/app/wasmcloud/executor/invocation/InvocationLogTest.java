package app.wasmcloud.executor.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.wasmcloud.contract.InvocationOrigin;
import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.contract.InvocationSource;
import app.wasmcloud.executor.TestDatabase;
import app.wasmcloud.runtime.LogLine;
import app.wasmcloud.runtime.Outcome;
import app.wasmcloud.runtime.RunResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.ObjectMapper;

/**
 * The batching writer against the real schema, with the database made unreachable and reachable again: records wait in
 * the journal on disk and are written after recovery, also by the next start, none lost; what the journal cannot hold
 * is counted as dropped, never lost silently.
 */
class InvocationLogTest {

    final UnreachableAtWill database = new UnreachableAtWill();
    final JdbcClient jdbc = JdbcClient.create(database);

    @TempDir
    Path journal;

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    InvocationLog log;
    long functionId;
    long versionId;

    @BeforeEach
    void createFunctionAndStart() {
        long owner = jdbc.sql("INSERT INTO users (login, status) VALUES (:l, 'active') RETURNING id")
                .param("l", "log-" + UUID.randomUUID())
                .query(Long.class)
                .single();
        functionId = jdbc.sql("INSERT INTO functions (name, owner_id, effective_timeout_ms, effective_memory_pages)"
                        + " VALUES (:n, :o, 10000, 256) RETURNING id")
                .param("n", "fn-" + UUID.randomUUID().toString().substring(0, 8))
                .param("o", owner)
                .query(Long.class)
                .single();
        versionId = jdbc.sql("""
                        INSERT INTO function_versions (function_id, number, sha256, size_bytes, abi, entrypoint)
                        VALUES (:f, 1, repeat('0', 64), 1, 'olin', '_start') RETURNING id""").param("f", functionId).query(Long.class).single();
        log = startLog(DataSize.ofMegabytes(16));
    }

    private InvocationLog startLog(DataSize journalSize) {
        meters = new SimpleMeterRegistry();
        InvocationLog started = new InvocationLog(
                new JdbcTemplate(database),
                new ObjectMapper(),
                meters,
                new InvocationJournalProperties(journal, journalSize));
        started.start();
        return started;
    }

    @AfterEach
    void stop() {
        database.reachable = true;
        log.stop();
    }

    @Test
    void recordsQueuedWhileTheDatabaseIsUnreachableAreAllWrittenOnceItIsBack() throws Exception {
        database.reachable = false;
        List<UUID> ids = add(200);
        int before = database.refused.get();
        awaitUntil(Duration.ofSeconds(10), "the writer retried", () -> database.refused.get() >= before + 2);
        assertThat(counter("journaled")).isEqualTo(200);

        database.reachable = true;

        awaitUntil(Duration.ofSeconds(30), "every record is written", () -> written(ids) == ids.size());
        assertThat(counter("written")).isEqualTo(200);
        assertThat(counter("dropped")).isZero();
    }

    @Test
    void pastTheJournalsBoundRecordsAreCountedAsDroppedAndTheRestWrittenAfterRecovery() throws Exception {
        log.stop();
        // Room for some tens of these rows, a few hundred bytes each on disk.
        log = startLog(DataSize.ofKilobytes(16));
        database.reachable = false;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.addAll(add(50));
            Thread.sleep(60);
        }

        awaitUntil(
                Duration.ofSeconds(10),
                "every record is journaled or dropped",
                () -> counter("journaled") + counter("dropped") == ids.size());
        database.reachable = true;

        awaitUntil(
                Duration.ofSeconds(30),
                "every journaled record is written",
                () -> written(ids) == counter("journaled"));
        assertThat(counter("dropped")).isGreaterThan(0);
        assertThat(counter("written")).isEqualTo(written(ids));
    }

    @Test
    void recordsJournaledDuringAnOutageAreWrittenByTheNextStart() throws Exception {
        database.reachable = false;
        List<UUID> ids = add(50);
        awaitUntil(Duration.ofSeconds(10), "the records are journaled", () -> counter("journaled") == 50);
        // Stopped during the outage with more still queued: those are journaled at stop.
        List<UUID> atStop = add(20);
        log.stop();
        database.reachable = true;
        assertThat(written(ids) + written(atStop))
                .as("nothing written before the next start")
                .isZero();

        log = startLog(DataSize.ofMegabytes(16));

        awaitUntil(Duration.ofSeconds(10), "every record is written", () -> written(ids) + written(atStop) == 70);
        awaitUntil(Duration.ofSeconds(5), "the journal is emptied", () -> journalFiles() == 0);
        assertThat(counter("dropped")).isZero();
    }

    @Test
    void aBatchSentAgainStoresEachRecordOnceAndLaterRecordsStillGetWritten() throws Exception {
        UUID id = InvocationIds.next();
        log.add(record(id, functionId, null));
        awaitUntil(Duration.ofSeconds(10), "the first copy is written", () -> written(List.of(id)) == 1);

        // As after a commit whose acknowledgement was lost with the connection: the same record once more.
        log.add(record(id, functionId, null));
        List<UUID> later = add(3);

        awaitUntil(Duration.ofSeconds(10), "the later records are written", () -> written(later) == 3);
        assertThat(jdbc.sql("SELECT count(*) FROM invocations WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(counter("dropped"))
                .as("a record already stored is not a lost one")
                .isZero();
    }

    @Test
    void recordsOfAFunctionPurgedMeanwhileAreCountedAsDroppedAndTheRestOfTheirBatchIsWritten() throws Exception {
        long purged = jdbc.sql("INSERT INTO functions (name, owner_id, effective_timeout_ms, effective_memory_pages)"
                        + " SELECT :n, owner_id, 10000, 256 FROM functions WHERE id = :f"
                        + " RETURNING id")
                .param("n", "gone-" + UUID.randomUUID().toString().substring(0, 8))
                .param("f", functionId)
                .query(Long.class)
                .single();
        jdbc.sql("DELETE FROM functions WHERE id = :id").param("id", purged).update();
        // Through an outage, so the batch that leaves them out is a retried one.
        database.reachable = false;
        log.add(record(InvocationIds.next(), purged, null));
        List<UUID> kept = add(2);
        int before = database.refused.get();
        awaitUntil(Duration.ofSeconds(10), "the writer retried", () -> database.refused.get() >= before + 2);

        database.reachable = true;

        awaitUntil(Duration.ofSeconds(30), "the kept records are written", () -> written(kept) == 2);
        awaitUntil(Duration.ofSeconds(5), "the purged function's record is counted", () -> counter("dropped") == 1);
        assertThat(counter("written")).isEqualTo(2);
    }

    @Test
    void aRecordTheDatabaseRefusesIsDroppedAloneAndTheRestOfItsBatchIsWritten() throws Exception {
        List<UUID> kept = new ArrayList<>(add(3));
        UUID refused = InvocationIds.next();
        // A version that does not exist: the foreign key refuses this one row (SQLSTATE 23503).
        log.add(new InvocationRecord(
                refused,
                functionId,
                -1,
                InvocationOrigin.of(InvocationSource.RUN),
                Instant.now(),
                200,
                InvocationOutcome.OK,
                0,
                0,
                null));
        kept.addAll(add(3));

        awaitUntil(Duration.ofSeconds(10), "the other records are written", () -> written(kept) == 6);
        awaitUntil(Duration.ofSeconds(5), "the refused record is counted", () -> counter("dropped") == 1);
        assertThat(written(List.of(refused))).isZero();
        assertThat(counter("written")).isEqualTo(6);
    }

    @Test
    void capturedTextAndLogLinesAreStoredAsTheGuestWroteThem() throws Exception {
        String stderr = "tab\there\nnew line, back\\slash, \"quotes\", {braces}, \u00e9t\u00e9 \uD83D\uDE80 and NUL\0.";
        RunResult result = new RunResult(
                Outcome.TRAP,
                -1,
                "trap: \"unreachable\"\tat\nfunc 3\0",
                new byte[0],
                stderr.getBytes(StandardCharsets.UTF_8),
                List.of(new LogLine(3, "line with \"quotes\" and \\ and \t"), new LogLine(1, "{\"json\": [1]}")),
                2_000_000,
                1_500_000,
                2,
                0,
                Map.of("io_get_stdout", 1L, "log_write", 2L));
        UUID id = InvocationIds.next();
        log.add(record(id, functionId, result));

        awaitUntil(Duration.ofSeconds(10), "the record is written", () -> written(List.of(id)) == 1);
        Map<String, Object> row = jdbc.sql("""
                        SELECT stderr, trap_message, log_lines::text AS log_lines, host_calls->>'log_write' AS calls,
                               wall_time_us, cpu_time_us, exit_code, outcome
                        FROM invocations WHERE id = :id""").param("id", id).query().singleRow();
        assertThat(row.get("stderr")).isEqualTo(stderr.replace('\0', '\uFFFD'));
        assertThat(row.get("trap_message")).isEqualTo("trap: \"unreachable\"\tat\nfunc 3\uFFFD");
        assertThat(new ObjectMapper().readTree((String) row.get("log_lines")))
                .isEqualTo(new ObjectMapper()
                        .readTree("[{\"level\": 3, \"message\": \"line with \\\"quotes\\\" and \\\\ and \\t\"},"
                                + " {\"level\": 1, \"message\": \"{\\\"json\\\": [1]}\"}]"));
        assertThat(row.get("calls")).isEqualTo("2");
        assertThat(row.get("wall_time_us")).isEqualTo(2000L);
        assertThat(row.get("cpu_time_us")).isEqualTo(1500L);
        assertThat(row.get("exit_code")).isEqualTo(-1);
        assertThat(row.get("outcome")).isEqualTo(InvocationOutcome.OK.label());
    }

    private InvocationRecord record(UUID id, long function, RunResult result) {
        return new InvocationRecord(
                id,
                function,
                versionId,
                InvocationOrigin.of(InvocationSource.RUN),
                Instant.now(),
                200,
                InvocationOutcome.OK,
                0,
                0,
                result);
    }

    private List<UUID> add(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = InvocationIds.next();
            ids.add(id);
            log.add(record(id, functionId, null));
        }
        return ids;
    }

    private long written(List<UUID> ids) {
        return jdbc.sql("SELECT count(*) FROM invocations WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
    }

    private long journalFiles() throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            return files.count();
        }
    }

    private double counter(String result) {
        return meters.get("wasmcloud.invocation.records")
                .tag("result", result)
                .counter()
                .count();
    }

    private static void awaitUntil(Duration deadline, String what, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - end > 0) {
                fail("Not within " + deadline + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The test database, refusing connections as a stopped server would while {@link #reachable} is false. */
    static final class UnreachableAtWill extends DelegatingDataSource {

        volatile boolean reachable = true;
        final AtomicInteger refused = new AtomicInteger();

        UnreachableAtWill() {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(TestDatabase.jdbcUrl());
            postgres.setUser("postgres");
            postgres.setPassword("postgres");
            setTargetDataSource(postgres);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!reachable) {
                refused.incrementAndGet();
                throw new SQLException("Connection to 127.0.0.1 refused (simulated outage)", "08001");
            }
            return super.getConnection();
        }
    }
}
