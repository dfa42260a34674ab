package app.wasmcloud.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Background invocations against the api-server's real queue and workers on the embedded PostgreSQL, with the
 * WireMock executor answering as the executor would (failing on cue). The real executor's side, the records it
 * writes for each attempt, is in ExecutorOverHttpsTest.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AsyncInvokeTest extends ApiTestBase {

    static final WireMockServer CALLBACKS =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        CALLBACKS.start();
    }

    @AfterAll
    static void stopCallbacks() {
        CALLBACKS.stop();
    }

    @Test
    void aBackgroundInvokeIsStoredAnswers202WithItsStatusUrlAndItsResultCanBeRead() throws Exception {
        String token = devToken();
        String name = deployHello(token, "later");
        stubExecutor(name, 200, "done later");

        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(uri("/api/functions/" + name + "/invoke"))
                        .header("Authorization", "Bearer " + token)
                        .header("Prefer", "respond-async")
                        .header("X-Wasmcloud-Path", "/jobs?n=1")
                        .POST(HttpRequest.BodyPublishers.ofString("payload"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = body(accepted).get("id").asString();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/async-invocations/" + id);
        assertThat(accepted.headers().firstValue("X-Wasmcloud-Invocation-Id")).hasValue(id);
        assertThat(body(accepted).get("statusUrl").asString()).isEqualTo("/api/async-invocations/" + id);
        assertThat(jdbc.sql("SELECT count(*) FROM async_requests WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .as("stored before the 202")
                .isEqualTo(1);

        JsonNode done = awaitState(id, token, "succeeded");
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(done.get("response").get("status").asInt()).isEqualTo(200);
        assertThat(new String(
                        Base64.getDecoder()
                                .decode(done.get("response").get("body").asString()),
                        StandardCharsets.UTF_8))
                .isEqualTo("done later");
        EXECUTOR.verify(postRequestedFor(urlPathEqualTo("/internal/functions/" + name + "/invoke"))
                .withHeader("X-Wasmcloud-Source", equalTo("async"))
                .withHeader("X-Wasmcloud-Async-Request", equalTo(id))
                .withHeader("X-Wasmcloud-Attempt", equalTo("1"))
                .withHeader("X-Wasmcloud-Method", equalTo("POST"))
                .withHeader("X-Wasmcloud-Path", equalTo("/jobs?n=1")));
    }

    @Test
    void theAsyncQueryParameterAsksForTheBackgroundToo() throws Exception {
        String token = devToken();
        String name = deployHello(token, "later");
        stubExecutor(name, 200, "ok");

        HttpResponse<String> accepted = send("POST", "/api/functions/" + name + "/invoke?async=true", token, null);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(awaitState(body(accepted).get("id").asString(), token, "succeeded")
                        .get("attempts")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aFunctionThatFailsTwiceAndThenSucceedsGetsThreeAttempts() throws Exception {
        String token = devToken();
        String name = deployHello(token, "flaky");
        String path = "/internal/functions/" + name + "/invoke";
        EXECUTOR.stubFor(post(urlPathEqualTo(path))
                .inScenario(name)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("The function failed\n"))
                .willSetStateTo("failed once"));
        EXECUTOR.stubFor(post(urlPathEqualTo(path))
                .inScenario(name)
                .whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(504).withBody("The function ran out of time\n"))
                .willSetStateTo("failed twice"));
        EXECUTOR.stubFor(post(urlPathEqualTo(path))
                .inScenario(name)
                .whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200).withBody("third time lucky")));

        String before = prometheus();
        String id = acceptAsync(name, token, null);
        JsonNode done = awaitState(id, token, "succeeded");
        String after = prometheus();

        assertThat(done.get("attempts").asInt()).isEqualTo(3);
        assertThat(done.get("lastError").asString()).contains("504");
        assertThat(MetricsTest.delta(before, after, "wasmcloud_async_attempts_total", "result=\"retried\""))
                .isGreaterThanOrEqualTo(2);
        assertThat(MetricsTest.delta(before, after, "wasmcloud_async_attempts_total", "result=\"succeeded\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(after).contains("wasmcloud_async_requests{state=\"queued\"}");
        for (int attempt = 1; attempt <= 3; attempt++) {
            EXECUTOR.verify(
                    1,
                    postRequestedFor(urlPathEqualTo(path))
                            .withHeader("X-Wasmcloud-Attempt", equalTo(Integer.toString(attempt))));
        }
    }

    @Test
    void oneThatNoExecutorAnswersEndsInTheDeadLettersWithEveryAttemptRecordedAndARetryRunsItAgain() throws Exception {
        String token = devToken();
        String name = deployHello(token, "doomed");
        String path = "/internal/functions/" + name + "/invoke";
        EXECUTOR.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        String id = acceptAsync(name, token, null);
        JsonNode dead = awaitState(id, token, "dead_lettered");

        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("lastError").asString()).contains("unreachable");
        assertThat(dead.get("invocations").size())
                .as("every attempt is an invocation record")
                .isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(dead.get("invocations").get(i).get("attempt").asInt()).isEqualTo(i + 1);
            assertThat(dead.get("invocations").get(i).get("outcome").asString()).isEqualTo("unavailable");
        }
        JsonNode listed = body(get("/api/functions/" + name + "/invocations", token));
        assertThat(listed.get(0).get("source").asString()).isEqualTo("async");
        assertThat(listed.get(0).get("asyncRequestId").asString()).isEqualTo(id);
        assertThat(listed.get(0).get("attempt").asInt()).isEqualTo(3);

        JsonNode letters = body(get("/api/functions/" + name + "/dead-letters", token));
        assertThat(letters.size()).isEqualTo(1);
        assertThat(letters.get(0).get("id").asString()).isEqualTo(id);
        assertThat(body(get("/api/functions/" + name + "/dead-letters/" + id, token))
                        .get("state")
                        .asString())
                .isEqualTo("dead_lettered");

        stubExecutor(name, 200, "fixed");
        HttpResponse<String> retried =
                send("POST", "/api/functions/" + name + "/dead-letters/" + id + "/retry", token, null);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        JsonNode done = awaitState(id, token, "succeeded");
        assertThat(done.get("attempts").asInt()).isEqualTo(4);
        assertThat(body(get("/api/functions/" + name + "/dead-letters", token)).size())
                .isZero();
    }

    @Test
    void aDeadLetterCanBeDiscarded() throws Exception {
        String token = devToken();
        String name = deployHello(token, "discard");
        send("PUT", "/api/functions/" + name + "/retry-policy", token, "{\"maxAttempts\":1}");
        stubExecutor(name, 500, "broken");

        String id = acceptAsync(name, token, null);
        assertThat(awaitState(id, token, "dead_lettered").get("attempts").asInt())
                .isEqualTo(1);

        assertThat(send("DELETE", "/api/functions/" + name + "/dead-letters/" + id, token, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(get("/api/functions/" + name + "/dead-letters/" + id, token).statusCode())
                .isEqualTo(404);
        assertThat(body(get("/api/functions/" + name + "/dead-letters", token)).size())
                .isZero();
    }

    @Test
    void theRetryPolicyIsPerFunctionWithinTheOperatorsLimit() throws Exception {
        String token = devToken();
        String name = deployHello(token, "policy");

        JsonNode defaults = body(get("/api/functions/" + name + "/retry-policy", token));
        HttpResponse<String> tooMany =
                send("PUT", "/api/functions/" + name + "/retry-policy", token, "{\"maxAttempts\":11}");
        JsonNode five = body(send("PUT", "/api/functions/" + name + "/retry-policy", token, "{\"maxAttempts\":5}"));

        assertThat(defaults.get("effectiveMaxAttempts").asInt()).isEqualTo(3);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(body(tooMany).get("detail").asString()).contains("use 1 to 10");
        assertThat(five.get("effectiveMaxAttempts").asInt()).isEqualTo(5);
    }

    @Test
    void anAttemptWhoseWorkerDiedIsTakenOverWhenItsLeaseRunsOutAndTheRequestSaysSo() throws Exception {
        String token = devToken();
        String name = deployHello(token, "orphan");
        stubExecutor(name, 200, "finished by another worker");
        UUID id = UUID.randomUUID();
        // What a worker that died in the middle of attempt 1 leaves behind: running, with a lease that has run out.
        jdbc.sql("""
                        INSERT INTO async_requests (id, function_id, source, method, path, body, state, attempts,
                            max_attempts, next_attempt_at)
                        SELECT :id, f.id, 'async', 'GET', '/', ''::bytea, 'running', 1, 3, :leaseEnded
                          FROM functions f WHERE f.name = :name""")
                .param("id", id)
                .param("leaseEnded", Timestamp.from(Instant.now().minusSeconds(1)))
                .param("name", name)
                .update();

        JsonNode done = awaitState(id.toString(), token, "succeeded");

        assertThat(done.get("attempts").asInt()).isEqualTo(2);
        assertThat(done.get("lostAttempts").asInt()).isEqualTo(1);
        assertThat(done.get("lastError").asString()).contains("Attempt 1 was interrupted");
        EXECUTOR.verify(
                1,
                postRequestedFor(urlPathEqualTo("/internal/functions/" + name + "/invoke"))
                        .withHeader("X-Wasmcloud-Attempt", equalTo("2")));
    }

    @Test
    void theCallbackIsPostedTheResultWhenItsHostIsOnTheEgressAllowList() throws Exception {
        String token = devToken();
        String name = deployHello(token, "callback");
        stubExecutor(name, 200, "called back");
        CALLBACKS.stubFor(
                post(urlPathEqualTo("/hook/" + name)).willReturn(aResponse().withStatus(204)));
        String callback = "http://localhost:" + CALLBACKS.port() + "/hook/" + name;

        HttpResponse<String> refused = http.send(
                asyncRequest(name, token)
                        .header("X-Wasmcloud-Callback", callback)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        send("PATCH", "/api/functions/" + name, token, "{\"egressAllowList\":[\"localhost\"]}");
        String id = acceptAsync(name, token, callback);
        awaitState(id, token, "succeeded");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("detail").asString()).contains("egress allow-list");
        JsonNode delivered = awaitCallback(id, token);
        assertThat(delivered.get("callbackResult").asString()).isEqualTo("delivered: 204");
        CALLBACKS.verify(postRequestedFor(urlPathEqualTo("/hook/" + name))
                .withRequestBody(matchingJsonPath("$.id", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.state", equalTo("succeeded"))));
    }

    @Test
    void aBodyOverTheBackgroundCapIsRefusedWith413() throws Exception {
        String token = devToken();
        String name = deployHello(token, "big");

        HttpResponse<String> response = http.send(
                asyncRequest(name, token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response).get("detail").asString()).contains("1048576 bytes");
    }

    @Test
    void aFullQueueIsRefusedWith429AndRetryAfter() throws Exception {
        String token = devToken();
        String name = deployHello(token, "busy");
        // A thousand requests waiting far in the future: the queue is full, and no worker takes them meanwhile.
        jdbc.sql("""
                        INSERT INTO async_requests (id, function_id, source, method, path, body, state, max_attempts,
                            next_attempt_at)
                        SELECT gen_random_uuid(), f.id, 'async', 'GET', '/', ''::bytea, 'queued', 3,
                               now() + interval '1 day'
                          FROM functions f, generate_series(1, 1000) WHERE f.name = :name""").param("name", name).update();

        HttpResponse<String> response = http.send(
                asyncRequest(name, token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        jdbc.sql("DELETE FROM async_requests WHERE function_id = (SELECT id FROM functions WHERE name = :name)")
                .param("name", name)
                .update();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(body(response).get("detail").asString()).contains("1000 background requests");
    }

    @Test
    void someoneElsesBackgroundInvocationIsNotFound() throws Exception {
        String token = devToken();
        String name = deployHello(token, "mine");
        stubExecutor(name, 200, "ok");
        String id = acceptAsync(name, token, null);

        HttpResponse<String> response = get("/api/async-invocations/" + id, userToken(uniqueName("other")));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private String prometheus() throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private void stubExecutor(String name, int status, String body) {
        EXECUTOR.stubFor(post(urlPathEqualTo("/internal/functions/" + name + "/invoke"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader(
                                "X-Wasmcloud-Invocation-Id", UUID.randomUUID().toString())
                        .withBody(body)));
    }

    private HttpRequest.Builder asyncRequest(String name, String token) {
        return HttpRequest.newBuilder(uri("/api/functions/" + name + "/invoke"))
                .header("Authorization", "Bearer " + token)
                .header("Prefer", "respond-async");
    }

    private String acceptAsync(String name, String token, String callback) throws Exception {
        HttpRequest.Builder request = asyncRequest(name, token).POST(HttpRequest.BodyPublishers.noBody());
        if (callback != null) {
            request.header("X-Wasmcloud-Callback", callback);
        }
        HttpResponse<String> accepted = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return body(accepted).get("id").asString();
    }

    /** Polls the status until it reaches the state; fails with the last status seen. */
    private JsonNode awaitState(String id, String token, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode status = body(get("/api/async-invocations/" + id, token));
        while (!state.equals(status.path("state").asString()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = body(get("/api/async-invocations/" + id, token));
        }
        assertThat(status.path("state").asString()).as(status.toString()).isEqualTo(state);
        return status;
    }

    private JsonNode awaitCallback(String id, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode status = body(get("/api/async-invocations/" + id, token));
        while (status.path("callbackResult").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = body(get("/api/async-invocations/" + id, token));
        }
        return status;
    }
}
