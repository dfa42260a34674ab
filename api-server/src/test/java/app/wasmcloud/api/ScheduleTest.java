package app.wasmcloud.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.schedule.ScheduleFirer;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Schedules on the real firer and queue. The firer is driven with the instants a test chooses ({@code fireDue}),
 * the injectable clock of the issue, so a slot a minute away fires now; the servers' own pollers run meanwhile on
 * the real clock, which can only fire a slot that is due for real, and at most once either way.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScheduleTest extends ApiTestBase {

    @Autowired
    ScheduleFirer firer;

    /** The servers' pollers would fire these schedules every minute for the rest of the test run. */
    @AfterEach
    void pauseEverySchedule() {
        jdbc.sql("UPDATE schedules SET paused = true, next_slot = NULL").update();
    }

    @Test
    void aScheduleShowsItsNextFiveSlotsInItsTimeZone() throws Exception {
        String token = devToken();
        String name = deployHello(token, "daily");

        JsonNode schedule = create(name, token, """
                {"cron":"30 9 * * MON-FRI","timeZone":"Europe/Paris","method":"PUT","path":"/report",
                 "headers":{"X-Kind":"daily"},"body":"go"}""");

        List<Instant> next = instants(schedule.get("nextFireTimes"));
        assertThat(next).hasSize(5);
        for (Instant slot : next) {
            ZonedDateTime paris = slot.atZone(ZoneId.of("Europe/Paris"));
            assertThat(paris.getHour()).isEqualTo(9);
            assertThat(paris.getMinute()).isEqualTo(30);
            assertThat(paris.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
        }
        assertThat(schedule.get("method").asString()).isEqualTo("PUT");
        assertThat(schedule.get("headers").get("X-Kind").get(0).asString()).isEqualTo("daily");
    }

    @Test
    void aScheduleEveryMinuteFiresInItsSlotOnceThroughTheQueue() throws Exception {
        String token = devToken();
        String name = deployHello(token, "minutely");
        stubExecutor(name);
        JsonNode schedule = create(name, token, "{\"cron\":\"* * * * *\",\"path\":\"/tick\"}");
        List<Instant> next = instants(schedule.get("nextFireTimes"));
        assertThat(Duration.between(next.get(0), next.get(1))).isEqualTo(Duration.ofMinutes(1));
        Instant slot = next.get(0);

        firer.fireDue(slot.plusSeconds(2));
        firer.fireDue(slot.plusSeconds(3));

        List<UUID> requests = requestsOf(schedule, slot);
        assertThat(requests).as("one request for the slot").hasSize(1);
        // The request is due at the firer's time, up to a minute ahead of the workers' real clock: bring it to now.
        jdbc.sql("UPDATE async_requests SET next_attempt_at = now() WHERE id = :id AND state = 'queued'")
                .param("id", requests.get(0))
                .update();
        awaitSucceeded(requests.get(0));
        EXECUTOR.verify(
                1,
                postRequestedFor(urlPathEqualTo("/internal/functions/" + name + "/invoke"))
                        .withHeader("X-Wasmcloud-Source", equalTo("schedule"))
                        .withHeader("X-Wasmcloud-Path", equalTo("/tick")));
        JsonNode shown = show(name, schedule, token);
        assertThat(shown.get("firedSlots").asLong()).isEqualTo(1);
        assertThat(Instant.parse(shown.get("lastSlot").asString())).isEqualTo(slot);
        assertThat(Instant.parse(shown.get("nextFireTimes").get(0).asString())).isEqualTo(slot.plusSeconds(60));
    }

    @Test
    void slotsMissedWhileEverythingWasDownAreSkippedAndCountedNotReplayed() throws Exception {
        String token = devToken();
        String name = deployHello(token, "missed");
        stubExecutor(name);
        // Hourly, half an hour from its next slot: the servers' own pollers cannot reach it during the test.
        JsonNode schedule = create(name, token, "{\"cron\":\"" + minuteFarFromNow() + " * * * *\"}");
        Instant first = instants(schedule.get("nextFireTimes")).get(0);
        String before = prometheus();

        // Back ten slots later: the current slot still fires, the nine before it are skipped.
        firer.fireDue(first.plus(Duration.ofHours(9)).plusSeconds(1));
        JsonNode afterTen = show(name, schedule, token);
        // Back again long after a slot's lateness: nothing fires, all are skipped.
        firer.fireDue(first.plus(Duration.ofHours(20)).plusSeconds(45));
        JsonNode afterTwenty = show(name, schedule, token);

        assertThat(afterTen.get("firedSlots").asLong()).isEqualTo(1);
        assertThat(afterTen.get("skippedSlots").asLong()).isEqualTo(9);
        assertThat(afterTwenty.get("firedSlots").asLong()).isEqualTo(1);
        assertThat(afterTwenty.get("skippedSlots").asLong()).isEqualTo(9 + 11);
        assertThat(requestsOf(schedule, null)).hasSize(1);
        String after = prometheus();
        assertThat(MetricsTest.delta(before, after, "wasmcloud_schedules_skipped_slots_total", "reason=\"late\""))
                .isGreaterThanOrEqualTo(20);
        assertThat(after).containsPattern("wasmcloud_schedules_lag_seconds_count [1-9]");
    }

    @Test
    void withTwoApiServersSharingTheDatabaseEachSlotFiresExactlyOnce() throws Exception {
        String token = devToken();
        String name = deployHello(token, "shared");
        stubExecutor(name);
        // Hourly, half an hour from now: all ten share their next slot, which no poller reaches on its own.
        String cron = "{\"cron\":\"" + minuteFarFromNow() + " * * * *\"}";
        List<JsonNode> created = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            created.add(create(name, token, cron));
        }
        Instant slot = instants(created.get(0).get("nextFireTimes")).get(0);
        Instant latest = instants(created.get(9).get("nextFireTimes")).get(0);
        assertThat(latest).isEqualTo(slot);

        try (ConfigurableApplicationContext second = secondApiServer()) {
            ScheduleFirer other = second.getBean(ScheduleFirer.class);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> racing = new ArrayList<>();
            for (ScheduleFirer server : List.of(firer, other, firer, other)) {
                racing.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    server.fireDue(latest.plusSeconds(1));
                }));
            }
            start.countDown();
            CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }

        for (JsonNode schedule : created) {
            assertThat(requestsOf(schedule, null))
                    .as("requests of " + schedule.get("id"))
                    .hasSize(1);
            assertThat(requestsOf(schedule, slot)).hasSize(1);
        }
    }

    @Test
    void pauseResumeChangeAndDeleteDoWhatTheySay() throws Exception {
        String token = devToken();
        String name = deployHello(token, "lifecycle");
        JsonNode schedule = create(name, token, "{\"cron\":\"*/5 * * * *\"}");
        String path =
                "/api/functions/" + name + "/schedules/" + schedule.get("id").asString();

        JsonNode paused = body(send("POST", path + "/pause", token, null));
        JsonNode resumed = body(send("POST", path + "/resume", token, null));
        JsonNode changed = body(send("PATCH", path, token, "{\"cron\":\"0 * * * *\",\"timeZone\":\"Asia/Tokyo\"}"));
        JsonNode listed = body(get("/api/functions/" + name + "/schedules", token));
        int deleted = send("DELETE", path, token, null).statusCode();

        assertThat(paused.get("paused").asBoolean()).isTrue();
        assertThat(paused.get("nextFireTimes").size()).isZero();
        assertThat(resumed.get("paused").asBoolean()).isFalse();
        assertThat(resumed.get("nextFireTimes").size()).isEqualTo(5);
        assertThat(changed.get("cron").asString()).isEqualTo("0 * * * *");
        assertThat(changed.get("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(instants(changed.get("nextFireTimes"))
                        .get(0)
                        .atZone(ZoneId.of("UTC"))
                        .getMinute())
                .isZero();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(deleted).isEqualTo(204);
        assertThat(get(path, token).statusCode()).isEqualTo(404);
    }

    @Test
    void badSchedulesAreRefusedWithAClear400() throws Exception {
        String token = devToken();
        String name = deployHello(token, "refused");

        assertRefused(name, token, "{\"cron\":\"*/5 * * *\"}", "five fields");
        assertRefused(name, token, "{\"cron\":\"0 */5 * * * *\"}", "five fields");
        assertRefused(name, token, "{\"cron\":\"61 * * * *\"}", "Invalid cron expression");
        assertRefused(name, token, "{\"cron\":\"* * * * *\",\"timeZone\":\"Mars/Olympus\"}", "Unknown time zone");
        assertRefused(name, token, "{\"cron\":\"0 0 30 2 *\"}", "never fires");
        assertRefused(
                name, token, "{\"cron\":\"* * * * *\",\"headers\":{\"X-Wasmcloud-Path\":\"/x\"}}", "cannot be set");
        assertRefused(name, token, "{\"cron\":\"* * * * *\",\"path\":\"no-slash\"}", "Invalid path");
        assertRefused(
                name, token, "{\"cron\":\"* * * * *\",\"body\":\"" + "x".repeat(1024 * 1024 + 1) + "\"}", "bytes");
    }

    @Test
    void aFunctionHasAtMostTwentySchedules() throws Exception {
        String token = devToken();
        String name = deployHello(token, "many");
        for (int i = 0; i < 20; i++) {
            create(name, token, "{\"cron\":\"" + i + " * * * *\"}");
        }

        HttpResponse<String> one =
                postJson("/api/functions/" + name + "/schedules", token, "{\"cron\":\"59 * * * *\"}");

        assertThat(one.statusCode()).isEqualTo(409);
        assertThat(body(one).get("detail").asString()).contains("20 schedules");
    }

    private String prometheus() throws Exception {
        return http.send(
                        java.net.http.HttpRequest.newBuilder(uri("/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private void assertRefused(String name, String token, String json, String says) throws Exception {
        HttpResponse<String> response = postJson("/api/functions/" + name + "/schedules", token, json);
        assertThat(response.statusCode()).as(json).isEqualTo(400);
        assertThat(body(response).get("detail").asString()).as(json).contains(says);
    }

    private JsonNode create(String name, String token, String json) throws Exception {
        HttpResponse<String> response = postJson("/api/functions/" + name + "/schedules", token, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response);
    }

    private JsonNode show(String name, JsonNode schedule, String token) throws Exception {
        return body(get(
                "/api/functions/" + name + "/schedules/" + schedule.get("id").asString(), token));
    }

    private void stubExecutor(String name) {
        EXECUTOR.stubFor(post(urlPathEqualTo("/internal/functions/" + name + "/invoke"))
                .willReturn(aResponse().withStatus(200).withBody("tick")));
    }

    /** The requests the schedule made, for one slot or for all. */
    private List<UUID> requestsOf(JsonNode schedule, Instant slot) {
        return jdbc.sql("SELECT id FROM async_requests WHERE schedule_id = :schedule"
                        + (slot == null ? "" : " AND slot = :slot"))
                .param("schedule", UUID.fromString(schedule.get("id").asString()))
                .param("slot", slot == null ? Timestamp.from(Instant.EPOCH) : Timestamp.from(slot))
                .query(UUID.class)
                .list();
    }

    private void awaitSucceeded(UUID request) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String state = "";
        while (!state.equals("succeeded") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            state = jdbc.sql("SELECT state FROM async_requests WHERE id = :id")
                    .param("id", request)
                    .query(String.class)
                    .single();
        }
        assertThat(state).isEqualTo("succeeded");
    }

    /** A minute of the hour about thirty minutes away, so an hourly schedule on it is not due for real soon. */
    private static int minuteFarFromNow() {
        return (ZonedDateTime.now(ZoneId.of("UTC")).getMinute() + 30) % 60;
    }

    private static List<Instant> instants(JsonNode times) {
        List<Instant> instants = new ArrayList<>();
        times.forEach(time -> instants.add(Instant.parse(time.asString())));
        return instants;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Another api-server on the same database: its own context, pool, firer and workers. */
    private static ConfigurableApplicationContext secondApiServer() {
        List<String> arguments = new ArrayList<>();
        ApiTestBase.properties((key, value) -> arguments.add("--" + key + "=" + value.get()));
        arguments.add("--server.port=0");
        arguments.add("--spring.jmx.enabled=false");
        return new SpringApplicationBuilder(ApiServerApplication.class).run(arguments.toArray(String[]::new));
    }
}
