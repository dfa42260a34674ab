package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One user cannot hold more request threads than its bound (429 with Retry-After), while another user's function
 * goes on answering; and a sleeping guest gives its slot back. The test executor has 2 slots and 3 in flight per user.
 */
@Timeout(60)
class BackPressureTest extends ExecutorTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void pastItsInFlightBoundAUserGets429WithRetryAfterWhileAnotherUsersFunctionAnswers() throws Exception {
        String sleeper = deploy("sleep_then_reply");
        String otherTenantsHello = deploy(readModule("hello"), "public", null, newOwner());
        HttpResponse<String> warm = get("/" + otherTenantsHello + "/");
        // CI once saw a 500 here with nothing logged; the reply says more next time.
        assertThat(warm.statusCode())
                .as(warm.headers().map() + "\n" + warm.body())
                .isEqualTo(200);
        List<CompletableFuture<HttpResponse<String>>> admitted =
                List.of(getAsync(sleeper), getAsync(sleeper), getAsync(sleeper));
        awaitUntil(
                Duration.ofSeconds(5),
                "three invocations in flight",
                () -> gauge("wasmcloud.invocations.in.flight") == 3);

        HttpResponse<String> refused = get("/" + sleeper + "/");
        HttpResponse<String> hello = get("/" + otherTenantsHello + "/");
        boolean sleepersStillAsleep = admitted.stream().noneMatch(CompletableFuture::isDone);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).startsWith("Too many requests to this account's functions are in flight");
        assertThat(hello.statusCode())
                .as("three sleepers hold no slot: another user's hello runs meanwhile")
                .isEqualTo(200);
        assertThat(sleepersStillAsleep).isTrue();
        for (CompletableFuture<HttpResponse<String>> response : admitted) {
            assertThat(response.get().statusCode()).isEqualTo(200);
            assertThat(response.get().body()).isEqualTo("awake\n");
        }
        assertThat(recordOf(refused)).isEqualTo("throttled 429");
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String name) {
        return http.sendAsync(
                HttpRequest.newBuilder(uri("/" + name + "/")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
