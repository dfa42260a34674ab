package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionCommandsTest {
    private static final String HELLO = """
            {"name":"hello","description":"says hi","visibility":"public","activeVersion":1,
             "url":"http://localhost:8081/hello/","timeoutMs":1500,"memoryPages":512,
             "effectiveTimeoutMs":1500,"effectiveMemoryPages":512,"egressAllowList":["api.example.com","example.org"],"record":"on","createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-02T00:00:00Z"}""";
    private static final String SECRET = """
            {"name":"secret","description":"","visibility":"private","activeVersion":null,
             "url":"http://localhost:8081/secret/","timeoutMs":null,"memoryPages":null,
             "effectiveTimeoutMs":10000,"effectiveMemoryPages":256,"egressAllowList":[],"record":"off","createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00Z"}""";

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
    void createPostsNameDescriptionAndVisibility() {
        api.answer("POST /api/functions", 201, SECRET);

        CliRun.Result result = cli.run("functions", "create", "secret", "--private", "--description", "hush");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout())
                .isEqualTo("Created private function secret\n(private: call it with wasmcloud invoke secret)\n");
        FakeApi.Received request = api.onlyRequest();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.bodyText())
                .isEqualToIgnoringWhitespace(
                        "{\"name\":\"secret\",\"description\":\"hush\",\"visibility\":\"private\"}");
    }

    @Test
    void createDefaultsToPublicAndLeavesOutAMissingDescription() {
        api.answer("POST /api/functions", 201, HELLO);

        cli.run("fn", "create", "hello");

        assertThat(api.onlyRequest().bodyText())
                .isEqualToIgnoringWhitespace("{\"name\":\"hello\",\"visibility\":\"public\"}");
    }

    @Test
    void anInvalidFunctionNameIsAUsageErrorThatSaysWhatIsAllowed() {
        CliRun.Result result = cli.run("fn", "create", "Hello_World");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("'Hello_World' is not a valid function name");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void listPrintsATable() {
        api.answer("GET /api/functions", 200, "[" + HELLO + "," + SECRET + "]");

        CliRun.Result result = cli.run("fn", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("""
                        NAME    VISIBILITY  VERSION  URL
                        hello   public      1        http://localhost:8081/hello/
                        secret  private     -        (private: call it with wasmcloud invoke secret)
                        """);
    }

    @Test
    void listAsJsonKeepsTheApiFieldNamesIncludingNulls() {
        api.answer("GET /api/functions", 200, "[" + SECRET + "]");

        CliRun.Result result = cli.run("functions", "list", "--output", "json");

        assertThat(result.stdout()).isEqualToIgnoringWhitespace("[" + SECRET + "]");
    }

    @Test
    void anEmptyListPrintsNothingOnStdoutAndAHintOnStderr() {
        api.answer("GET /api/functions", 200, "[]");

        CliRun.Result result = cli.run("fn", "ls");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("wasmcloud functions create NAME");
    }

    @Test
    void updateRecordSendsOnlyTheRecordSetting() {
        api.answer("PATCH /api/functions/hello", 200, HELLO);

        CliRun.Result result = cli.run("fn", "update", "hello", "--record", "errors");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.onlyRequest().bodyText()).isEqualToIgnoringWhitespace("{\"record\":\"errors\"}");
    }

    @Test
    void anUnknownRecordModeIsAUsageErrorThatSaysWhatIsAllowed() {
        CliRun.Result result = cli.run("fn", "update", "hello", "--record", "always");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--record takes off, on, errors");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void showPrintsEveryField() {
        api.answer("GET /api/functions/hello", 200, HELLO);

        CliRun.Result result = cli.run("fn", "show", "hello");

        assertThat(result.stdout()).isEqualTo("""
                        name:           hello
                        description:    says hi
                        visibility:     public
                        active version: 1
                        url:            http://localhost:8081/hello/
                        timeout:        1500ms
                        memory:         32MiB
                        allowed hosts:  api.example.com, example.org
                        record:         on
                        created:        2025-01-01T00:00:00Z
                        updated:        2025-01-02T00:00:00Z
                        """);
    }

    @Test
    void showOfAPrivateFunctionWithDefaultLimitsSaysWhatTheDefaultsAreAndGivesNoDeadUrl() {
        api.answer("GET /api/functions/secret", 200, SECRET);

        CliRun.Result result = cli.run("fn", "show", "secret");

        assertThat(result.stdout())
                .contains("url:            (private: call it with wasmcloud invoke secret)\n")
                .contains("timeout:        10s (default)\n")
                .contains("memory:         16MiB (default)\n")
                .doesNotContain("http://localhost:8081/secret/");
    }

    @Test
    void showOfAnUnknownFunctionExitsNotFound() {
        CliRun.Result result = cli.run("fn", "show", "ghost");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).isEqualTo("error: no fake answer for GET /api/functions/ghost\n");
    }

    @Test
    void deleteWithoutATerminalDeletesWithoutAsking() {
        api.answer("DELETE /api/functions/hello", new FakeApi.Answer(204, Map.of(), new byte[0]));

        CliRun.Result result = cli.run("fn", "delete", "hello");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("Deleted function hello\n");
        assertThat(api.onlyRequest().method()).isEqualTo("DELETE");
    }

    @Test
    void deleteOnATerminalAsksAndDoesNothingUnlessConfirmed() {
        CliRun.Result result = cli.interactiveStdin().stdin("n\n").run("fn", "delete", "hello");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Delete function hello and all its versions?");
        assertThat(result.stderr()).contains("error: aborted; hello was not deleted");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void deleteOnATerminalProceedsWhenConfirmed() {
        api.answer("DELETE /api/functions/hello", new FakeApi.Answer(204, Map.of(), new byte[0]));

        CliRun.Result result = cli.interactiveStdin().stdin("y\n").run("fn", "delete", "hello");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.onlyRequest().method()).isEqualTo("DELETE");
    }

    @Test
    void deleteWithYesNeverAsks() {
        api.answer("DELETE /api/functions/hello", new FakeApi.Answer(204, Map.of(), new byte[0]));

        CliRun.Result result = cli.interactiveStdin().run("fn", "rm", "hello", "--yes", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualToIgnoringWhitespace("{\"name\":\"hello\",\"deleted\":true}");
    }

    @Test
    void versionsListsNumbersDigestsAndSizesAndMarksTheActiveOne() {
        api.answer("GET /api/functions/hello/versions", 200, """
                [{"function":"hello","number":1,"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                  "sizeBytes":512,"abi":"olin","entrypoint":"_start","createdAt":"2025-01-01T00:00:00Z",
                  "url":"http://localhost:8081/hello/"},
                 {"function":"hello","number":2,"sha256":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                  "sizeBytes":3145728,"abi":"wasi","entrypoint":"_start","createdAt":"2025-01-02T00:00:00Z",
                  "url":"http://localhost:8081/hello/"}]""");
        api.answer("GET /api/functions/hello", 200, HELLO);

        CliRun.Result result = cli.run("versions", "hello");
        CliRun.Result json = cli.run("versions", "hello", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("""
                        ACTIVE  VERSION  SHA256         SIZE     ABI   ENTRYPOINT  CREATED
                        *       1        aaaaaaaaaaaa…  512 B    olin  _start      2025-01-01T00:00:00Z
                                2        bbbbbbbbbbbb…  3.0 MiB  wasi  _start      2025-01-02T00:00:00Z
                        """);
        assertThat(json.stdout())
                .contains("\"number\" : 1,")
                .contains("\"active\" : true")
                .contains("\"active\" : false");
    }
}
