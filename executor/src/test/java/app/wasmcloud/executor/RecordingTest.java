package app.wasmcloud.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.executor.recording.RecordingUploader;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.Outcome;
import app.wasmcloud.runtime.Replay;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.replay.Recording;
import app.wasmcloud.runtime.replay.RecordingFormat;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Invocations of a function with recording on, served by this executor: the recording lands in the store beside the
 * modules, counted in the database, and replaying it reproduces the reply byte for byte.
 */
@Timeout(120)
class RecordingTest extends ExecutorTest {

    private static ExecutionPool pool;

    @Autowired
    RecordingUploader uploader;

    @BeforeAll
    static void startPool() {
        pool = new ExecutionPool(1, 1024 * 1024);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    private record Served(HttpResponse<byte[]> response, byte[] module, Recording recording) {}

    private Served serveRecorded(String fixture, String mode) throws Exception {
        byte[] module = uniqueModule(fixture);
        String name = deploy(module, "public", null);
        jdbc.sql("UPDATE functions SET record = :mode WHERE name = :n")
                .param("mode", mode)
                .param("n", name)
                .update();
        return serve(name, module);
    }

    private Served serve(String name, byte[] module) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(uri("/" + name + "/path?q=1"))
                        .header("X-Trace", "yes")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        UUID id = UUID.fromString(
                response.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow());
        awaitUntil(Duration.ofSeconds(10), "the recording is stored", uploader::idle);
        Path stored = MODULE_STORE.resolve("recordings/" + id);
        Recording recording = Files.exists(stored) ? RecordingFormat.read(Files.readAllBytes(stored)) : null;
        return new Served(response, module, recording);
    }

    private static Replay.Report replay(Served served, Map<String, String> secrets) throws Exception {
        WasmFunction function = WasmFunction.load(
                served.module(),
                served.recording().entrypoint(),
                Limits.defaults().maxMemoryPages());
        return Replay.run(pool, function, served.recording(), secrets);
    }

    /** The body of the reply, found again in the replay's stdout after the CGI header. */
    private static void assertReplayedExactly(Served served, Replay.Report report) {
        assertThat(report.exact()).as("%s", report.divergence()).isTrue();
        byte[] stdout = report.result().stdout();
        byte[] body = served.response().body();
        assertThat(java.util.Arrays.copyOfRange(stdout, stdout.length - body.length, stdout.length))
                .isEqualTo(body);
    }

    @Test
    void helloIsRecordedWithItsRequestAndReplaysExactly() throws Exception {
        Served served = serveRecorded("hello", "on");

        assertThat(served.response().statusCode()).isEqualTo(200);
        assertThat(served.recording()).isNotNull();
        assertThat(served.recording().request().path()).isEqualTo("/path");
        assertThat(served.recording().request().query()).isEqualTo("q=1");
        assertThat(served.recording().request().headers())
                .anyMatch(h -> h.name().equalsIgnoreCase("X-Trace"));
        assertThat(served.recording().version()).isEqualTo(1);
        assertReplayedExactly(served, replay(served, Map.of()));
        Integer counted = jdbc.sql("SELECT count(*) FROM invocation_recordings WHERE invocation_id = :id")
                .param("id", UUID.fromString(served.recording().invocationId()))
                .query(Integer.class)
                .single();
        assertThat(counted).isEqualTo(1);
    }

    @Test
    void timeAndRandomReplayAsServed() throws Exception {
        Served served = serveRecorded("replay_time_random", "on");

        assertThat(served.response().body()).hasSize(36);
        assertReplayedExactly(served, replay(served, Map.of()));
    }

    @Test
    void aWasiGuestReplaysAsServed() throws Exception {
        Served served = serveRecorded("replay_wasi", "on");

        assertThat(served.response().statusCode()).isEqualTo(200);
        assertReplayedExactly(served, replay(served, Map.of()));
    }

    @Test
    void aLegacyGuestReplaysAsServed() throws Exception {
        byte[] module = uniqueModule("olin_2018_cgi");
        String name = deploy(module, "public", null);
        jdbc.sql("UPDATE function_versions SET entrypoint = 'cwa_main' WHERE function_id ="
                        + " (SELECT id FROM functions WHERE name = :n)")
                .param("n", name)
                .update();
        jdbc.sql("UPDATE functions SET record = 'on' WHERE name = :n")
                .param("n", name)
                .update();
        Served served = serve(name, module);

        assertThat(served.response().statusCode()).isEqualTo(200);
        assertReplayedExactly(served, replay(served, Map.of()));
    }

    @Test
    void aTrapIsKeptInErrorsModeAndReplaysToTheSameTrapAtTheSameCall() throws Exception {
        Served served = serveRecorded("replay_trap", "errors");

        assertThat(served.response().statusCode()).isEqualTo(502);
        assertThat(served.recording()).isNotNull();
        assertThat(served.recording().ending().outcome()).isEqualTo("TRAP");
        Replay.Report report = replay(served, Map.of());
        assertThat(report.exact()).as("%s", report.divergence()).isTrue();
        assertThat(report.result().outcome()).isEqualTo(Outcome.TRAP);
        assertThat(report.result().trapMessage())
                .isEqualTo(served.recording().ending().trapMessage());
        assertThat(report.replayedCalls())
                .isEqualTo(served.recording().hostCalls().total());
    }

    @Test
    void errorsModeKeepsNothingOfASuccess() throws Exception {
        Served served = serveRecorded("hello", "errors");

        assertThat(served.response().statusCode()).isEqualTo(200);
        assertThat(served.recording()).isNull();
    }

    @Test
    void recordingOffKeepsNothing() throws Exception {
        Served served = serveRecorded("hello", "off");

        assertThat(served.response().statusCode()).isEqualTo(200);
        assertThat(served.recording()).isNull();
    }

    @Test
    void turningRecordingOnReachesAServingExecutorThroughNotify() throws Exception {
        byte[] module = uniqueModule("hello");
        String name = deploy(module, "public", null);
        assertThat(serve(name, module).recording()).as("off while cached").isNull();

        jdbc.sql("UPDATE functions SET record = 'on' WHERE name = :n")
                .param("n", name)
                .update();
        notifyChanged(name);

        Served[] served = new Served[1];
        awaitUntil(Duration.ofSeconds(10), "an invocation is recorded after the notify", () -> {
            served[0] = serve(name, module);
            return served[0].recording() != null;
        });
        assertThat(served[0].recording().function()).isEqualTo(name);
    }

    @Test
    void aFetchReplaysWithTheServerStopped() throws Exception {
        WireMockServer upstream =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        upstream.start();
        Served served;
        try {
            upstream.stubFor(WireMock.get(urlEqualTo("/quote"))
                    .willReturn(aResponse().withStatus(200).withBody("quote " + UUID.randomUUID())));
            byte[] module = uniqueModule("fetch");
            String name = deploy(module, "public", null);
            jdbc.sql("UPDATE functions SET record = 'on', egress_allow_list = '{127.0.0.1}' WHERE name = :n")
                    .param("n", name)
                    .update();
            jdbc.sql("""
                            INSERT INTO function_env (function_id, key, value)
                            SELECT id, 'FETCH_URL', :url FROM functions WHERE name = :n""")
                    .param("url", "http://127.0.0.1:" + upstream.port() + "/quote")
                    .param("n", name)
                    .update();
            served = serve(name, module);
        } finally {
            upstream.stop();
        }

        assertThat(new String(served.response().body())).contains("quote ");
        assertReplayedExactly(served, replay(served, Map.of()));
    }

    @Test
    void aSecretIsRecordedByNameAndItsValueIsNeededToReplay() throws Exception {
        byte[] module = uniqueModule("echo_env");
        String name = deploy(module, "public", null);
        jdbc.sql("UPDATE functions SET record = 'on' WHERE name = :n")
                .param("n", name)
                .update();
        jdbc.sql("""
                        INSERT INTO function_env (function_id, key, value, secret)
                        SELECT id, 'API_KEY', 'plain-secret-value', true FROM functions WHERE name = :n""").param("n", name).update();
        Served served = serve(name, module);

        assertThat(served.recording().env())
                .contains(new Recording.EnvEntry("API_KEY", "API_KEY", true))
                .noneMatch(entry -> "plain-secret-value".equals(entry.value()));
        assertThat(Replay.missingSecrets(served.recording(), Map.of())).containsExactly("API_KEY");
        Replay.Report report = replay(served, Map.of("API_KEY", "plain-secret-value"));
        assertThat(report.exact()).as("%s", report.divergence()).isTrue();
    }
}
