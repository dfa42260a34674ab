package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import app.wasmcloud.runtime.replay.InvalidRecordingException;
import app.wasmcloud.runtime.replay.Recorder;
import app.wasmcloud.runtime.replay.Recording;
import app.wasmcloud.runtime.replay.RecordingFormat;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Recording a run and replaying it: each kind of guest does again exactly what it did, or says where it did not. */
@Timeout(60)
class ReplayTest {

    private static ExecutionPool pool;

    @BeforeAll
    static void start() {
        pool = new ExecutionPool(1, 1024 * 1024);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    private record Recorded(RunResult result, Recording recording) {}

    private static Recorded record(WasmFunction function, Map<String, String> env, byte[] stdin, EgressPolicy egress)
            throws InterruptedException {
        Recorder recorder = new Recorder(Recording.MAX_HOST_CALL_BYTES);
        Invocation invocation = new Invocation(List.of("fn"), env, stdin, Fixtures.quickLimits(), recorder);
        RunResult result = pool.run(function, invocation, egress);
        Recording recording = Recordings.of(
                new Recordings.Source("0190e0a0-0000-7000-8000-000000000001", "fn", 3, null, request()),
                invocation,
                result,
                recorder.recorded(),
                Set.of("API_KEY"));
        return new Recorded(result, recording);
    }

    private static Recording.Request request() {
        return new Recording.Request("GET", "/fn", "", List.of(new Recording.Field("Accept", "*/*")));
    }

    /** Through the bytes, as the CLI gets it from the API. */
    private static Replay.Report replay(WasmFunction function, Recording recording, Map<String, String> secrets)
            throws InterruptedException, InvalidRecordingException {
        return Replay.run(pool, function, RecordingFormat.read(RecordingFormat.write(recording)), secrets);
    }

    @Test
    void helloReplaysExactlyWithTheSameStdout() throws Exception {
        WasmFunction hello = WasmFunction.load(
                Files.readAllBytes(Path.of("../examples/hello/hello.wasm")),
                null,
                Limits.defaults().maxMemoryPages());
        Recorded recorded = record(hello, Map.of("REQUEST_METHOD", "GET"), new byte[0], EgressPolicy.denyAll());

        Replay.Report report = replay(hello, recorded.recording(), Map.of());

        assertThat(report.exact()).as("%s", report.divergence()).isTrue();
        assertThat(report.result().stdout()).isEqualTo(recorded.result().stdout());
        assertThat(report.replayedCalls())
                .isEqualTo(recorded.recording().hostCalls().total());
    }

    @Test
    void timeAndRandomAreGivenBackAsRecorded() throws Exception {
        WasmFunction guest = Fixtures.load("replay_time_random");
        Recorded first = record(guest, Map.of(), new byte[0], EgressPolicy.denyAll());
        Recorded second = record(guest, Map.of(), new byte[0], EgressPolicy.denyAll());
        assertThat(second.result().stdout())
                .as("two runs differ")
                .isNotEqualTo(first.result().stdout());

        Replay.Report report = replay(guest, first.recording(), Map.of());

        assertThat(report.exact()).as("%s", report.divergence()).isTrue();
        assertThat(report.result().stdout()).isEqualTo(first.result().stdout());
    }

    @Test
    void aWasiGuestsClockAndRandomAreGivenBackAsRecorded() throws Exception {
        WasmFunction guest = Fixtures.load("replay_wasi");
        Recorded recorded = record(guest, Map.of(), new byte[0], EgressPolicy.denyAll());

        Replay.Report report = replay(guest, recorded.recording(), Map.of());

        assertThat(report.exact()).as("%s", report.divergence()).isTrue();
        assertThat(report.result().stdout())
                .hasSize(64)
                .isEqualTo(recorded.result().stdout());
    }

    @Test
    void aLegacyCwaMainGuestReplaysWithItsExitCode() throws Exception {
        WasmFunction guest = Fixtures.load("cwa_main");
        Recorded recorded = record(guest, Map.of(), new byte[0], EgressPolicy.denyAll());

        Replay.Report report = replay(guest, recorded.recording(), Map.of());

        assertThat(report.exact()).as("%s", report.divergence()).isTrue();
        assertThat(report.result().exitCode()).isEqualTo(7);
    }

    @Test
    void aTrappingGuestTrapsTheSameWayAfterTheSameHostCalls() throws Exception {
        WasmFunction guest = Fixtures.load("replay_trap");
        Recorded recorded = record(guest, Map.of(), new byte[0], EgressPolicy.denyAll());
        assertThat(recorded.result().outcome()).isEqualTo(Outcome.TRAP);

        Replay.Report report = replay(guest, recorded.recording(), Map.of());

        assertThat(report.exact()).as("%s", report.divergence()).isTrue();
        assertThat(report.result().outcome()).isEqualTo(Outcome.TRAP);
        assertThat(report.result().trapMessage()).isEqualTo(recorded.result().trapMessage());
        assertThat(report.replayedCalls()).isEqualTo(4);
    }

    @Test
    void anHttpFetchReplaysWithTheServerGone() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/quote", exchange -> {
            byte[] reply = ("quote " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/quote";
        EgressPolicy loopback = new EgressPolicy(Set.of("127.0.0.1"), true, 4, 1024 * 1024, Duration.ofSeconds(5));
        Recorded recorded;
        try {
            recorded = record(
                    Fixtures.load("replay_http"),
                    Map.of("URL", url, "REQUEST", "GET /quote HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                    new byte[0],
                    loopback);
        } finally {
            server.stop(0);
        }
        assertThat(Fixtures.text(recorded.result().stdout())).contains("200").contains("quote ");

        Replay.Report report = replay(Fixtures.load("replay_http"), recorded.recording(), Map.of());

        assertThat(report.exact()).as("%s", report.divergence()).isTrue();
        assertThat(report.result().stdout()).isEqualTo(recorded.result().stdout());
    }

    @Test
    void aChangedModuleIsReportedAtTheCallWhereItLeftTheRecording() throws Exception {
        Recorded recorded = record(Fixtures.load("replay_time_random"), Map.of(), new byte[0], EgressPolicy.denyAll());

        Replay.Report report = replay(Fixtures.load("replay_trap"), recorded.recording(), Map.of());

        assertThat(report.exact()).isFalse();
        // Both first open stdout; then the recorded guest wrote 40 bytes of header, the changed one writes 33.
        assertThat(report.divergence().describe())
                .startsWith("diverged at host call #2: expected `resource_write(")
                .contains(", 0, 40)`, the guest called `resource_write(")
                .endsWith(", 0, 33)`");
    }

    @Test
    void secretsAreRecordedByNameAndAskedForOnReplay() throws Exception {
        WasmFunction guest = Fixtures.load("replay_time_random");
        Recorded recorded =
                record(guest, Map.of("API_KEY", "s3cr3t", "MODE", "test"), new byte[0], EgressPolicy.denyAll());

        assertThat(recorded.recording().env())
                .contains(
                        new Recording.EnvEntry("API_KEY", "API_KEY", true),
                        new Recording.EnvEntry("MODE", "test", false));
        assertThat(new String(RecordingFormat.write(recorded.recording()), StandardCharsets.ISO_8859_1))
                .doesNotContain("s3cr3t");
        assertThat(Replay.missingSecrets(recorded.recording(), Map.of())).containsExactly("API_KEY");
    }

    @Test
    void aCutBodyMakesTheReplayInexact() throws Exception {
        byte[] huge = new byte[Recording.MAX_STDIN_BYTES + 10];
        Recorded recorded = record(Fixtures.load("replay_time_random"), Map.of(), huge, EgressPolicy.denyAll());

        assertThat(recorded.recording().stdin()).hasSize(Recording.MAX_STDIN_BYTES);
        assertThat(recorded.recording().stdinCut()).isTrue();
        Replay.Report report = replay(Fixtures.load("replay_time_random"), recorded.recording(), Map.of());
        assertThat(report.exact()).isFalse();
        assertThat(report.inexact()).contains("request body was cut");
    }

    @Test
    void aLogOverItsCapIsCutAndTheReplaySaysItCannotBeExact() throws Exception {
        WasmFunction guest = Fixtures.load("replay_time_random");
        Recorder recorder = new Recorder(60);
        Invocation invocation = new Invocation(List.of("fn"), Map.of(), new byte[0], Fixtures.quickLimits(), recorder);
        RunResult result = pool.run(guest, invocation, EgressPolicy.denyAll());
        Recording recording = Recordings.of(
                new Recordings.Source("id", "fn", 1, null, request()),
                invocation,
                result,
                recorder.recorded(),
                Set.of());
        assertThat(recording.hostCalls().cut()).isTrue();
        assertThat(recording.hostCalls().total())
                .isGreaterThan(recording.hostCalls().calls().size());

        Replay.Report report = replay(guest, recording, Map.of());

        assertThat(report.exact()).isFalse();
        assertThat(report.inexact()).contains("host-call log was cut");
    }

    @Test
    void bytesOfAnotherFormatAreRefusedWithWhy() {
        byte[] bytes = {'W', 'C', 'R', 'R', 9};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordingFormat.read(bytes))
                .isInstanceOf(InvalidRecordingException.class)
                .hasMessageContaining("format 9");
    }
}
