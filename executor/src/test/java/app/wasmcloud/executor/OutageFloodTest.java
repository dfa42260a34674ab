package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.executor.function.FunctionDirectory;
import app.wasmcloud.testsupport.RestartablePostgres;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outage of issue 10, end to end: PostgreSQL stopped while random names flood the run domain. A cached function
 * keeps answering, unknown names get a 503 in well under a second, and once both the database and the executor have
 * been restarted every invocation whose id a caller received has its record. The executor runs as its own
 * application, started twice on one journal directory, against its own PostgreSQL, stopped and started on the same
 * port and data directory.
 */
@Timeout(120)
class OutageFloodTest {

    private static final Duration FLOOD = Duration.ofSeconds(3);

    private final RestartablePostgres postgres = new RestartablePostgres("wasmcloud-flood-db");
    private final Path journal = ExecutorTest.createTempDirectory("wasmcloud-flood-journal");
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext executor;

    @AfterEach
    void stop() {
        if (executor != null) {
            executor.close();
        }
        postgres.close();
    }

    @Test
    void aCachedFunctionAnswersThroughAnOutageUnknownNamesGetAFast503AndEveryReturnedIdIsRecordedAfterRestarts()
            throws Exception {
        TestDatabase.migrate(postgres.start());
        String hello = deployHello();
        executor = startExecutor();
        ExecutorTest.awaitUntil(Duration.ofSeconds(10), "the listener is connected", () -> listenerBackends() == 1);
        List<UUID> returned = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            returned.add(invocationId(expect(200, get(hello))));
        }
        // Ten times the cache's bound in distinct unknown names, among hello's own traffic: none of them may push out
        // the function in use (a clear-all when full did), or it could not be served through the outage below.
        FunctionDirectory directory = executor.getBean(FunctionDirectory.class);
        for (int i = 0; i < 2_000; i++) {
            assertThat(directory.find("nope-" + i)).isEmpty();
            if (i % 10 == 0) {
                assertThat(directory.find(hello)).isPresent();
            }
        }

        postgres.stop();
        Flood flood = flood(hello);

        assertThat(flood.helloStatuses).as("hello during the outage").containsOnly(200);
        assertThat(flood.helloStatuses).hasSizeGreaterThan(10);
        assertThat(flood.unknownStatuses).as("unknown names during the outage").containsOnly(503);
        assertThat(flood.unknownStatuses).hasSizeGreaterThan(50);
        assertThat(Duration.ofNanos(flood.slowestUnknownNanos.get())).isLessThan(Duration.ofSeconds(1));
        returned.addAll(flood.helloIds);

        // Both restarted: the executor first stops while the database is still down, so its queue goes to the journal.
        executor.close();
        executor = null;
        postgres.start();
        executor = startExecutor();

        ExecutorTest.awaitUntil(
                Duration.ofSeconds(20),
                "every returned invocation id is recorded",
                () -> recorded(returned) == returned.size());
        assertThat(expect(200, get(hello)).statusCode()).isEqualTo(200);
    }

    private record Flood(
            ConcurrentLinkedQueue<Integer> helloStatuses,
            ConcurrentLinkedQueue<UUID> helloIds,
            ConcurrentLinkedQueue<Integer> unknownStatuses,
            AtomicLong slowestUnknownNanos) {}

    /** Four clients asking for random names and one for hello, for {@link #FLOOD}. */
    private Flood flood(String hello) throws Exception {
        Flood flood = new Flood(
                new ConcurrentLinkedQueue<>(),
                new ConcurrentLinkedQueue<>(),
                new ConcurrentLinkedQueue<>(),
                new AtomicLong());
        long end = System.nanoTime() + FLOOD.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() - end < 0) {
                        long started = System.nanoTime();
                        HttpResponse<String> response =
                                get("r" + UUID.randomUUID().toString().substring(0, 12));
                        flood.slowestUnknownNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
                        flood.unknownStatuses.add(response.statusCode());
                    }
                    return null;
                }));
            }
            running.add(clients.submit(() -> {
                while (System.nanoTime() - end < 0) {
                    HttpResponse<String> response = get(hello);
                    flood.helloStatuses.add(response.statusCode());
                    response.headers()
                            .firstValue("X-Wasmcloud-Invocation-Id")
                            .map(UUID::fromString)
                            .ifPresent(flood.helloIds::add);
                }
                return null;
            }));
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
            clients.awaitTermination(5, TimeUnit.SECONDS);
        }
        return flood;
    }

    private ConfigurableApplicationContext startExecutor() {
        Map<String, Object> properties = Map.of(
                "spring.datasource.url", postgres.jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "server.port", "0",
                "management.server.port", "0",
                "wasmcloud.executor.module-store-root", ExecutorTest.MODULE_STORE.toString(),
                "wasmcloud.executor.compiled-class-cache-dir", "",
                "wasmcloud.executor.service-token-secret", ExecutorTest.SERVICE_SECRET,
                "wasmcloud.executor.function-cache-max-entries", "200",
                "wasmcloud.executor.invocation-journal.directory", journal.toString());
        // As arguments, not the builder's default properties: application.yml's server.port would win over those,
        // and the test would fail whenever something else listens on 8081.
        String[] arguments = properties.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ExecutorApplication.class).run(arguments);
    }

    private String deployHello() {
        String name = "hello-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] module = ExecutorTest.readModule("hello");
        JdbcClient jdbc = jdbc();
        long owner = jdbc.sql("INSERT INTO users (login, status) VALUES (:l, 'active') RETURNING id")
                .param("l", "owner-" + name)
                .query(Long.class)
                .single();
        long function = jdbc.sql("INSERT INTO functions (name, owner_id, effective_timeout_ms, effective_memory_pages)"
                        + " VALUES (:n, :o, 10000, 256) RETURNING id")
                .param("n", name)
                .param("o", owner)
                .query(Long.class)
                .single();
        long version = jdbc.sql("""
                        INSERT INTO function_versions (function_id, number, sha256, size_bytes, abi, entrypoint)
                        VALUES (:f, 1, :sha, :size, 'olin', '_start') RETURNING id""")
                .param("f", function)
                .param("sha", ExecutorTest.store(module))
                .param("size", module.length)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE functions SET active_version_id = :v WHERE id = :f")
                .param("v", version)
                .param("f", function)
                .update();
        return name;
    }

    private HttpResponse<String> get(String name) {
        String port = executor.getEnvironment().getProperty("local.server.port");
        URI uri = URI.create("http://127.0.0.1:" + port + "/" + name + "/");
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static UUID invocationId(HttpResponse<String> response) {
        return UUID.fromString(
                response.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow());
    }

    private int recorded(List<UUID> ids) {
        return jdbc().sql("SELECT count(*) FROM invocations WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Integer.class)
                .single();
    }

    private int listenerBackends() {
        return jdbc().sql(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'wasmcloud-executor-listener'")
                .query(Integer.class)
                .single();
    }

    /** Unpooled, so nothing stale outlives a restart of the database. */
    private JdbcClient jdbc() {
        return JdbcClient.create(postgres.running().getPostgresDatabase());
    }
}
