package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.TestPropertySource;

/**
 * With long runs never giving their slot back (demotion off), a looping function holds the one slot: callers wait
 * in turn up to the queueing deadline, then get 503 with Retry-After, and readiness says out of service while the
 * queue is near its bound.
 */
@TestPropertySource(
        properties = {
            "wasmcloud.executor.admission.slots=1",
            "wasmcloud.executor.admission.max-waiting=4",
            "wasmcloud.executor.admission.queue-deadline=1s",
            "wasmcloud.executor.admission.demote-after=0",
            "wasmcloud.executor.admission.max-in-flight-per-user=100"
        })
@Timeout(60)
class QueueDeadlineTest extends ExecutorTest {

    @Test
    void pastTheQueueingDeadlineCallersGet503AndHealthSaysOutOfServiceMeanwhile() throws Exception {
        String spin = deploy(readModule("spin"), "public", 3000);
        String hello = deploy(readModule("hello"), "public", null, newOwner());
        assertThat(get("/" + hello + "/").statusCode()).isEqualTo(200);
        CompletableFuture<HttpResponse<String>> spinning = getAsync(spin);
        awaitUntil(
                java.time.Duration.ofSeconds(5),
                "the spin holds the slot",
                () -> !get("/" + hello + "/")
                        .headers()
                        .firstValue("Retry-After")
                        .isEmpty());

        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(getAsync(hello));
        }
        Thread.sleep(300);
        HttpResponse<String> health = management("/actuator/health");
        HttpResponse<String> readiness = management("/actuator/health/readiness");
        HttpResponse<String> liveness = management("/actuator/health/liveness");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"pool\":{\"status\":\"OUT_OF_SERVICE\"");
        assertThat(readiness.statusCode())
                .as("a saturated executor leaves readiness")
                .isEqualTo(503);
        assertThat(liveness.statusCode()).as("but is not restarted for it").isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> response : waiting) {
            assertThat(response.get().statusCode()).isEqualTo(503);
            assertThat(response.get().headers().firstValue("Retry-After")).hasValue("1");
        }
        assertThat(recordOf(waiting.getLast().get())).isEqualTo("overloaded 503");
        assertThat(spinning.get().statusCode()).isEqualTo(504);
        awaitUntil(
                java.time.Duration.ofSeconds(5),
                "the drained executor is ready again",
                () -> management("/actuator/health/readiness").statusCode() == 200);
    }

    private HttpResponse<String> management(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + path))
                .build());
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String name) {
        return http.sendAsync(
                HttpRequest.newBuilder(uri("/" + name + "/")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
