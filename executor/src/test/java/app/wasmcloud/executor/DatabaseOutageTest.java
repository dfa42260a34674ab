package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.testsupport.RestartablePostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The executor keeps serving through a real database outage: its own PostgreSQL (never the shared one of
 * {@link TestDatabase}, which other classes are using) is stopped while functions are served and started again on the
 * same port and data directory. Its own application context, closed afterwards so nothing keeps reconnecting to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseOutageTest {

    private static final RestartablePostgres POSTGRES = new RestartablePostgres("wasmcloud-outage-db");
    private static final Path JOURNAL = ExecutorTest.createTempDirectory("wasmcloud-outage-journal");

    @DynamicPropertySource
    static void executorProperties(DynamicPropertyRegistry registry) {
        TestDatabase.migrate(POSTGRES.start());
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("management.server.port", () -> "0");
        registry.add("wasmcloud.executor.module-store-root", ExecutorTest.MODULE_STORE::toString);
        registry.add("wasmcloud.executor.compiled-class-cache-dir", () -> "");
        registry.add("wasmcloud.executor.invocation-journal.directory", JOURNAL::toString);
        registry.add("wasmcloud.executor.service-token-secret", () -> ExecutorTest.SERVICE_SECRET);
    }

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopDatabase() {
        POSTGRES.close();
    }

    @Test
    void cachedFunctionsAreServedThroughAnOutageAndWhatHappenedIsRecordedAfterIt() throws Exception {
        assertThat(environment.getProperty("spring.datasource.url")).contains(":" + POSTGRES.port() + "/");
        // Connected first: connecting empties the cache, which must hold the function when the database goes away.
        ExecutorTest.awaitUntil(Duration.ofSeconds(5), "the listener is connected", () -> listenerBackends() == 1);
        String name = deploy();
        assertThat(get(name).statusCode()).isEqualTo(200);

        POSTGRES.stop();
        List<UUID> duringOutage = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get(name);
            assertThat(response.statusCode()).isEqualTo(200);
            duringOutage.add(UUID.fromString(
                    response.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow()));
        }
        POSTGRES.start();

        ExecutorTest.awaitUntil(
                Duration.ofSeconds(15),
                "the invocations served during the outage are recorded",
                () -> recorded(duringOutage) == duringOutage.size());
        // A reconnected listener forgets every cached lookup, since notifications sent meanwhile were lost.
        ExecutorTest.awaitUntil(
                Duration.ofSeconds(15),
                "the listener reconnects",
                () -> listenerBackends() == 1 && cachedFunctions() == 0);
        assertThat(get(name).statusCode()).isEqualTo(200);
        deployNewVersion(name);
        assertThat(get(name).statusCode()).as("still cached until notified").isEqualTo(200);
        jdbc.sql("SELECT pg_notify('wasmcloud_functions', :n)")
                .param("n", name)
                .query()
                .listOfRows();
        ExecutorTest.awaitUntil(
                FunctionPropagationTest.WITHIN_A_SECOND,
                "the notified version answers",
                () -> get(name).statusCode() == 201);
    }

    private String deploy() {
        String name = "fn-" + UUID.randomUUID().toString().substring(0, 8);
        long owner = jdbc.sql("INSERT INTO users (login, status) VALUES (:l, 'active') RETURNING id")
                .param("l", "owner-" + name)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO functions (name, owner_id, effective_timeout_ms, effective_memory_pages)"
                        + " VALUES (:n, :o, 10000, 256)")
                .param("n", name)
                .param("o", owner)
                .update();
        activate(name, 1, ExecutorTest.readModule("hello"));
        return name;
    }

    private void deployNewVersion(String name) {
        activate(name, 2, ExecutorTest.uniqueModule("cookies"));
    }

    private void activate(String name, int number, byte[] module) {
        long version = jdbc.sql("""
                        INSERT INTO function_versions (function_id, number, sha256, size_bytes, abi, entrypoint)
                        SELECT id, :number, :sha, :size, 'olin', '_start' FROM functions WHERE name = :n
                        RETURNING id""")
                .param("number", number)
                .param("sha", ExecutorTest.store(module))
                .param("size", module.length)
                .param("n", name)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE functions SET active_version_id = :v WHERE name = :n")
                .param("v", version)
                .param("n", name)
                .update();
    }

    private HttpResponse<String> get(String name) {
        URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/" + name + "/");
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int recorded(List<UUID> ids) {
        return countOrMinusOne(() -> jdbc.sql("SELECT count(*) FROM invocations WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Integer.class)
                .single());
    }

    private int listenerBackends() {
        return countOrMinusOne(() -> jdbc.sql(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'wasmcloud-executor-listener'")
                .query(Integer.class)
                .single());
    }

    /** The test's own pooled connections from before the restart fail once each; that is "not yet", not a result. */
    private static int countOrMinusOne(Supplier<Integer> count) {
        try {
            return count.get();
        } catch (DataAccessResourceFailureException staleConnection) {
            return -1;
        }
    }

    private double cachedFunctions() {
        return meters.get("wasmcloud.functions.cached").gauge().value();
    }
}
