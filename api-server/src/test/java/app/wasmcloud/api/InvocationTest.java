package app.wasmcloud.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.invocation.InvocationRetention;
import app.wasmcloud.contract.InvocationOutcome;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class InvocationTest extends ApiTestBase {

    @Autowired
    InvocationRetention retention;

    /** Writes a record as an executor does. */
    UUID record(String function, String outcome, Instant startedAt, String logLines) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO invocations (id, function_id, version_id, source, started_at, wall_time_us,
                            cpu_time_us, http_status, outcome, exit_code, bytes_in, bytes_out, peak_memory_pages,
                            host_calls, stderr, log_lines)
                        SELECT :id, f.id, f.active_version_id, 'run', :startedAt, 1500, 900, 200, :outcome, 0, 10, 20, 3,
                               '{"log.write":2}'::jsonb, 'warn: slow', :logLines::jsonb
                          FROM functions f WHERE f.name = :function""")
                .param("id", id)
                .param("startedAt", Timestamp.from(startedAt))
                .param("outcome", outcome)
                .param("logLines", logLines)
                .param("function", function)
                .update();
        return id;
    }

    @Test
    void invocationsAreListedNewestFirstAndFilteredByOutcomeAndAge() throws Exception {
        String token = devToken();
        String name = deployHello(token, "calls");
        Instant now = Instant.now();
        UUID old = record(name, "ok", now.minus(Duration.ofHours(3)), "[]");
        UUID trap = record(name, "trap", now.minusSeconds(60), "[]");
        UUID recent = record(name, "ok", now.minusSeconds(10), "[]");

        JsonNode all = body(get("/api/functions/" + name + "/invocations", token));
        JsonNode ok = body(get("/api/functions/" + name + "/invocations?outcome=ok", token));
        JsonNode lastHour = body(get("/api/functions/" + name + "/invocations?since=1h", token));
        JsonNode one = body(get("/api/functions/" + name + "/invocations?limit=1", token));

        assertThat(all.size()).isEqualTo(3);
        assertThat(all.get(0).get("id").asString()).isEqualTo(recent.toString());
        assertThat(all.get(1).get("id").asString()).isEqualTo(trap.toString());
        assertThat(all.get(2).get("id").asString()).isEqualTo(old.toString());
        assertThat(all.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(all.get(0).has("stderr")).isFalse();
        assertThat(ok.size()).isEqualTo(2);
        assertThat(lastHour.size()).isEqualTo(2);
        assertThat(one.size()).isEqualTo(1);
    }

    @Test
    void everyOutcomeAnExecutorRecordsCanBeFilteredOn() throws Exception {
        String token = devToken();
        String name = deployHello(token, "refusals");
        Instant now = Instant.now();
        // The contract's list, so an outcome added there is checked here without anyone remembering to.
        List<String> outcomes = InvocationOutcome.labels();
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ids.put(outcomes.get(i), record(name, outcomes.get(i), now.minusSeconds(i), "[]"));
        }

        for (String outcome : outcomes) {
            HttpResponse<String> response = get("/api/functions/" + name + "/invocations?outcome=" + outcome, token);
            assertThat(response.statusCode())
                    .as(outcome + ": " + response.body())
                    .isEqualTo(200);
            JsonNode found = body(response);
            assertThat(found.size()).as(outcome).isEqualTo(1);
            assertThat(found.get(0).get("id").asString())
                    .isEqualTo(ids.get(outcome).toString());
            assertThat(found.get(0).get("outcome").asString()).isEqualTo(outcome);
        }
    }

    @Test
    void anInvocationNoExecutorAnsweredIsRecordedAndItsProblemNamesTheRecord() throws Exception {
        String token = devToken();
        String name = deployHello(token, "reset");
        EXECUTOR.stubFor(post(urlPathEqualTo("/internal/functions/" + name + "/invoke"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/functions/" + name + "/invoke"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("four"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        String id = body(response).get("invocationId").asString();
        assertThat(response.headers().firstValue("X-Wasmcloud-Invocation-Id")).hasValue(id);
        JsonNode recorded = body(get("/api/invocations/" + id, token));
        assertThat(recorded.get("function").asString()).isEqualTo(name);
        assertThat(recorded.get("source").asString()).isEqualTo("api");
        assertThat(recorded.get("outcome").asString()).isEqualTo("unavailable");
        assertThat(recorded.get("httpStatus").asInt()).isEqualTo(502);
        assertThat(recorded.get("bytesIn").asLong()).isEqualTo(4);
    }

    @Test
    void invocationsAreFilteredByOneStatusOrAClassOfThem() throws Exception {
        String token = devToken();
        String name = deployHello(token, "statuses");
        Instant now = Instant.now();
        UUID ok = record(name, "ok", now.minusSeconds(30), "[]");
        UUID notFound = record(name, "ok", now.minusSeconds(20), "[]");
        UUID trap = record(name, "trap", now.minusSeconds(10), "[]");
        jdbc.sql("UPDATE invocations SET http_status = 404 WHERE id = :id")
                .param("id", notFound)
                .update();
        jdbc.sql("UPDATE invocations SET http_status = 500 WHERE id = :id")
                .param("id", trap)
                .update();

        JsonNode success = body(get("/api/functions/" + name + "/invocations?status=2xx", token));
        JsonNode clientErrors = body(get("/api/functions/" + name + "/invocations?status=4XX", token));
        JsonNode exactly500 = body(get("/api/functions/" + name + "/invocations?status=500", token));
        JsonNode redirects = body(get("/api/functions/" + name + "/invocations?status=3xx", token));

        assertThat(success.size()).isEqualTo(1);
        assertThat(success.get(0).get("id").asString()).isEqualTo(ok.toString());
        assertThat(clientErrors.size()).isEqualTo(1);
        assertThat(clientErrors.get(0).get("httpStatus").asInt()).isEqualTo(404);
        assertThat(exactly500.size()).isEqualTo(1);
        assertThat(exactly500.get(0).get("id").asString()).isEqualTo(trap.toString());
        assertThat(redirects.size()).isZero();
    }

    @Test
    void badListParametersAreRejectedSayingWhatIsAllowed() throws Exception {
        String token = devToken();
        String name = deployHello(token, "params");

        HttpResponse<String> outcome = get("/api/functions/" + name + "/invocations?outcome=fine", token);
        HttpResponse<String> since = get("/api/functions/" + name + "/invocations?since=yesterday", token);
        HttpResponse<String> limit = get("/api/functions/" + name + "/invocations?limit=501", token);
        HttpResponse<String> status = get("/api/functions/" + name + "/invocations?status=teapot", token);

        assertThat(outcome.statusCode()).isEqualTo(400);
        assertThat(body(outcome).get("detail").asString())
                .isEqualTo("Unknown outcome 'fine': use one of ok, nonzero_exit, trap, timeout, memory_limit,"
                        + " output_limit, invalid_response, throttled, overloaded, unavailable, quota_exceeded.");
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(body(since).get("detail").asString()).contains("15m, 2h or 7d");
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(body(limit).get("detail").asString()).isEqualTo("Invalid limit 501: use 1 to 500.");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(body(status).get("detail").asString())
                .isEqualTo("Invalid status 'teapot': give a code such as 404 or a class such as 2xx, 4xx or 5xx.");
    }

    @Test
    void anInvocationShowsItsTimingsOutputAndHostCallsToItsOwnerOnly() throws Exception {
        String token = devToken();
        String name = deployHello(token, "detail");
        UUID id = record(name, "ok", Instant.now(), "[{\"level\":\"info\",\"message\":\"hi\"}]");

        HttpResponse<String> response = get("/api/invocations/" + id, token);
        HttpResponse<String> stranger = get("/api/invocations/" + id, userToken("mallory-calls"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode detail = body(response);
        assertThat(detail.get("function").asString()).isEqualTo(name);
        assertThat(detail.get("outcome").asString()).isEqualTo("ok");
        assertThat(detail.get("wallTimeUs").asLong()).isEqualTo(1500);
        assertThat(detail.get("peakMemoryPages").asInt()).isEqualTo(3);
        assertThat(detail.get("hostCalls").get("log.write").asInt()).isEqualTo(2);
        assertThat(detail.get("stderr").asString()).isEqualTo("warn: slow");
        assertThat(detail.get("logLines").get(0).get("message").asString()).isEqualTo("hi");
        assertThat(stranger.statusCode()).isEqualTo(404);
    }

    @Test
    void theLogStreamSendsOneEventPerNewInvocationWithItsLogLines() throws Exception {
        String token = devToken();
        String name = deployHello(token, "follow");
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(uri("/api/functions/" + name + "/logs/stream"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            UUID id = record(name, "ok", Instant.now(), "[{\"level\":\"info\",\"message\":\"streamed\"}]");
            CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
                StringBuilder seen = new StringBuilder();
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        seen.append(line).append('\n');
                        if (line.startsWith("data:")) {
                            return seen.toString();
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return seen.toString();
            });

            String received = event.get(10, TimeUnit.SECONDS);
            assertThat(received).contains("event:invocation").contains("id:" + id);
            assertThat(received).contains("\"message\":\"streamed\"");
        }
    }

    @Test
    void theLogStreamDoesNotReplayInvocationsRecordedBeforeItOpened() throws Exception {
        String token = devToken();
        String name = deployHello(token, "fresh");
        UUID before = record(name, "trap", Instant.now().minusSeconds(5), "[]");
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(uri("/api/functions/" + name + "/logs/stream"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            UUID after = record(name, "ok", Instant.now(), "[]");
            CompletableFuture<String> firstEvent = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("id:")) {
                            return line;
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return "";
            });

            String id = firstEvent.get(10, TimeUnit.SECONDS);
            assertThat(id).isEqualTo("id:" + after).doesNotContain(before.toString());
        }
    }

    @Test
    void theListWithDetailsCarriesStderrLogLinesTrapMessageAndHostCalls() throws Exception {
        String token = devToken();
        String name = deployHello(token, "detailed");
        record(name, "trap", Instant.now(), "[{\"level\":\"error\",\"message\":\"boom\"}]");

        JsonNode plain = body(get("/api/functions/" + name + "/invocations", token));
        JsonNode detailed = body(get("/api/functions/" + name + "/invocations?details=true", token));

        assertThat(plain.get(0).has("stderr")).isFalse();
        assertThat(detailed.get(0).get("stderr").asString()).isEqualTo("warn: slow");
        assertThat(detailed.get(0).get("logLines").get(0).get("message").asString())
                .isEqualTo("boom");
        assertThat(detailed.get(0).get("hostCalls").get("log.write").asInt()).isEqualTo(2);
    }

    @Test
    void theRetentionJobDeletesOnlyRecordsOlderThanTheRetentionPeriod() throws Exception {
        String token = devToken();
        String name = deployHello(token, "retained");
        UUID expired = record(name, "ok", Instant.now().minus(Duration.ofDays(8)), "[]");
        UUID kept = record(name, "ok", Instant.now().minus(Duration.ofDays(6)), "[]");

        int pruned = retention.prune();

        assertThat(pruned).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/invocations/" + expired, token).statusCode()).isEqualTo(404);
        assertThat(get("/api/invocations/" + kept, token).statusCode()).isEqualTo(200);
    }
}
