package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.recording.RecordingRetention;
import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.Recordings;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.replay.Recorder;
import app.wasmcloud.runtime.replay.Recording;
import app.wasmcloud.runtime.replay.RecordingFormat;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Recordings through the API: the record setting, and reading a recording, its timeline and its module, which only
 * the function's owner and admins may do.
 */
@Timeout(60)
class RecordingApiTest extends ApiTestBase {

    @Autowired
    RecordingRetention retention;

    @Test
    void theRecordSettingIsOffUntilChangedAndRefusesOtherWords() throws Exception {
        String token = userToken("recorder");
        String name = deployHello(token, "rec");

        assertThat(json.readTree(get("/api/functions/" + name, token).body())
                        .get("record")
                        .asString())
                .isEqualTo("off");
        HttpResponse<String> changed = send("PATCH", "/api/functions/" + name, token, "{\"record\":\"errors\"}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("record").asString()).isEqualTo("errors");
        assertThat(jdbc.sql("SELECT record FROM functions WHERE name = :n")
                        .param("n", name)
                        .query(String.class)
                        .single())
                .isEqualTo("errors");
        HttpResponse<String> refused = send("PATCH", "/api/functions/" + name, token, "{\"record\":\"always\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("off, on, errors");
    }

    @Test
    void theOwnerReadsTheRecordingItsTimelineAndItsModule() throws Exception {
        String token = userToken("recording-owner");
        String name = deployHello(token, "rec");
        UUID id = storeRecording(name, Instant.now());

        HttpResponse<byte[]> recording = bytes("/api/invocations/" + id + "/recording", token);
        assertThat(recording.statusCode()).isEqualTo(200);
        assertThat(recording.headers().firstValue("Content-Type")).hasValue("application/vnd.wasmcloud.recording");
        assertThat(RecordingFormat.read(recording.body()).invocationId()).isEqualTo(id.toString());

        HttpResponse<String> trace = get("/api/invocations/" + id + "/recording/trace", token);
        assertThat(trace.statusCode()).isEqualTo(200);
        JsonNode timeline = json.readTree(trace.body());
        assertThat(timeline.get("hostCalls").size()).isPositive();
        assertThat(timeline.get("hostCalls").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(timeline.get("replayCommand").asString()).isEqualTo("wasmcloud replay " + id);
        assertThat(timeline.get("ending").get("outcome").asString()).isEqualTo("OK");

        HttpResponse<byte[]> module = bytes("/api/invocations/" + id + "/recording/module", token);
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.body()).isEqualTo(Files.readAllBytes(HELLO_WASM));

        JsonNode list = json.readTree(
                get("/api/functions/" + name + "/recordings", token).body());
        assertThat(list.get("count").asInt()).isEqualTo(1);
        assertThat(list.get("newest").get(0).get("invocationId").asString()).isEqualTo(id.toString());
    }

    @Test
    void anotherUsersRecordingIsNotFoundButAnAdminReadsIt() throws Exception {
        String owner = userToken("private-owner");
        String name = deployHello(owner, "rec");
        send("PATCH", "/api/functions/" + name, owner, "{\"visibility\":\"private\"}");
        UUID id = storeRecording(name, Instant.now());
        String stranger = userToken("stranger");

        for (String path : List.of("/recording", "/recording/trace", "/recording/module")) {
            HttpResponse<byte[]> refused = bytes("/api/invocations/" + id + path, stranger);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(refused.body())).as(path).doesNotContain("x-secret");
        }
        HttpResponse<byte[]> anonymous = http.send(
                HttpRequest.newBuilder(uri("/api/invocations/" + id + "/recording"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        String admin = tokenFor("recording-admin", Role.ADMIN, UserStatus.ACTIVE);
        assertThat(bytes("/api/invocations/" + id + "/recording", admin).statusCode())
                .isEqualTo(200);
    }

    @Test
    void recordingsExpireWithTheInvocationRecords() throws Exception {
        String token = userToken("recording-pruned");
        String name = deployHello(token, "rec");
        UUID old = storeRecording(name, Instant.now().minus(400, ChronoUnit.DAYS));
        UUID recent = storeRecording(name, Instant.now());

        assertThat(retention.prune()).isGreaterThanOrEqualTo(1);

        assertThat(bytes("/api/invocations/" + old + "/recording", token).statusCode())
                .isEqualTo(404);
        assertThat(S3.object("recordings/" + old)).isNull();
        assertThat(bytes("/api/invocations/" + recent + "/recording", token).statusCode())
                .isEqualTo(200);
    }

    /** What an executor does for a recorded invocation: hello run under a recorder, stored and counted. */
    private UUID storeRecording(String function, Instant startedAt) throws Exception {
        UUID id = UUID.randomUUID();
        byte[] module = Files.readAllBytes(HELLO_WASM);
        WasmFunction hello = WasmFunction.load(module, null, Limits.defaults().maxMemoryPages());
        Recorder recorder = new Recorder(Recording.MAX_HOST_CALL_BYTES);
        Invocation invocation = new Invocation(
                List.of(function), Map.of("HTTP_X_TOKEN", "x-secret"), new byte[0], Limits.defaults(), recorder);
        RunResult result;
        try (ExecutionPool pool = new ExecutionPool(1, 1024 * 1024)) {
            result = pool.run(hello, invocation);
        }
        Recording recording = Recordings.of(
                new Recordings.Source(
                        id.toString(), function, 1, null, new Recording.Request("GET", "/", "", List.of())),
                invocation,
                result,
                recorder.recorded(),
                Set.of());
        byte[] bytes = RecordingFormat.write(recording);
        S3.putObject("recordings/" + id, bytes);
        jdbc.sql("""
                        INSERT INTO invocation_recordings (invocation_id, function_id, version_id, bytes, started_at)
                        SELECT :id, f.id, f.active_version_id, :bytes, :started FROM functions f WHERE f.name = :n""")
                .param("id", id)
                .param("bytes", bytes.length)
                .param("started", Timestamp.from(startedAt))
                .param("n", function)
                .update();
        return id;
    }

    /** With the Accept header wasmcloud replay sends, so a refusal comes back as problem JSON. */
    private HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        String type = path.endsWith("/module")
                ? "application/wasm"
                : path.endsWith("/trace") ? "application/json" : "application/vnd.wasmcloud.recording";
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", type + ", application/problem+json")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
