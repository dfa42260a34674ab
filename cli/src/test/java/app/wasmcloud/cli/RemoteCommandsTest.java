package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** update, rollback, env, tokens, logs and admin against a fake API. */
class RemoteCommandsTest {
    private static final String HELLO = """
            {"name":"hello","description":"says hi","visibility":"public","activeVersion":3,
             "url":"http://localhost:8081/hello/","timeoutMs":500,"memoryPages":1,
             "effectiveTimeoutMs":500,"effectiveMemoryPages":1,"egressAllowList":["example.org"],
             "createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-02T00:00:00Z"}""";

    private static String version(int number) {
        return "{\"function\":\"hello\",\"number\":" + number + ",\"sha256\":\"" + "a".repeat(64)
                + "\",\"sizeBytes\":512,\"abi\":\"olin\",\"entrypoint\":\"_start\",\"imports\":[],"
                + "\"createdAt\":\"2025-01-01T00:00:00Z\",\"url\":\"http://localhost:8081/hello/\"}";
    }

    private static final String TOKEN_ID = "6f1c2b1e-0000-4000-8000-000000000001";

    private static final FakeApi.Answer NO_CONTENT = new FakeApi.Answer(204, Map.of(), new byte[0]);

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
    void updateSendsOnlyTheChangedFieldsInTheApisUnits() {
        api.answer("PATCH /api/functions/hello", 200, HELLO);

        CliRun.Result result = cli.run(
                "fn",
                "update",
                "hello",
                "--private",
                "--timeout",
                "500ms",
                "--memory",
                "64KiB",
                "--allow-host",
                "example.org",
                "--allow-host",
                "api.example.com");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        FakeApi.Received request = api.onlyRequest();
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.bodyText())
                .isEqualToIgnoringWhitespace("{\"visibility\":\"private\",\"timeoutMs\":500,\"memoryPages\":1,"
                        + "\"egressAllowList\":[\"example.org\",\"api.example.com\"]}");
        assertThat(result.stdout()).contains("timeout:        500ms\n", "memory:         64KiB\n");
    }

    @Test
    void updateCanEmptyTheHostListAndRefusesToDoNothing() {
        api.answer("PATCH /api/functions/hello", 200, HELLO);

        CliRun.Result cleared = cli.run("fn", "update", "hello", "--deny-all-hosts");
        CliRun.Result nothing = cli.run("fn", "update", "hello");
        CliRun.Result both = cli.run("fn", "update", "hello", "--public", "--private");

        assertThat(api.onlyRequest().bodyText()).isEqualToIgnoringWhitespace("{\"egressAllowList\":[]}");
        assertThat(cleared.exitCode()).isZero();
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.stderr()).contains("nothing to change");
        assertThat(both.exitCode()).isEqualTo(2);
    }

    @Test
    void rollbackWithoutToActivatesTheVersionBeforeTheActiveOne() {
        api.answer("GET /api/functions/hello", 200, HELLO)
                .answer(
                        "GET /api/functions/hello/versions",
                        200,
                        "[" + version(1) + "," + version(2) + "," + version(3) + "," + version(4) + "]")
                .answer("POST /api/functions/hello/versions/2/activate", 200, version(2));

        CliRun.Result result = cli.run("rollback", "hello");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("Version 2 of hello is now active\n");
        assertThat(api.received().getLast().path()).isEqualTo("/api/functions/hello/versions/2/activate");
    }

    @Test
    void rollbackToAChosenVersionAsksNothingElse() {
        api.answer("POST /api/functions/hello/versions/1/activate", 200, version(1));

        CliRun.Result result = cli.run("rollback", "hello", "--to", "1", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualToIgnoringWhitespace(version(1));
        assertThat(api.onlyRequest().body()).isEmpty();
    }

    @Test
    void rollbackFromTheOldestVersionSaysThereIsNothingToRollBackTo() {
        api.answer("GET /api/functions/hello", 200, HELLO)
                .answer("GET /api/functions/hello/versions", 200, "[" + version(3) + "]");

        CliRun.Result result = cli.run("rollback", "hello");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .isEqualTo("error: version 3 of hello is the oldest; there is nothing to roll back to\n");
    }

    @Test
    void envSetPutsEachVariableAndASecretNeverComesBack() {
        api.answer("PUT /api/functions/hello/env/API_KEY", 200, secretVariable("API_KEY"))
                .answer("PUT /api/functions/hello/env/MODE", 200, secretVariable("MODE"));

        CliRun.Result result = cli.run("env", "set", "hello", "API_KEY=s3cr=t", "MODE=", "--secret", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.received()).hasSize(2);
        assertThat(api.received().getFirst().bodyText())
                .isEqualToIgnoringWhitespace("{\"value\":\"s3cr=t\",\"secret\":true}");
        assertThat(api.received().getLast().bodyText()).isEqualToIgnoringWhitespace("{\"value\":\"\",\"secret\":true}");
        assertThat(result.stdout())
                .isEqualToIgnoringWhitespace("[" + secretVariable("API_KEY") + "," + secretVariable("MODE") + "]");
    }

    private static String secretVariable(String key) {
        return "{\"key\":\"" + key + "\",\"value\":null,\"secret\":true,\"updatedAt\":\"2025-01-01T00:00:00Z\"}";
    }

    @Test
    void envSetReadsAValueWithoutEqualsFromStdin() {
        api.answer(
                "PUT /api/functions/hello/env/TOKEN",
                200,
                "{\"key\":\"TOKEN\",\"value\":\"from stdin\",\"secret\":false,\"updatedAt\":\"2025-01-01T00:00:00Z\"}");

        CliRun.Result result = cli.stdin("from stdin\n").run("env", "set", "hello", "TOKEN");

        assertThat(result.stdout()).isEqualTo("Set TOKEN on hello\n");
        assertThat(api.onlyRequest().bodyText())
                .isEqualToIgnoringWhitespace("{\"value\":\"from stdin\",\"secret\":false}");
    }

    @Test
    void envSetWithEmptyStdinStoresNothingAndSaysHowToGiveAValue() {
        CliRun.Result result = cli.stdin("").run("env", "set", "hello", "API_KEY", "--secret");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("stdin gave no value for API_KEY").contains("API_KEY=");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void envSetRefusesReservedAndMalformedKeysBeforeSendingAnything() {
        CliRun.Result reserved = cli.run("env", "set", "hello", "OK=1", "PATH_INFO=/x");
        CliRun.Result malformed = cli.run("env", "set", "hello", "1BAD=x");

        assertThat(reserved.exitCode()).isEqualTo(2);
        assertThat(reserved.stderr()).contains("'PATH_INFO' is reserved");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(api.received()).isEmpty();
    }

    @Test
    void envUnsetDeletesEachKey() {
        api.answer("DELETE /api/functions/hello/env/A", NO_CONTENT)
                .answer("DELETE /api/functions/hello/env/B", NO_CONTENT);

        CliRun.Result result = cli.run("env", "unset", "hello", "A", "B");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("Unset A on hello\nUnset B on hello\n");
        assertThat(api.received()).extracting(FakeApi.Received::method).containsExactly("DELETE", "DELETE");
    }

    @Test
    void envListMasksSecrets() {
        api.answer("GET /api/functions/hello/env", 200, """
                [{"key":"GREETING","value":"hej","secret":false},{"key":"API_KEY","value":null,"secret":true}]""");

        CliRun.Result result = cli.run("env", "list", "hello");

        assertThat(result.stdout()).isEqualTo("KEY       VALUE\nGREETING  hej\nAPI_KEY   (secret)\n");
    }

    @Test
    void tokensCreatePrintsTheTokenAloneOnStdout() {
        api.answer("POST /api/tokens", 201, """
                {"id":"0b6f","name":"ci","scopes":["deploy","read"],"expiresAt":"2026-01-01T00:00:00Z",
                 "token":"eyJ.secret.jwt"}""");

        CliRun.Result result = cli.run(
                "tokens", "create", "--name", "ci", "--scope", "deploy", "--scope", "READ", "--expires-in-days", "30");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("eyJ.secret.jwt\n");
        assertThat(result.stderr()).contains("Created token ci (id 0b6f, deploy,read, expires 2026-01-01T00:00:00Z)");
        assertThat(api.onlyRequest().bodyText())
                .isEqualToIgnoringWhitespace("{\"name\":\"ci\",\"scopes\":[\"deploy\",\"read\"],\"expiresInDays\":30}");
    }

    @Test
    void tokensCreateRefusesAnUnknownScopeAndNeedsAtLeastOne() {
        CliRun.Result unknown = cli.run("tokens", "create", "--name", "ci", "--scope", "root");
        CliRun.Result none = cli.run("tokens", "create", "--name", "ci");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).contains("--scope");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void tokensListPrintsATableAndJsonAsTheApiGaveIt() {
        String tokens = """
                [{"id":"0b6f","name":"ci","scopes":["deploy","read"],"createdAt":"2025-01-01T00:00:00Z",
                  "expiresAt":null,"lastUsedAt":"2025-05-01T00:00:00Z"}]""";
        api.answer("GET /api/tokens", 200, tokens);

        CliRun.Result text = cli.run("tokens", "list");
        CliRun.Result json = cli.run("tokens", "list", "-o", "json");

        assertThat(text.stdout()).isEqualTo("""
                ID    NAME  SCOPES       CREATED               EXPIRES  LAST USED
                0b6f  ci    deploy,read  2025-01-01T00:00:00Z  -        2025-05-01T00:00:00Z
                """);
        assertThat(json.stdout()).isEqualToIgnoringWhitespace(tokens);
    }

    @Test
    void tokensRevokeDeletesWithoutAskingAScript() {
        api.answer("DELETE /api/tokens/" + TOKEN_ID, NO_CONTENT);

        CliRun.Result result = cli.run("tokens", "revoke", TOKEN_ID);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("Revoked token " + TOKEN_ID + "\n");
    }

    @Test
    void tokensRevokeRefusesAnIdThatIsNotAUuid() {
        CliRun.Result result = cli.run("tokens", "revoke", "0b6f");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("'0b6f' is not a token id");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void tokensRevokeOnATerminalAsksFirst() {
        CliRun.Result result = cli.interactiveStdin().stdin("no\n").run("tokens", "revoke", TOKEN_ID);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(api.received()).isEmpty();
    }

    @Test
    void logsPassesLimitAndOutcomeAndPrintsOneLinePerInvocation() {
        api.answer("GET /api/functions/hello/invocations", 200, """
                [{"id":"inv-1","function":"hello","version":3,"source":"public","startedAt":"2025-01-01T00:00:00Z",
                  "wallTimeUs":1500,"cpuTimeUs":900,"httpStatus":502,"outcome":"trap","exitCode":null,"bytesIn":0,
                  "bytesOut":0,"peakMemoryPages":1}]""");

        CliRun.Result result = cli.run("logs", "hello", "--limit", "5", "--outcome", "TRAP", "--since", "2h");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.onlyRequest().query()).isEqualTo("limit=5&outcome=trap&since=2h");
        assertThat(result.stdout()).isEqualTo("2025-01-01T00:00:00Z  502  trap  1.5ms  v3  inv-1\n");
    }

    static final String INVOCATION = """
            {"id":"0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f","function":"hello","version":3,"source":"api",
                  "startedAt":"2025-01-01T00:00:00Z","wallTimeUs":1500,"cpuTimeUs":900,"httpStatus":502,
                  "outcome":"trap","exitCode":null,"bytesIn":12,"bytesOut":40,"peakMemoryPages":2,
                  "hostCalls":{"env_get":2,"log_write":1},"stderr":"panic: no RUN_ID\\n",
                  "logLines":[{"level":1,"message":"about to fail"}],"trapMessage":"unreachable instruction"}""";

    @Test
    void invocationsShowPrintsWhyAnInvocationFailedWithItsTimingsMemoryBytesAndHostCalls() {
        api.answer("GET /api/invocations/0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f", 200, INVOCATION);

        CliRun.Result result = cli.run("invocations", "show", "0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout())
                .contains("invocation  0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f\n")
                .contains("function    hello v3 (api)\n")
                .contains("outcome     trap, HTTP 502\n")
                .contains("time        1.5 ms wall, 0.9 ms CPU\n")
                .contains("memory      128.0 KiB peak (2 pages)\n")
                .contains("bytes       12 in, 40 out\n")
                .contains("host calls  env_get 2, log_write 1\n")
                .contains("trap        unreachable instruction\n")
                .contains("log lines:\n    [error] about to fail\n")
                .contains("stderr:\n    panic: no RUN_ID\n");
    }

    @Test
    void invocationsShowWithJsonOutputCarriesTheWholeRecord() throws Exception {
        api.answer("GET /api/invocations/0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f", 200, INVOCATION);

        CliRun.Result result = cli.run("invocations", "show", "0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout())
                .contains("trapMessage")
                .contains("unreachable instruction")
                .contains("\"stderr\"")
                .contains("\"about to fail\"");
    }

    @Test
    void invocationsShowWithSomethingThatIsNotAnIdIsAUsageError() {
        CliRun.Result result = cli.run("invocations", "show", "inv-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("'inv-1' is not an invocation id");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void logsWithAnIdShowsThatInvocationAndRefusesOneOfAnotherFunction() {
        api.answer("GET /api/invocations/0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f", 200, INVOCATION);

        CliRun.Result own = cli.run("logs", "hello", "--id", "0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f");
        CliRun.Result other = cli.run("logs", "other", "--id", "0190a4e2-7c1d-7b3e-9f00-1a2b3c4d5e6f");

        assertThat(own.exitCode()).as(own.toString()).isZero();
        assertThat(own.stdout()).contains("trap        unreachable instruction\n");
        assertThat(other.exitCode()).isEqualTo(4);
        assertThat(other.stderr()).contains("is not one of other's");
    }

    @Test
    void logsWithJsonOutputAsksForEveryInvocationInFull() {
        api.answer("GET /api/functions/hello/invocations", 200, "[" + INVOCATION + "]");

        CliRun.Result result = cli.run("logs", "hello", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.onlyRequest().query()).isEqualTo("details=true");
        assertThat(result.stdout()).contains("unreachable instruction").contains("about to fail");
    }

    @Test
    void logsRefusesAnUnknownOutcomeListingTheKnownOnes() {
        CliRun.Result result = cli.run("logs", "hello", "--outcome", "crashed");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("'crashed' is not an outcome", "nonzero_exit", "invalid_response");
    }

    @Test
    void logsFollowWithSinceOrLimitIsAUsageErrorNotASilentlyIgnoredFilter() {
        CliRun.Result since = cli.run("logs", "hello", "--follow", "--since", "2h");
        CliRun.Result limit = cli.run("logs", "hello", "-f", "-n", "5");

        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.stderr()).startsWith("error: --limit and --since choose past invocations");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(api.received()).isEmpty();
    }

    @Test
    void logsFollowPrintsEachServerSentEventUntilTheStreamEnds() throws IOException {
        HttpServer stream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stream.createContext("/api/functions/hello/logs/stream", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(
                        (": keep-alive\n\nevent:invocation\nid:a\ndata:{\"id\":\"a\",\"httpStatus\":200,\"outcome\":\"ok\"}"
                                        + "\n\nevent: other\ndata: {\"id\":\"skipped\"}\n\n"
                                        + "event: invocation\ndata: {\"id\":\"b\",\"httpStatus\":504,\n"
                                        + "data: \"outcome\":\"timeout\"}\n\n")
                                .getBytes(StandardCharsets.UTF_8));
            }
        });
        stream.start();
        try {
            CliRun.Result result = cli.env(
                            "WASMCLOUD_API",
                            "http://127.0.0.1:" + stream.getAddress().getPort())
                    .run("logs", "hello", "--follow", "-o", "json");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).isEqualTo("""
                    {"id":"a","httpStatus":200,"outcome":"ok"}
                    {"id":"b","httpStatus":504,"outcome":"timeout"}
                    """);
        } finally {
            stream.stop(0);
        }
    }

    @Test
    void adminUsersPendingAsksForPendingUsers() {
        api.answer("GET /api/admin/users", 200, """
                [{"login":"ada","role":"user","status":"pending","tier":"examples","application":null,
                  "createdAt":"2025-01-01T00:00:00Z"}]""");

        CliRun.Result result = cli.run("admin", "users", "--pending");

        // The queue now shows each user's tier and, for an application, its reason (AccountCommandsTest).
        assertThat(api.onlyRequest().query()).isEqualTo("status=pending");
        assertThat(result.stdout()).isEqualTo("""
                LOGIN  STATUS   TIER      APPLIED  REASON
                ada    pending  examples  -        (signup)
                """);
    }

    @Test
    void adminApproveAndSuspendPostToTheUsersAction() {
        String ada = """
                {"login":"ada","giteaId":7,"role":"user","status":"active","tier":"free","quotaOverrides":null,
                 "application":null,"createdAt":"2025-01-01T00:00:00Z"}""";
        api.answer("POST /api/admin/users/ada/approve", 200, ada).answer("POST /api/admin/users/bob/suspend", 200, """
                        {"login":"bob","giteaId":8,"role":"user","status":"suspended",
                         "createdAt":"2025-01-01T00:00:00Z"}""");

        CliRun.Result approved = cli.run("admin", "approve", "ada", "-o", "json");
        CliRun.Result suspended = cli.run("admin", "suspend", "bob");

        assertThat(approved.stdout()).isEqualToIgnoringWhitespace(ada);
        assertThat(suspended.stdout()).isEqualTo("Suspended bob\n");
        assertThat(cli.run("admin", "approve", "ada").stdout()).isEqualTo("Approved ada (tier free)\n");
    }

    @Test
    void aForbiddenAdminCommandExitsThree() {
        api.answer("GET /api/admin/users", FakeApi.Answer.problem(403, "admin scope required"));

        CliRun.Result result = cli.run("admin", "users");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("error: admin scope required\n");
    }

    @Test
    void completionScriptsNameTheCommands() {
        CliRun.Result bash = cli.run("completion", "bash");
        CliRun.Result zsh = cli.run("completion", "zsh");
        CliRun.Result fish = cli.run("completion", "fish");

        assertThat(bash.exitCode()).isZero();
        assertThat(bash.stdout()).contains("complete -F _complete_wasmcloud", "rollback", "tokens");
        assertThat(zsh.stdout()).startsWith("autoload -U +X compinit").contains("bashcompinit");
        assertThat(fish.stdout())
                .contains("complete -c wasmcloud -n __fish_use_subcommand -a deploy")
                .contains("-n '__fish_seen_subcommand_from env' -a set")
                .contains("-n '__fish_seen_subcommand_from run' -l timeout -r");
    }
}
