package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeCommandTest {
    private static final String INVOKE = "POST /api/functions/hello/invoke";

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
    void invokeWithoutDataSendsAGetForTheRootPath() {
        api.answer(INVOKE, functionAnswer(200, "hi\n"));

        CliRun.Result result = cli.run("invoke", "hello");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("hi\n");
        FakeApi.Received request = api.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/functions/hello/invoke");
        assertThat(request.header("X-Wasmcloud-Method")).isEqualTo("GET");
        assertThat(request.header("X-Wasmcloud-Path")).isEqualTo("/");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + FakeApi.TOKEN);
        assertThat(request.body()).isEmpty();
    }

    @Test
    void invokeForwardsMethodPathHeadersAndDataUnchanged() {
        api.answer(INVOKE, functionAnswer(200, "ok"));

        CliRun.Result result = cli.run(
                "invoke",
                "hello",
                "-X",
                "put",
                "--path",
                "/items/1?full=yes",
                "-H",
                "Content-Type: application/json",
                "-H",
                "X-Trace:  abc ",
                "-d",
                "{\"a\": 1}\n");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        FakeApi.Received request = api.onlyRequest();
        assertThat(request.header("X-Wasmcloud-Method")).isEqualTo("PUT");
        assertThat(request.header("X-Wasmcloud-Path")).isEqualTo("/items/1?full=yes");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Trace")).isEqualTo("abc");
        assertThat(request.bodyText()).isEqualTo("{\"a\": 1}\n");
    }

    @Test
    void invokeWithDataDefaultsToPost() {
        api.answer(INVOKE, functionAnswer(200, ""));

        cli.run("invoke", "hello", "-d", "x");

        assertThat(api.onlyRequest().header("X-Wasmcloud-Method")).isEqualTo("POST");
    }

    @Test
    void invokeRoundTripsEveryByteValueFromAFileAndBackToStdout() throws IOException {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        Path file = Files.write(dir.resolve("bytes.bin"), allBytes);
        api.answer(INVOKE, new FakeApi.Answer(200, Map.of("X-Wasmcloud-Invocation-Id", "inv-1"), allBytes));

        CliRun.Result result = cli.run("invoke", "hello", "-d", "@" + file);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.onlyRequest().body()).isEqualTo(allBytes);
        assertThat(result.stdoutBytes()).isEqualTo(allBytes);
    }

    @Test
    void invokeReadsTheBodyFromStdinWithAtDash() {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) (255 - i);
        }
        api.answer(INVOKE, functionAnswer(200, ""));

        CliRun.Result result = cli.stdin(allBytes).run("invoke", "hello", "-d", "@-");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.onlyRequest().body()).isEqualTo(allBytes);
    }

    @Test
    void invokeWithIncludePrintsStatusAndHeadersBeforeTheBody() {
        api.answer(
                INVOKE,
                new FakeApi.Answer(
                        201,
                        Map.of("X-Wasmcloud-Invocation-Id", "inv-7", "Content-Type", "text/plain"),
                        "made".getBytes(StandardCharsets.UTF_8)));

        CliRun.Result result = cli.run("invoke", "hello", "-i");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("HTTP 201\n");
        assertThat(result.stdout()).containsIgnoringCase("content-type: text/plain\n");
        assertThat(result.stdout()).containsIgnoringCase("x-wasmcloud-invocation-id: inv-7\n");
        assertThat(result.stdout()).endsWith("\n\nmade");
    }

    @Test
    void invokeWithIncludeShowsOnlyTheFunctionsOwnHeadersAndTheInvocationId() {
        api.answer(
                INVOKE,
                new FakeApi.Answer(
                        200,
                        Map.of(
                                "X-Wasmcloud-Invocation-Id", "inv-8",
                                "X-Wasmcloud-Function-Headers", "content-type, x-greeting",
                                "Content-Type", "text/plain",
                                "X-Greeting", "hello",
                                "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
                                "Vary", "Origin",
                                "X-Frame-Options", "DENY"),
                        "hi".getBytes(StandardCharsets.UTF_8)));

        CliRun.Result result = cli.run("invoke", "hello", "-i");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout())
                .containsIgnoringCase("content-type: text/plain\n")
                .containsIgnoringCase("x-greeting: hello\n")
                .containsIgnoringCase("x-wasmcloud-invocation-id: inv-8\n")
                .doesNotContainIgnoringCase("cache-control")
                .doesNotContainIgnoringCase("vary")
                .doesNotContainIgnoringCase("x-frame-options")
                .doesNotContainIgnoringCase("x-wasmcloud-function-headers")
                .endsWith("\n\nhi");
    }

    @Test
    void aFunctionAnswering404IsStillASuccessfulInvocation() {
        api.answer(INVOKE, functionAnswer(404, "no such page"));

        CliRun.Result result = cli.run("invoke", "hello", "--path", "/missing");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("no such page");
    }

    @Test
    void aFunctionAnswering500ExitsWithFailureAndNamesTheInvocation() {
        api.answer(INVOKE, functionAnswer(500, "boom"));

        CliRun.Result result = cli.run("invoke", "hello");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("boom");
        assertThat(result.stderr()).isEqualTo("error: the function answered HTTP 500 (invocation inv-1)\n");
    }

    @Test
    void aFailedInvocationSaysWhyFromItsRecord() {
        String id = "0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f";
        api.answer(
                        INVOKE,
                        new FakeApi.Answer(
                                502,
                                Map.of("X-Wasmcloud-Invocation-Id", id, "Content-Type", "text/plain"),
                                "The function failed\n".getBytes(StandardCharsets.UTF_8)))
                .answer(
                        "GET /api/invocations/" + id,
                        200,
                        "{\"id\":\"" + id + "\",\"outcome\":\"trap\",\"httpStatus\":502,"
                                + "\"trapMessage\":\"unreachable instruction\\nat func 3\"}");

        CliRun.Result result = cli.run("invoke", "hello");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .isEqualTo("error: the function answered HTTP 502: trap: unreachable instruction (invocation " + id
                        + "; wasmcloud invocations show " + id + ")\n");
    }

    @Test
    void aPlatformErrorWithoutInvocationIdIsReportedAsAnApiError() {
        api.answer(INVOKE, FakeApi.Answer.problem(404, "no function named hello"));

        CliRun.Result result = cli.run("invoke", "hello");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("error: no function named hello\n");
    }

    @Test
    void verboseInvokeNamesTheInvocationIdOnStderr() {
        api.answer(INVOKE, functionAnswer(200, "hi"));

        CliRun.Result result = cli.run("invoke", "hello", "--verbose");

        assertThat(result.stdout()).isEqualTo("hi");
        assertThat(result.stderr()).contains("invocation inv-1 answered HTTP 200");
    }

    @Test
    void aMalformedHeaderIsAUsageErrorAndSendsNothing() {
        CliRun.Result result = cli.run("invoke", "hello", "-H", "no-colon-here");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("'no-colon-here' is not a header: expected 'Name: value'");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void theAuthorizationHeaderCannotBeOverriddenWithH() {
        CliRun.Result result = cli.run("invoke", "hello", "-H", "Authorization: Bearer other");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Authorization carries your API token and cannot be forwarded");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void platformHeadersCannotBeSetWithH() {
        CliRun.Result result = cli.run("invoke", "hello", "-H", "X-Wasmcloud-Path: /admin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("set the method with -X and the path with --path");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void aPathWithoutLeadingSlashIsAUsageError() {
        CliRun.Result result = cli.run("invoke", "hello", "--path", "items");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--path: Invalid path 'items': it must start with '/'");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void aMissingDataFileFailsBeforeAnyRequest() {
        CliRun.Result result = cli.run("invoke", "hello", "-d", "@" + dir.resolve("absent.json"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("absent.json: no such file");
        assertThat(api.received()).isEmpty();
    }

    private static FakeApi.Answer functionAnswer(int status, String body) {
        return new FakeApi.Answer(
                status, Map.of("X-Wasmcloud-Invocation-Id", "inv-1"), body.getBytes(StandardCharsets.UTF_8));
    }
}
