package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.TestPropertySource;

/**
 * One tenant's loopers and sleepers, more of them than there are slots, cannot stop another tenant's function: a
 * sleeper gives its slot back while it sleeps and a looper once it is a long run, so hello finds a slot within a
 * long run's threshold (20 ms by default) instead of waiting for the hogs' timeouts.
 */
@TestPropertySource(
        properties = {"wasmcloud.executor.admission.slots=2", "wasmcloud.executor.admission.max-in-flight-per-user=20"})
@Timeout(60)
class HostileTenantTest extends ExecutorTest {

    @Test
    void anotherTenantsLoopersAndSleepersDoNotHoldHelloBack() throws Exception {
        String hello = deploy("hello");
        long hog = newOwner();
        String spin = deploy(readModule("spin"), "public", 3000, hog);
        String sleeper = deploy(readModule("sleep_then_reply"), "public", null, hog);
        assertThat(get("/" + hello + "/").statusCode()).isEqualTo(200);

        List<CompletableFuture<HttpResponse<String>>> hogs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hogs.add(getAsync(spin));
            hogs.add(getAsync(sleeper));
        }
        Thread.sleep(300);
        List<HttpResponse<String>> hellos = new ArrayList<>();
        long slowest = 0;
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            hellos.add(get("/" + hello + "/"));
            slowest = Math.max(slowest, System.nanoTime() - started);
        }
        long hogsDone = hogs.stream().filter(CompletableFuture::isDone).count();

        assertThat(hellos)
                .allSatisfy(response ->
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(hogsDone).as("the loopers still loop while hello answers").isLessThan(hogs.size());
        assertThat(Duration.ofNanos(slowest))
                .as("no hello waits for a hog's timeout")
                .isLessThan(Duration.ofSeconds(1));
        // Each hog slept and answered, ran out of time, or, arriving with the others, waited past the deadline.
        for (CompletableFuture<HttpResponse<String>> response : hogs) {
            assertThat(response.get().statusCode()).isIn(200, 503, 504);
        }
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String name) {
        return http.sendAsync(
                HttpRequest.newBuilder(uri("/" + name + "/")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
