package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recording on the real platform and replaying with the CLI: a function with recording on is invoked through the
 * api-server and run by the executor, which stores the recording; `wasmcloud replay` downloads it with the module
 * that ran and reproduces the invocation's stdout byte for byte, or says where a changed module diverged.
 */
@Timeout(300)
class ReplayAgainstPlatformTest {

    private static final Path RUNTIME_FIXTURES = TestStack.ROOT.resolve("runtime/src/test/resources/fixtures");
    private static final Path EXECUTOR_FIXTURES = TestStack.ROOT.resolve("executor/src/test/resources/fixtures");
    /** The executor learns of the setting through NOTIFY and stores recordings in the background: both take a moment. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static DevStack stack;

    @TempDir
    Path machine;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPlatform() throws Exception {
        stack = TestStack.get();
    }

    private InProcessCli loggedIn() {
        InProcessCli cli = new InProcessCli(machine);
        InProcessCli.Result login = cli.run("login", "--api", stack.config().apiUrl(), "--token", stack.token());
        assertThat(login.exitCode()).as(login.toString()).isZero();
        return cli;
    }

    /** An invocation the platform recorded: its id and the reply's body. */
    private record Invoked(String id, byte[] body) {}

    /** Deploys {@code module} as a new function with recording on and invokes it until an invocation is recorded. */
    private Invoked recorded(InProcessCli cli, String name, Path module) throws Exception {
        for (String[] command : new String[][] {
            {"deploy", name, module.toString(), "--create"}, {"functions", "update", name, "--record", "on"}
        }) {
            InProcessCli.Result result = cli.run(command);
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> reply = http.send(
                    HttpRequest.newBuilder(URI.create(stack.config().apiUrl() + "/api/functions/" + name + "/invoke"))
                            .header("Authorization", "Bearer " + stack.token())
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String id = reply.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow();
            if (awaitRecording(id)) {
                return new Invoked(id, reply.body());
            }
        }
        throw new AssertionError("no invocation of " + name + " was recorded within " + PATIENCE);
    }

    private boolean awaitRecording(String id) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(stack.config().apiUrl() + "/api/invocations/" + id + "/recording"))
                            .header("Authorization", "Bearer " + stack.token())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private JsonNode replay(InProcessCli cli, String id) {
        InProcessCli.Result result = cli.run("replay", id, "--output", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return JSON.readTree(result.out());
    }

    /** The replay wrote what the function wrote: the reply's body is the end of its stdout, after the CGI header. */
    private static void assertSameStdout(JsonNode replay, Invoked invoked) {
        assertThat(replay.get("verdict").asString()).isEqualTo("replayed exactly");
        byte[] stdout = Base64.getDecoder().decode(replay.get("stdout").asString());
        byte[] body = invoked.body();
        assertThat(body).isNotEmpty();
        assertThat(Arrays.copyOfRange(stdout, stdout.length - body.length, stdout.length))
                .isEqualTo(body);
    }

    @Test
    void helloRecordedOnTheExecutorReplaysThroughTheCli() throws Exception {
        InProcessCli cli = loggedIn();
        Invoked invoked = recorded(cli, "replay-hello", TestStack.ROOT.resolve("examples/hello/hello.wasm"));

        assertSameStdout(replay(cli, invoked.id()), invoked);
    }

    @Test
    void timeAndRandomReplayToTheSameBytes() throws Exception {
        InProcessCli cli = loggedIn();
        Invoked invoked = recorded(cli, "replay-random", RUNTIME_FIXTURES.resolve("replay_time_random.wasm"));

        assertThat(invoked.body()).hasSize(36);
        assertSameStdout(replay(cli, invoked.id()), invoked);
    }

    @Test
    void aWasiGuestReplaysToTheSameBytes() throws Exception {
        InProcessCli cli = loggedIn();
        Invoked invoked = recorded(cli, "replay-wasi", RUNTIME_FIXTURES.resolve("replay_wasi.wasm"));

        assertSameStdout(replay(cli, invoked.id()), invoked);
    }

    @Test
    void aLegacyCwaMainGuestReplays() throws Exception {
        InProcessCli cli = loggedIn();
        Invoked invoked = recorded(cli, "replay-legacy", EXECUTOR_FIXTURES.resolve("olin_2018_cgi.wasm"));

        assertSameStdout(replay(cli, invoked.id()), invoked);
    }

    @Test
    void aTrapReplaysToTheSameTrapAtTheSameHostCall() throws Exception {
        InProcessCli cli = loggedIn();
        Invoked invoked = recorded(cli, "replay-trap", RUNTIME_FIXTURES.resolve("replay_trap.wasm"));

        JsonNode replay = replay(cli, invoked.id());

        assertThat(replay.get("exact").asBoolean()).isTrue();
        assertThat(replay.get("outcome").asString()).isEqualTo("TRAP");
        assertThat(replay.get("replayedCalls").asInt())
                .isEqualTo(4)
                .isEqualTo(replay.get("recordedCalls").asInt());
        JsonNode trace = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(stack.config().apiUrl() + "/api/invocations/" + invoked.id()
                                        + "/recording/trace"))
                                .header("Authorization", "Bearer " + stack.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(replay.get("trapMessage").asString())
                .isNotBlank()
                .isEqualTo(trace.get("ending").get("trapMessage").asString());
    }
}
