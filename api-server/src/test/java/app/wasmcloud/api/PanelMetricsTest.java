package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The endpoints behind the panel's charts, list columns, settings hints and sign-in screen. */
class PanelMetricsTest extends ApiTestBase {

    /** Writes a record as an executor does. */
    void record(String function, String outcome, Instant startedAt, long wallTimeUs) {
        jdbc.sql("""
                        INSERT INTO invocations (id, function_id, version_id, source, started_at, wall_time_us,
                            cpu_time_us, http_status, outcome, bytes_in, bytes_out, peak_memory_pages)
                        SELECT :id, f.id, f.active_version_id, 'run', :startedAt, :wall, 1, 200, :outcome, 0, 0, 1
                          FROM functions f WHERE f.name = :function""")
                .param("id", UUID.randomUUID())
                .param("startedAt", Timestamp.from(startedAt))
                .param("wall", wallTimeUs)
                .param("outcome", outcome)
                .param("function", function)
                .update();
    }

    @Test
    void anHourOfMetricsIsSixtyMinuteBucketsCountedByOutcomeWithLatencyPercentiles() throws Exception {
        String token = devToken();
        String name = deployHello(token, "charted");
        Instant now = Instant.now();
        record(name, "ok", now.minusSeconds(1), 1_000);
        record(name, "ok", now.minusSeconds(1), 3_000);
        record(name, "trap", now.minusSeconds(1), 5_000);
        record(name, "throttled", now.minusSeconds(1), 10);
        record(name, "ok", now.minusSeconds(7200), 99_000);

        HttpResponse<String> response = get("/api/functions/" + name + "/metrics?range=1h", token);
        JsonNode metrics = body(response);
        List<JsonNode> points =
                StreamSupport.stream(metrics.get("points").spliterator(), false).toList();
        // The records are a second old: in the newest minute, or the one before it if the minute turned meanwhile.
        JsonNode newest = points.getLast().get("ok").asLong() > 0 ? points.getLast() : points.get(points.size() - 2);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(metrics.get("bucketSeconds").asLong()).isEqualTo(60);
        assertThat(points).hasSize(60);
        assertThat(points.stream().mapToLong(point -> point.get("ok").asLong()).sum())
                .as("the record two hours old is outside the hour")
                .isEqualTo(2);
        assertThat(newest.get("ok").asLong()).isEqualTo(2);
        assertThat(newest.get("failed").asLong()).isEqualTo(1);
        assertThat(newest.get("refused").asLong()).isEqualTo(1);
        assertThat(newest.get("p50Ms").asDouble()).isEqualTo(2.0);
        assertThat(points.getFirst().get("p50Ms").isNull()).isTrue();
    }

    @Test
    void theDayAndWeekStayWithinAFewHundredPointsAndAnUnknownRangeIsRefused() throws Exception {
        String token = devToken();
        String name = deployHello(token, "ranges");

        JsonNode day = body(get("/api/functions/" + name + "/metrics?range=24h", token));
        JsonNode week = body(get("/api/functions/" + name + "/metrics?range=7d", token));
        HttpResponse<String> year = get("/api/functions/" + name + "/metrics?range=1y", token);

        assertThat(day.get("points").size()).isEqualTo(288);
        assertThat(week.get("points").size()).isEqualTo(168);
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(body(year).get("detail").asString()).contains("1h, 24h, 7d");
    }

    @Test
    void anotherUsersFunctionHasNoMetricsAndNoActivityRow() throws Exception {
        String owner = userToken(uniqueName("owner"));
        String name = deployHello(owner, "private-stats");
        String stranger = userToken(uniqueName("stranger"));

        HttpResponse<String> metrics = get("/api/functions/" + name + "/metrics", stranger);
        JsonNode activity = body(get("/api/metrics/functions", stranger));

        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(activity.toString()).doesNotContain(name);
    }

    @Test
    void activityGivesEachFunctionItsLastDayErrorRateP95AndLastInvocation() throws Exception {
        String token = userToken(uniqueName("busy"));
        String busy = deployHello(token, "busy");
        String idle = deployHello(token, "idle");
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            record(busy, "ok", now.minusSeconds(60), 2_000);
        }
        record(busy, "timeout", now.minusSeconds(30), 10_000_000);
        record(idle, "ok", now.minusSeconds(3 * 86_400), 1_000);

        JsonNode activity = body(get("/api/metrics/functions", token));
        JsonNode busyRow = rowOf(activity, busy);
        JsonNode idleRow = rowOf(activity, idle);

        assertThat(activity.size()).isEqualTo(2);
        assertThat(busyRow.get("invocations").asLong()).isEqualTo(4);
        assertThat(busyRow.get("errorRate").asDouble()).isEqualTo(0.25);
        assertThat(busyRow.get("p95Ms").asDouble()).isGreaterThan(2.0);
        assertThat(Instant.parse(busyRow.get("lastInvokedAt").asString())).isAfter(now.minusSeconds(31));
        assertThat(idleRow.get("invocations").asLong()).isZero();
        assertThat(idleRow.get("errorRate").isNull()).isTrue();
        assertThat(idleRow.get("lastInvokedAt").isNull())
                .as("older than a day, still shown")
                .isFalse();
    }

    @Test
    void theLimitsShowTheOperatorsCeilings() throws Exception {
        JsonNode limits = body(get("/api/limits", devToken()));

        assertThat(limits.get("maxTimeoutMs").asInt()).isEqualTo(60_000);
        assertThat(limits.get("defaultMemoryPages").asInt()).isEqualTo(256);
    }

    @Test
    void theSignInScreenLearnsItsOptionsAndTheDevButtonStartsACookieSession() throws Exception {
        JsonNode options = body(http.send(
                HttpRequest.newBuilder(uri("/api/login-options")).build(), HttpResponse.BodyHandlers.ofString()));
        HttpResponse<String> login = send("POST", "/api/dev/session", null, null);
        List<String> cookies = login.headers().allValues("Set-Cookie");
        String session = cookies.stream()
                .filter(cookie -> cookie.startsWith("wasmcloud_session="))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> whoami = http.send(
                HttpRequest.newBuilder(uri("/api/whoami"))
                        .header("Cookie", session.substring(0, session.indexOf(';')))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(options.get("devLogin").asBoolean()).isTrue();
        assertThat(options.get("gitea").asBoolean()).isTrue();
        assertThat(login.statusCode()).isEqualTo(204);
        assertThat(session).contains("HttpOnly");
        assertThat(cookies).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN=") && !cookie.contains("HttpOnly"));
        assertThat(body(whoami).get("login").asString()).isEqualTo("dev");
    }

    private static JsonNode rowOf(JsonNode activity, String name) {
        return StreamSupport.stream(activity.spliterator(), false)
                .filter(row -> row.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
