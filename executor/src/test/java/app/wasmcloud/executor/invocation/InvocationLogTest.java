package app.wasmcloud.executor.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.wasmcloud.executor.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import tools.jackson.databind.ObjectMapper;

/**
 * The batching writer against the real schema, with the database made unreachable and reachable again: records
 * wait and are written after recovery, none lost; what cannot wait is counted as dropped, never lost silently.
 */
class InvocationLogTest {

    final UnreachableAtWill database = new UnreachableAtWill();
    final JdbcClient jdbc = JdbcClient.create(database);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final InvocationLog log = new InvocationLog(new JdbcTemplate(database), new ObjectMapper(), meters);
    long functionId;
    long versionId;

    @BeforeEach
    void createFunctionAndStart() {
        long owner = jdbc.sql("INSERT INTO users (login, status) VALUES (:l, 'active') RETURNING id")
                .param("l", "log-" + UUID.randomUUID())
                .query(Long.class)
                .single();
        functionId = jdbc.sql("INSERT INTO functions (name, owner_id) VALUES (:n, :o) RETURNING id")
                .param("n", "fn-" + UUID.randomUUID().toString().substring(0, 8))
                .param("o", owner)
                .query(Long.class)
                .single();
        versionId = jdbc.sql("""
                        INSERT INTO function_versions (function_id, number, sha256, size_bytes, abi, entrypoint)
                        VALUES (:f, 1, repeat('0', 64), 1, 'olin', '_start') RETURNING id""").param("f", functionId).query(Long.class).single();
        log.start();
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

        database.reachable = true;

        awaitUntil(Duration.ofSeconds(30), "every record is written", () -> written(ids) == ids.size());
        assertThat(counter("written")).isEqualTo(200);
        assertThat(counter("dropped")).isZero();
    }

    @Test
    void pastTheQueueRecordsAreCountedAsDroppedAndTheRestWrittenAfterRecovery() throws Exception {
        database.reachable = false;
        List<UUID> ids = add(11_000);

        database.reachable = true;

        awaitUntil(
                Duration.ofSeconds(60),
                "every queued record is written",
                () -> written(ids) + counter("dropped") == ids.size());
        assertThat(counter("dropped")).isGreaterThan(0);
        assertThat(counter("written")).isEqualTo(written(ids));
    }

    private List<UUID> add(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            log.add(new InvocationRecord(
                    id, functionId, versionId, Source.RUN, Instant.now(), 200, InvocationOutcome.OK, 0, 0, null));
        }
        return ids;
    }

    private long written(List<UUID> ids) {
        return jdbc.sql("SELECT count(*) FROM invocations WHERE function_id = :f")
                .param("f", functionId)
                .query(Long.class)
                .single();
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
