package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorMappingTest {
    @TempDir
    Path dir;

    FakeApi api;
    CliRun cli;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeApi();
        cli = new CliRun(dir).env("WASMCLOUD_API", api.url()).env("WASMCLOUD_TOKEN", FakeApi.TOKEN);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void unauthorizedExitsWith3AndSaysToLogIn() {
        api.answer("GET /api/functions", FakeApi.Answer.problem(401, "token revoked"));

        CliRun.Result result = cli.run("fn", "list");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("error: token revoked — run `wasmcloud login`\n");
    }

    @Test
    void forbiddenExitsWith3WithTheServersDetail() {
        api.answer("GET /api/functions/other", FakeApi.Answer.problem(403, "not your function"));

        CliRun.Result result = cli.run("fn", "show", "other");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("error: not your function\n");
    }

    @Test
    void notFoundExitsWith4() {
        api.answer("GET /api/functions/ghost", FakeApi.Answer.problem(404, "no function named ghost"));

        assertThat(cli.run("fn", "show", "ghost").exitCode()).isEqualTo(4);
    }

    @Test
    void serviceUnavailableExitsWith5() {
        api.answer("GET /api/functions", FakeApi.Answer.problem(503, "executors are restarting"));

        CliRun.Result result = cli.run("fn", "list");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.stderr()).isEqualTo("error: executors are restarting\n");
    }

    @Test
    void aGatewayErrorPageWithoutProblemDetailStillExitsWith5() {
        api.answer(
                "GET /api/functions",
                new FakeApi.Answer(
                        502,
                        Map.of("Content-Type", "text/html"),
                        "<h1>Bad Gateway</h1>".getBytes(StandardCharsets.UTF_8)));

        CliRun.Result result = cli.run("fn", "list");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.stderr()).isEqualTo("error: the API is unavailable (HTTP 502) — try again shortly\n");
    }

    @Test
    void connectionRefusedExitsWith5AndNamesTheApi() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        CliRun.Result result = cli.run("fn", "list", "--api", closed);

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.stderr())
                .isEqualTo("error: cannot reach the API at " + closed
                        + " (connection refused) — is it running? Check --api or WASMCLOUD_API\n");
    }

    @Test
    void anUnexpectedServerErrorExitsWith1WithItsDetailAndNoStackTrace() {
        api.answer("GET /api/functions", FakeApi.Answer.problem(500, "database is on fire"));

        CliRun.Result result = cli.run("fn", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("error: database is on fire\n");
    }

    @Test
    void aBadArgumentTheServerFindsExitsWith2LikeOneTheCliFindsItself() {
        api.answer(
                "PATCH /api/functions/hello",
                FakeApi.Answer.problem(
                        400, "The timeout must be from 1 to 60000 ms (this server's maximum), not 90000."));

        CliRun.Result result = cli.run("fn", "update", "hello", "--timeout", "90s");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr())
                .isEqualTo("error: The timeout must be from 1 to 60000 ms (this server's maximum), not 90000.\n");
    }

    @Test
    void aDetailThatAlreadySaysErrorIsNotPrefixedTwice() {
        api.answer("GET /api/functions", FakeApi.Answer.problem(500, "Error: the disk is full"));

        CliRun.Result result = cli.run("fn", "list");

        assertThat(result.stderr()).isEqualTo("error: the disk is full\n");
    }

    @Test
    void verboseAddsRequestsAndTheFullCause() {
        api.answer("GET /api/functions", FakeApi.Answer.problem(500, "database is on fire"));

        CliRun.Result result = cli.run("fn", "list", "--verbose");

        assertThat(result.stderr()).contains("> GET " + api.url() + "/api/functions");
        assertThat(result.stderr()).contains("< 500");
        assertThat(result.stderr()).contains("error: database is on fire");
        assertThat(result.stderr()).contains("app.wasmcloud.cli.client.ApiException");
        assertThat(result.stderr()).contains("\tat ");
    }

    @Test
    void aNonJsonSuccessSaysTheApiUrlIsProbablyWrong() {
        api.answer(
                "GET /api/functions",
                new FakeApi.Answer(
                        200, Map.of("Content-Type", "text/html"), "<html>".getBytes(StandardCharsets.UTF_8)));

        CliRun.Result result = cli.run("fn", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("is " + api.url() + " a Wasmcloud API?");
    }

    @Test
    void aRedirectNamesWhereTheApiMoved() {
        api.answer(
                "GET /api/functions",
                new FakeApi.Answer(301, Map.of("Location", "https://api.example.com/api/functions"), new byte[0]));

        CliRun.Result result = cli.run("fn", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("redirected to https://api.example.com/api/functions");
    }
}
