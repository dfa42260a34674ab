package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** The tiers' run quotas on the run domain: counted in memory, shared between executors through PostgreSQL. */
@TestPropertySource(
        properties = {
            "wasmcloud.tiers.free.invocations-per-day=3",
            "wasmcloud.quotas.sync-interval=100ms",
            "wasmcloud.quotas.executor-expiry=3s"
        })
class QuotaTest extends ExecutorTest {

    @Test
    @Timeout(30)
    void aFreeUserOverTheDailyInvocationQuotaGets429WithRetryAfterAndThe429sAreNotBilled() throws Exception {
        long owner = newOwner();
        jdbc.sql("UPDATE users SET tier = 'free' WHERE id = :id")
                .param("id", owner)
                .update();
        String hello = deploy(readModule("hello"), "public", null, owner);

        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = get("/" + hello + "/");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429, 429, 429);
        long untilMidnight = Duration.between(
                        Instant.now(),
                        LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .toSeconds();
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(untilMidnight - 5, untilMidnight + 5);
        assertThat(refused.body()).contains("over its quota");
        assertThat(recordOf(refused)).isEqualTo("quota_exceeded 429");
        // The shared counter holds the three that ran, not the refusals: they are not billed.
        awaitUntil(Duration.ofSeconds(5), "the counts reach PostgreSQL", () -> countedInvocations(owner) == 3);
        Thread.sleep(300);
        assertThat(countedInvocations(owner)).isEqualTo(3);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM invocations i JOIN functions f ON f.id = i.function_id
                        WHERE f.owner_id = :owner AND i.outcome = 'ok'""").param("owner", owner).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    @Timeout(30)
    void anOwnerWithNoCpuTimeLeftIsRefusedUntilAnAdminsOverrideReachesTheExecutorAtItsNextSync() throws Exception {
        long owner = newOwner();
        jdbc.sql("UPDATE users SET tier = 'free', quota_cpu_seconds_per_day = 0 WHERE id = :id")
                .param("id", owner)
                .update();
        String hello = deploy(readModule("hello"), "public", null, owner);

        HttpResponse<String> refused = get("/" + hello + "/");
        jdbc.sql("UPDATE users SET quota_cpu_seconds_per_day = NULL WHERE id = :id")
                .param("id", owner)
                .update();
        Duration took = awaitUntil(
                Duration.ofSeconds(5),
                "the override is lifted",
                () -> get("/" + hello + "/").statusCode() == 200);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isGreaterThan(1);
        assertThat(recordOf(refused)).isEqualTo("quota_exceeded 429");
        assertThat(took).as("one sync interval (100 ms here) and a little").isLessThan(Duration.ofSeconds(2));
    }

    @Test
    @Timeout(60)
    void twoExecutorsTogetherHoldAFunctionToItsRequestsPerSecondWithinOneSecondsBurst() throws Exception {
        long owner = newOwner();
        int rate = 12;
        jdbc.sql(
                        "UPDATE users SET tier = 'free', quota_requests_per_second = :rate, quota_invocations_per_day = 1000000"
                                + " WHERE id = :id")
                .param("rate", rate)
                .param("id", owner)
                .update();
        String hello = deploy(readModule("hello"), "public", null, owner);
        try (ConfigurableApplicationContext second = startSecondExecutor()) {
            URI other = URI.create(
                    "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port") + "/" + hello + "/");
            URI mine = uri("/" + hello + "/");
            awaitUntil(Duration.ofSeconds(10), "both executors beat", () -> liveExecutors() >= 2);
            Thread.sleep(300); // one more sync each, so both split the rate by the same count
            // Other test classes' executors, cached in this JVM, beat into the same table: each of these two splits
            // the rate by all of them, so the rate these two get together is between 2/n of it and all of it.
            Duration window = Duration.ofSeconds(3);

            Map<Integer, Integer> statuses = hammer(List.of(mine, other), window);
            int executors = executorsSeenWithin("10 seconds");

            int admitted = statuses.getOrDefault(200, 0);
            int refusedCount = statuses.getOrDefault(429, 0);
            // The documented accuracy: at most the rate over the window plus one second's burst, however the
            // requests spread; requests reaching 2 of the executors alive get their 2 shares of the rate.
            double seconds = window.toMillis() / 1000.0;
            double share = Math.max(1.0, (double) rate / executors);
            assertThat(admitted)
                    .as(statuses + " with " + executors + " executors")
                    .isLessThanOrEqualTo((int) Math.ceil(rate * seconds + rate));
            assertThat(admitted)
                    .as(statuses + " with " + executors + " executors")
                    .isGreaterThanOrEqualTo((int) Math.floor(2 * share * seconds * 0.7));
            assertThat(refusedCount).isPositive();
            assertThat(statuses.keySet()).containsOnly(200, 429);
        }
    }

    private Map<Integer, Integer> hammer(List<URI> targets, Duration window) throws Exception {
        Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long end = System.nanoTime() + window.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                URI target = targets.get(client % targets.size());
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        HttpResponse<String> response =
                                send(HttpRequest.newBuilder(target).build());
                        counts.computeIfAbsent(response.statusCode(), status -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        Map<Integer, Integer> result = new TreeMap<>();
        counts.forEach((status, count) -> result.put(status, count.get()));
        return result;
    }

    private long countedInvocations(long owner) {
        return jdbc.sql("SELECT coalesce(sum(invocations), 0) FROM quota_counters WHERE user_id = :owner")
                .param("owner", owner)
                .query(Long.class)
                .single();
    }

    private int liveExecutors() {
        return executorsSeenWithin("3 seconds");
    }

    private int executorsSeenWithin(String interval) {
        return jdbc.sql("SELECT count(*) FROM quota_executors WHERE seen_at >= now() - CAST(:interval AS interval)")
                .param("interval", interval)
                .query(Integer.class)
                .single();
    }

    private ConfigurableApplicationContext startSecondExecutor() {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("spring.datasource.url", TestDatabase.jdbcUrl()),
                Map.entry("spring.datasource.username", "postgres"),
                Map.entry("spring.datasource.password", "postgres"),
                Map.entry("server.port", "0"),
                Map.entry("management.server.port", "0"),
                Map.entry("wasmcloud.executor.run-domain", RUN_DOMAIN),
                Map.entry("wasmcloud.executor.module-store-root", MODULE_STORE.toString()),
                Map.entry("wasmcloud.executor.compiled-class-cache-dir", ""),
                Map.entry("wasmcloud.executor.service-token-secret", SERVICE_SECRET),
                Map.entry(
                        "wasmcloud.executor.invocation-journal.directory",
                        createTempDirectory("quota-journal").toString()),
                Map.entry("wasmcloud.secrets.key-id", SECRETS_KEY_ID),
                Map.entry("wasmcloud.secrets.key", SECRETS_KEY),
                Map.entry("wasmcloud.quotas.sync-interval", "100ms"),
                Map.entry("wasmcloud.quotas.executor-expiry", "3s"));
        return new SpringApplicationBuilder(ExecutorApplication.class)
                .properties(properties)
                .run();
    }
}
