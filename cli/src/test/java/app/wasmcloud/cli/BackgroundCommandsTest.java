package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** `invoke --async`, `schedules` and `dead-letters` against a fake API: what they send and what they print. */
class BackgroundCommandsTest {
    private static final String ID = "0b7f3c52-1d2e-4f60-9a1b-2c3d4e5f6a7b";
    private static final String SCHEDULE = "5c1e2d3f-4a5b-4c6d-8e7f-901234567890";

    @TempDir
    Path dir;

    FakeApi api;
    CliRun cli;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeApi();
        cli = new CliRun(dir.resolve("config")).env("WASMCLOUD_API", api.url()).env("WASMCLOUD_TOKEN", FakeApi.TOKEN);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void invokeAsyncAsksForTheBackgroundWithTheCallbackAndPrintsTheId() {
        api.answer("POST /api/functions/hello/invoke", 202, status("queued", 0, null));

        CliRun.Result result =
                cli.run("invoke", "hello", "--async", "--callback", "https://hooks.example.com/done", "-d", "x");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(ID + "\n");
        FakeApi.Received request = api.onlyRequest();
        assertThat(request.header("Prefer")).isEqualTo("respond-async");
        assertThat(request.header("X-Wasmcloud-Callback")).isEqualTo("https://hooks.example.com/done");
        assertThat(request.bodyText()).isEqualTo("x");
    }

    @Test
    void invokeAsyncWaitFollowsTheRequestAndWritesTheAnswerOfTheAttemptThatSucceeded() {
        api.answer("POST /api/functions/hello/invoke", 202, status("queued", 0, null));
        AtomicInteger polls = new AtomicInteger();
        api.answer(
                "GET /api/async-invocations/" + ID,
                request -> polls.incrementAndGet() < 2
                        ? FakeApi.Answer.json(200, status("running", 1, null))
                        : FakeApi.Answer.json(200, status("succeeded", 2, "done\n")));

        CliRun.Result result = cli.run("invoke", "hello", "--async", "--wait");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("done\n");
        assertThat(polls.get()).isEqualTo(2);
    }

    @Test
    void invokeAsyncWaitExits1WhenTheRequestEndsInTheDeadLetters() {
        api.answer("POST /api/functions/hello/invoke", 202, status("dead_lettered", 3, null));

        CliRun.Result result = cli.run("invoke", "hello", "--async", "--wait");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("every attempt failed (3)").contains("dead-letters show hello " + ID);
    }

    @Test
    void waitWithoutAsyncIsAUsageError() {
        CliRun.Result result = cli.run("invoke", "hello", "--wait");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(api.received()).isEmpty();
    }

    @Test
    void schedulesCreateSendsTheDefinitionAndPrintsTheNextSlot() {
        api.answer("POST /api/functions/hello/schedules", 201, schedule(false));

        CliRun.Result result = cli.run(
                "schedules",
                "create",
                "hello",
                "--cron",
                "*/5 * * * *",
                "-z",
                "Europe/Paris",
                "-X",
                "put",
                "--path",
                "/tick",
                "-H",
                "X-Kind: cron",
                "-d",
                "go");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Created schedule " + SCHEDULE).contains("next 2026-12-03T10:05:00Z");
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(api.onlyRequest().bodyText()))
                .isEqualTo(json.readTree("{\"cron\":\"*/5 * * * *\",\"timeZone\":\"Europe/Paris\",\"method\":\"PUT\","
                        + "\"path\":\"/tick\",\"headers\":{\"X-Kind\":\"cron\"},\"body\":\"go\"}"));
    }

    @Test
    void schedulesCreateNeedsACron() {
        CliRun.Result result = cli.run("schedules", "create", "hello");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--cron is required");
    }

    @Test
    void schedulesListShowPauseAndDeleteSpeakJsonToo() {
        api.answer("GET /api/functions/hello/schedules", 200, "[" + schedule(false) + "]");
        api.answer("GET /api/functions/hello/schedules/" + SCHEDULE, 200, schedule(false));
        api.answer("POST /api/functions/hello/schedules/" + SCHEDULE + "/pause", 200, schedule(true));
        api.answer(
                "DELETE /api/functions/hello/schedules/" + SCHEDULE,
                new FakeApi.Answer(204, java.util.Map.of(), new byte[0]));

        CliRun.Result list = cli.run("schedules", "list", "hello");
        CliRun.Result show = cli.run("schedules", "show", "hello", SCHEDULE, "-o", "json");
        CliRun.Result pause = cli.run("schedules", "pause", "hello", SCHEDULE);
        CliRun.Result delete = cli.run("schedules", "delete", "hello", SCHEDULE, "-o", "json");

        assertThat(list.stdout()).contains(SCHEDULE).contains("*/5 * * * *").contains("2026-12-03T10:05:00Z");
        assertThat(show.stdout()).contains("\"nextFireTimes\"").contains("\"skippedSlots\" : 2");
        assertThat(pause.stdout()).contains("Paused schedule " + SCHEDULE);
        assertThat(delete.stdout()).contains("\"id\" : \"" + SCHEDULE + "\"");
    }

    @Test
    void aScheduleIdThatIsNotOneIsAUsageError() {
        CliRun.Result result = cli.run("schedules", "show", "hello", "nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(api.received()).isEmpty();
    }

    @Test
    void deadLettersListRetryAndDiscard() {
        api.answer("GET /api/functions/hello/dead-letters", 200, """
                [{"id":"%s","source":"async","method":"POST","path":"/","attempts":3,"lastStatus":502,
                  "lastError":"The attempt answered 502: The function failed","finishedAt":"2026-12-03T10:00:00Z"}]""".formatted(ID));
        api.answer("POST /api/functions/hello/dead-letters/" + ID + "/retry", 202, status("queued", 3, null));
        api.answer(
                "DELETE /api/functions/hello/dead-letters/" + ID,
                new FakeApi.Answer(204, java.util.Map.of(), new byte[0]));

        CliRun.Result list = cli.run("dead-letters", "list", "hello");
        CliRun.Result retry = cli.run("dead-letters", "retry", "hello", ID);
        CliRun.Result discard = cli.run("dead-letters", "discard", "hello", ID);

        assertThat(list.stdout()).contains(ID).contains("The attempt answered 502");
        assertThat(retry.stdout()).contains("Queued " + ID + " again (attempt 4 is next)");
        assertThat(discard.exitCode()).isZero();
        assertThat(discard.stdout()).contains("Discarded dead letter " + ID);
    }

    private static String status(String state, int attempts, String body) {
        String response = body == null
                ? "null"
                : "{\"status\":200,\"headers\":{},\"body\":\""
                        + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\"}";
        return """
                {"id":"%s","function":"hello","source":"async","state":"%s","attempts":%d,"maxAttempts":3,
                 "lastError":"The attempt answered 502: The function failed","statusUrl":"/api/async-invocations/%s",
                 "response":%s,"invocations":[]}""".formatted(ID, state, attempts, ID, response);
    }

    private static String schedule(boolean paused) {
        return """
                {"id":"%s","function":"hello","cron":"*/5 * * * *","timeZone":"UTC","method":"GET","path":"/",
                 "headers":{},"body":"","paused":%s,"nextFireTimes":%s,"lastSlot":null,"lastFiredAt":null,
                 "firedSlots":4,"skippedSlots":2}""".formatted(SCHEDULE, paused, paused ? "[]" : "[\"2026-12-03T10:05:00Z\",\"2026-12-03T10:10:00Z\"]");
    }
}
