package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A function that loops forever, asked more often than it has guest threads, queues behind itself: it runs on its
 * share (1 of the 2 threads here) and its backlog never fills the pool, so another function keeps answering. With one
 * shared queue the looping function's backlog would take both threads and the queue, and hello would get 503.
 */
@TestPropertySource(
        properties = {
            "wasmcloud.executor.pool-threads=2",
            "wasmcloud.executor.pool-queue=2",
            "wasmcloud.executor.max-in-flight-per-function=4",
            "wasmcloud.executor.max-running-per-function=1"
        })
class FairShareTest extends ExecutorTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void aLoopingFunctionsBacklogWaitsForItsOwnShareWhileAnotherFunctionKeepsAnswering() throws Exception {
        String hello = deploy("hello");
        String spin = deploy(readModule("spin"), "public", 1500);
        assertThat(get("/" + hello + "/").statusCode()).isEqualTo(200);

        List<CompletableFuture<HttpResponse<String>>> spinning = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            spinning.add(http.sendAsync(
                    HttpRequest.newBuilder(uri("/" + spin + "/")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        awaitUntil(
                Duration.ofSeconds(5),
                "four spin invocations in flight",
                () -> meters.get("wasmcloud.invocations.in.flight").gauge().value() == 4);
        HttpResponse<String> fifth = get("/" + spin + "/");

        List<HttpResponse<String>> hellos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hellos.add(get("/" + hello + "/"));
        }
        long spinsStillWaiting =
                spinning.stream().filter(response -> !response.isDone()).count();

        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(hellos)
                .allSatisfy(response ->
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(spinsStillWaiting)
                .as("spin invocations not yet ended while hello answered")
                .isGreaterThan(1);
        List<Integer> spinStatuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : spinning) {
            spinStatuses.add(response.get().statusCode());
        }
        // Each ran out of time on its turn (504), or waited a whole timeout for one and was told to retry (503).
        assertThat(spinStatuses).containsOnly(504, 503).contains(504);
    }
}
