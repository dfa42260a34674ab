package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One function cannot take more than its share (429), and a full pool sheds load (503) instead of queueing without
 * bound; both tell the client when to retry. The test pool has 2 threads, 2 queue slots, 2 in flight per function.
 */
class BackPressureTest extends ExecutorTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void pastItsInFlightCapAFunctionGets429WithRetryAfterWhileTheAdmittedOnesFinish() throws Exception {
        String sleeper = deploy("sleep_then_reply");
        List<CompletableFuture<HttpResponse<String>>> admitted = List.of(getAsync(sleeper), getAsync(sleeper));
        awaitUntil(
                Duration.ofSeconds(5),
                "two invocations in flight",
                () -> gauge("wasmcloud.invocations.in.flight") == 2);

        HttpResponse<String> refused = get("/" + sleeper + "/");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).startsWith("Too many requests to this function are in flight");
        for (CompletableFuture<HttpResponse<String>> response : admitted) {
            assertThat(response.get().statusCode()).isEqualTo(200);
            assertThat(response.get().body()).isEqualTo("awake\n");
        }
        assertThat(recordOf(refused)).isEqualTo("throttled 429");
    }

    @Test
    void whenThePoolIsFullOtherFunctionsGet503AndHealthSaysOutOfService() throws Exception {
        String first = deploy("sleep_then_reply");
        String second = deploy("sleep_then_reply");
        String hello = deploy("hello");
        assertThat(get("/" + hello + "/").statusCode()).isEqualTo(200);
        // Compiled before the race: the four sleepers must arrive while the others still sleep, even on a slow box.
        assertThat(get("/" + first + "/").statusCode()).isEqualTo(200);
        List<CompletableFuture<HttpResponse<String>>> filling = new ArrayList<>();
        for (String name : List.of(first, first, second, second)) {
            filling.add(getAsync(name));
        }
        awaitUntil(Duration.ofSeconds(5), "the pool is full", () -> gauge("wasmcloud.pool.in.use") == 4);

        HttpResponse<String> refused = get("/" + hello + "/");
        HttpResponse<String> health =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + "/actuator/health"))
                        .build());
        HttpResponse<String> readiness = send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort() + "/actuator/health/readiness"))
                .build());
        HttpResponse<String> liveness = send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + "/actuator/health/liveness"))
                        .build());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"pool\":{\"status\":\"OUT_OF_SERVICE\"");
        assertThat(readiness.statusCode())
                .as("a full executor leaves readiness")
                .isEqualTo(503);
        assertThat(liveness.statusCode()).as("but is not restarted for it").isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> response : filling) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        awaitUntil(
                Duration.ofSeconds(5),
                "the drained executor is ready again",
                () -> send(HttpRequest.newBuilder(URI.create(
                                                "http://127.0.0.1:" + managementPort() + "/actuator/health/readiness"))
                                        .build())
                                .statusCode()
                        == 200);
        assertThat(recordOf(refused)).isEqualTo("overloaded 503");
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String name) {
        return http.sendAsync(
                HttpRequest.newBuilder(uri("/" + name + "/")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
