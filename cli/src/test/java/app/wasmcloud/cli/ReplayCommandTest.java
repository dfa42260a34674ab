package app.wasmcloud.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.Recordings;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import app.wasmcloud.runtime.replay.Recorder;
import app.wasmcloud.runtime.replay.Recording;
import app.wasmcloud.runtime.replay.RecordingFormat;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code wasmcloud replay} against an API that serves recordings made by the runtime as the executor makes them: each
 * kind of guest replays to the same stdout, byte for byte, and a changed module is reported where it diverged.
 */
@Timeout(60)
class ReplayCommandTest {

    private static final Path FIXTURES = Path.of("../runtime/src/test/resources/fixtures");

    @TempDir
    Path dir;

    FakeApi api;
    CliRun cli;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeApi();
        cli = new CliRun(dir.resolve("config")).env("WASMCLOUD_API", api.url()).env("WASMCLOUD_TOKEN", FakeApi.TOKEN);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    private record Recorded(String id, RunResult result, byte[] recording) {}

    /** Runs the module under a recorder, as an executor does, and serves the recording and the module. */
    private Recorded recordAndServe(
            byte[] module, String entrypoint, Map<String, String> env, Set<String> secrets, EgressPolicy egress)
            throws Exception {
        String id = UUID.randomUUID().toString();
        WasmFunction function =
                WasmFunction.load(module, entrypoint, Limits.defaults().maxMemoryPages());
        Recorder recorder = new Recorder(Recording.MAX_HOST_CALL_BYTES);
        Invocation invocation = new Invocation(
                List.of("fn"), env, new byte[0], Limits.defaults().withTimeout(Duration.ofSeconds(5)), recorder);
        RunResult result;
        try (ExecutionPool pool = new ExecutionPool(1, 1024 * 1024)) {
            result = pool.run(function, invocation, egress);
        }
        Recording recording = Recordings.of(
                new Recordings.Source(id, "fn", 2, entrypoint, new Recording.Request("GET", "/", "", List.of())),
                invocation,
                result,
                recorder.recorded(),
                secrets);
        byte[] bytes = RecordingFormat.write(recording);
        serve(id, bytes, module);
        return new Recorded(id, result, bytes);
    }

    /** As the API does, each only to a client that accepts its type (Spring answers 406 otherwise). */
    private void serve(String id, byte[] recording, byte[] module) {
        api.answer(
                "GET /api/invocations/" + id + "/recording",
                accepting("application/vnd.wasmcloud.recording", recording));
        api.answer("GET /api/invocations/" + id + "/recording/module", accepting("application/wasm", module));
    }

    private static java.util.function.Function<FakeApi.Received, FakeApi.Answer> accepting(String type, byte[] body) {
        return request -> String.valueOf(request.header("Accept")).contains(type)
                ? new FakeApi.Answer(200, Map.of("Content-Type", type), body)
                : FakeApi.Answer.problem(406, "Acceptable representations: [" + type + "].");
    }

    private static byte[] fixture(String name) throws IOException {
        return name.equals("hello")
                ? Files.readAllBytes(Path.of("../examples/hello/hello.wasm"))
                : Files.readAllBytes(FIXTURES.resolve(name + ".wasm"));
    }

    private JsonNode replayJson(String id, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("replay", id, "--output", "json"));
        args.addAll(List.of(more));
        CliRun.Result result = cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return json.readTree(result.stdout());
    }

    private static byte[] stdoutOf(JsonNode view) {
        return Base64.getDecoder().decode(view.get("stdout").asString());
    }

    @Test
    void helloReplaysExactlyWithTheSameStdout() throws Exception {
        Recorded recorded = recordAndServe(fixture("hello"), null, Map.of(), Set.of(), EgressPolicy.denyAll());

        JsonNode view = replayJson(recorded.id());

        assertThat(view.get("exact").asBoolean()).isTrue();
        assertThat(view.get("verdict").asString()).isEqualTo("replayed exactly");
        assertThat(stdoutOf(view)).isEqualTo(recorded.result().stdout());
    }

    @Test
    void timeAndRandomReplayToTheSameBytes() throws Exception {
        Recorded recorded =
                recordAndServe(fixture("replay_time_random"), null, Map.of(), Set.of(), EgressPolicy.denyAll());

        JsonNode view = replayJson(recorded.id());

        assertThat(stdoutOf(view)).hasSize(76).isEqualTo(recorded.result().stdout());
    }

    @Test
    void aWasiGuestReplaysToTheSameBytes() throws Exception {
        Recorded recorded = recordAndServe(fixture("replay_wasi"), null, Map.of(), Set.of(), EgressPolicy.denyAll());

        assertThat(stdoutOf(replayJson(recorded.id())))
                .hasSize(64)
                .isEqualTo(recorded.result().stdout());
    }

    @Test
    void aLegacyEntrypointReplaysWithItsExitCode() throws Exception {
        Recorded recorded = recordAndServe(fixture("cwa_main"), "cwa_main", Map.of(), Set.of(), EgressPolicy.denyAll());

        JsonNode view = replayJson(recorded.id());

        assertThat(view.get("exact").asBoolean()).isTrue();
        assertThat(view.get("exitCode").asInt()).isEqualTo(7);
    }

    @Test
    void aFetchReplaysWithWireMockStopped() throws Exception {
        WireMockServer upstream =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        upstream.start();
        Recorded recorded;
        try {
            upstream.stubFor(get(urlEqualTo("/quote"))
                    .willReturn(aResponse().withStatus(200).withBody("quote " + UUID.randomUUID())));
            recorded = recordAndServe(
                    fixture("replay_http"),
                    null,
                    Map.of(
                            "URL",
                            "http://127.0.0.1:" + upstream.port() + "/quote",
                            "REQUEST",
                            "GET /quote HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                    Set.of(),
                    new EgressPolicy(Set.of("127.0.0.1"), true, 4, 1024 * 1024, Duration.ofSeconds(5)));
        } finally {
            upstream.stop();
        }
        assertThat(new String(recorded.result().stdout())).contains("quote ");

        JsonNode view = replayJson(recorded.id());

        assertThat(view.get("exact").asBoolean()).isTrue();
        assertThat(stdoutOf(view)).isEqualTo(recorded.result().stdout());
    }

    @Test
    void aTrapReplaysToTheSameTrapAtTheSameHostCallAndTheTraceShowsEachCall() throws Exception {
        Recorded recorded = recordAndServe(fixture("replay_trap"), null, Map.of(), Set.of(), EgressPolicy.denyAll());

        CliRun.Result result = cli.run("replay", recorded.id(), "--trace");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout())
                .contains("#1 ")
                .contains("io_get_stdout() -> ")
                .contains("time_now() -> ")
                .contains("#4 ")
                .contains("random_u32() -> ")
                .contains("trap: " + recorded.result().trapMessage())
                .endsWith("replayed exactly\n");
        assertThat(result.stdout()).doesNotContain("#5 ");
    }

    @Test
    void aChangedModuleIsReportedAtTheCallWhereItDiverged() throws Exception {
        Recorded recorded =
                recordAndServe(fixture("replay_time_random"), null, Map.of(), Set.of(), EgressPolicy.denyAll());
        serve(recorded.id(), recorded.recording(), fixture("replay_trap"));

        CliRun.Result result = cli.run("replay", recorded.id());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).contains("diverged at host call #2: expected `resource_write(");
    }

    @Test
    void aMissingSecretNamesTheEnvToGive() throws Exception {
        Recorded recorded = recordAndServe(
                fixture("replay_time_random"), null, Map.of("API_KEY", "k"), Set.of("API_KEY"), EgressPolicy.denyAll());

        CliRun.Result missing = cli.run("replay", recorded.id());
        CliRun.Result given = cli.run("replay", recorded.id(), "--env", "API_KEY=k");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--env API_KEY=");
        assertThat(given.exitCode()).as(given.toString()).isZero();
        assertThat(given.stdout()).contains("replayed exactly");
    }

    @Test
    void anInvocationThatIsNotYoursIsNotFound() {
        String id = UUID.randomUUID().toString();
        api.answer(
                "GET /api/invocations/" + id + "/recording",
                FakeApi.Answer.problem(404, "No recording of invocation " + id + " of one of your functions."));

        CliRun.Result result = cli.run("replay", id);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).contains("No recording of invocation");
    }
}
