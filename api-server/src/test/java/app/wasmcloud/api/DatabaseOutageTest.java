package app.wasmcloud.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.testsupport.RestartablePostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With PostgreSQL down the API answers at once with a 503 problem, for a request whose token must be checked in the
 * database too, and serves again once it is back. Its own PostgreSQL (never the shared one, which other classes are
 * using), stopped and started on the same port and data directory; its own context, closed afterwards.
 */
@DirtiesContext
class DatabaseOutageTest extends ApiTestBase {

    private static final Duration A_COUPLE_OF_SECONDS = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final RestartablePostgres POSTGRES = new RestartablePostgres("wasmcloud-api-outage-db");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        POSTGRES.start();
        registry.add("wasmcloud.test.database-url", POSTGRES::jdbcUrl);
        // A lease this short lets the test see an attempt taken over within seconds, not a minute and a half.
        registry.add("wasmcloud.test.async-lease", () -> "5s");
    }

    @AfterAll
    static void stopDatabase() {
        POSTGRES.close();
    }

    @Test
    void whileTheDatabaseIsDownRequestsGetA503ProblemWithinACoupleOfSecondsAndAreServedWhenItIsBack() throws Exception {
        String token = devToken();
        assertThat(get("/api/functions", token).statusCode()).isEqualTo(200);

        POSTGRES.stop();
        for (int attempt = 0; attempt < 2; attempt++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get("/api/functions", token);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(body(response).get("title").asString()).isEqualTo("Database unavailable");
            assertThat(elapsed).isLessThan(A_COUPLE_OF_SECONDS);
        }

        POSTGRES.start();
        assertThat(statusOnceTheDatabaseIsBack(token)).isEqualTo(200);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBackgroundRequestWhoseResultCouldNotBeStoredWhileTheDatabaseWasAwayIsRunAgainWhenItIsBack() throws Exception {
        String token = devToken();
        String name = deployHello(token, "outage");
        String path = "/internal/functions/" + name + "/invoke";
        EXECUTOR.stubFor(post(urlPathEqualTo(path))
                .willReturn(aResponse().withStatus(200).withFixedDelay(2000).withBody("after the outage")));
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(uri("/api/functions/" + name + "/invoke"))
                        .header("Authorization", "Bearer " + token)
                        .header("Prefer", "respond-async")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = body(accepted).get("id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (EXECUTOR.findAll(postRequestedFor(urlPathEqualTo(path))).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(EXECUTOR.findAll(postRequestedFor(urlPathEqualTo(path))))
                .as("attempt 1 started")
                .hasSize(1);

        // The executor answers attempt 1 two seconds later, while the database is away: its result has nowhere to go.
        POSTGRES.stop();
        Thread.sleep(6000);
        POSTGRES.start();

        JsonNode done = awaitState(id, token, "succeeded");
        assertThat(done.get("attempts").asInt()).isEqualTo(2);
        assertThat(done.get("lostAttempts").asInt()).isEqualTo(1);
        assertThat(done.get("lastError").asString()).contains("Attempt 1 was interrupted");
        EXECUTOR.verify(2, postRequestedFor(urlPathEqualTo(path)));
    }

    /** Polls the request's status, through outages, until it reaches the state. */
    private JsonNode awaitState(String id, String token, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/api/async-invocations/" + id, token);
            if (response.statusCode() == 200) {
                status = body(response);
                if (state.equals(status.path("state").asString())) {
                    return status;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("background request " + id + " never became " + state + "; last seen " + status);
    }

    /**
     * The pool opens its first new connection on its own schedule (it backs off while the database is away), so a
     * request right at the restart may still see the outage; within a few seconds the API must serve again.
     */
    private int statusOnceTheDatabaseIsBack(String token) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        int status = get("/api/functions", token).statusCode();
        while (status == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = get("/api/functions", token).statusCode();
        }
        return status;
    }
}
