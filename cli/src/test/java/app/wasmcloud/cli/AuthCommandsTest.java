package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthCommandsTest {
    private static final String WHOAMI = "{\"login\":\"dev\",\"role\":\"admin\",\"status\":\"active\"}";
    private static final String ISSUED = """
            {"id":"6f1c2b1e-0000-4000-8000-000000000001","name":"wasmcloud CLI on host","scopes":["deploy","invoke",
             "read"],"expiresAt":"2026-06-01T00:00:00Z","token":"browser-token"}""";
    /** Plays the user's browser: follows the API's redirect to the CLI's loopback listener. */
    private static final HttpClient BROWSER =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @TempDir
    Path dir;

    FakeApi api;
    CliRun cli;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeApi().answer("GET /api/whoami", 200, WHOAMI);
        cli = new CliRun(dir);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void loginChecksTheTokenAndStoresItWithTheApiInAFileOnlyTheOwnerCanRead() throws IOException {
        CliRun.Result result = cli.run("login", "--api", api.url() + "/", "--token", "secret-1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("Logged in to " + api.url() + " as dev\n");
        assertThat(api.onlyRequest().header("Authorization")).isEqualTo("Bearer secret-1");
        assertThat(Files.readString(cli.configFile()))
                .isEqualToIgnoringWhitespace("{\"api\":\"" + api.url() + "\",\"token\":\"secret-1\"}");
        assertThat(Files.getPosixFilePermissions(cli.configFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(cli.configFile().getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void loginRewritesAnExistingLooselyPermittedConfigFileAs0600() throws IOException {
        Files.createDirectories(cli.configFile().getParent());
        Files.writeString(cli.configFile(), "{}");
        Files.setPosixFilePermissions(cli.configFile(), PosixFilePermissions.fromString("rw-r--r--"));

        cli.run("login", "--api", api.url(), "--token", "secret-1");

        assertThat(Files.getPosixFilePermissions(cli.configFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void loginReadsTheTokenFromStdinWhenItIsNotATerminal() throws IOException {
        CliRun.Result result = cli.stdin("piped-token\n").run("login", "--api", api.url());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.onlyRequest().header("Authorization")).isEqualTo("Bearer piped-token");
        assertThat(Files.readString(cli.configFile())).contains("piped-token");
    }

    @Test
    void loginInTheBrowserTradesTheCodeTheRedirectBringsForAStoredToken() throws Exception {
        api.answer("GET /login/cli", FakeApi::redirectToCallbackWithCode).answer("POST /api/cli/tokens", 201, ISSUED);

        CliRun.Background login = cli.interactiveStdin().start("login", "--api", api.url(), "--no-browser");
        URI page = awaitLoginPage(login);
        HttpResponse<String> browser = BROWSER.send(HttpRequest.newBuilder(page).build(), BodyHandlers.ofString());
        CliRun.Result result = login.await();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(page.getQuery()).matches("port=\\d+&state=[A-Za-z0-9_-]{43}");
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(browser.body()).contains("Logged in — you can close this tab");
        assertThat(result.stdout()).isEqualTo("Logged in to " + api.url() + " as dev\n");
        FakeApi.Received exchange = api.received().get(1);
        assertThat(exchange.path()).isEqualTo("/api/cli/tokens");
        assertThat(exchange.header("Authorization")).isNull();
        assertThat(exchange.bodyText().replaceAll("\\s", ""))
                .startsWith("{\"code\":\"code-1\",\"name\":\"wasmcloudCLIon");
        assertThat(api.received().getLast().header("Authorization")).isEqualTo("Bearer browser-token");
        assertThat(Files.readString(cli.configFile()))
                .isEqualToIgnoringWhitespace("{\"api\":\"" + api.url() + "\",\"token\":\"browser-token\"}");
    }

    @Test
    void aCallbackWithTheWrongStateGets400AndTheLoginKeepsWaitingForTheRightOne() throws Exception {
        api.answer("POST /api/cli/tokens", 201, ISSUED);

        CliRun.Background login = cli.start("login", "--api", api.url(), "--no-browser");
        URI page = awaitLoginPage(login);
        String callback = "http://127.0.0.1:" + query(page, "port") + "/callback";
        HttpResponse<String> forged = BROWSER.send(
                HttpRequest.newBuilder(URI.create(callback + "?code=evil&state=guessed"))
                        .build(),
                BodyHandlers.ofString());
        HttpResponse<String> noState = BROWSER.send(
                HttpRequest.newBuilder(URI.create(callback + "?code=evil")).build(), BodyHandlers.ofString());
        HttpResponse<String> real = BROWSER.send(
                HttpRequest.newBuilder(URI.create(callback + "?code=code-2&state=" + query(page, "state")))
                        .build(),
                BodyHandlers.ofString());
        CliRun.Result result = login.await();

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(noState.statusCode()).isEqualTo(400);
        assertThat(real.statusCode()).isEqualTo(200);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.received().getFirst().bodyText().replaceAll("\\s", "")).contains("\"code\":\"code-2\"");
    }

    @Test
    void aCodeTheServerRejectsEndsTheLoginWithTheServersDetailAndStoresNothing() throws Exception {
        api.answer("GET /login/cli", FakeApi::redirectToCallbackWithCode)
                .answer("POST /api/cli/tokens", FakeApi.Answer.problem(400, "The login code is invalid or expired."));

        CliRun.Background login = cli.start("login", "--api", api.url(), "--no-browser");
        BROWSER.send(HttpRequest.newBuilder(awaitLoginPage(login)).build(), BodyHandlers.discarding());
        CliRun.Result result = login.await();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).endsWith("error: The login code is invalid or expired.\n");
        assertThat(cli.configFile()).doesNotExist();
    }

    /** The URL the CLI prints for the user's browser. */
    private static URI awaitLoginPage(CliRun.Background login) throws InterruptedException {
        Pattern url = Pattern.compile("http://\\S+/login/cli\\?\\S+");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher found = url.matcher(login.stderrSoFar());
            if (found.find()) {
                return URI.create(found.group());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no login URL on stderr: " + login.stderrSoFar());
    }

    private static String query(URI page, String name) {
        for (String pair : page.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + page);
    }

    @Test
    void loginWithARejectedTokenExitsNotAuthorizedAndStoresNothing() {
        api.answer("GET /api/whoami", FakeApi.Answer.problem(401, "invalid token"));

        CliRun.Result result = cli.run("login", "--api", api.url(), "--token", "wrong");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("error: invalid token — run `wasmcloud login`\n");
        assertThat(cli.configFile()).doesNotExist();
    }

    @Test
    void whoamiUsesTheStoredLogin() {
        cli.run("login", "--api", api.url(), "--token", "secret-1");

        CliRun.Result result = cli.run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("Logged in as dev (admin) on " + api.url() + "\n");
        assertThat(api.received().getLast().header("Authorization")).isEqualTo("Bearer secret-1");
    }

    @Test
    void whoamiAsJsonHasStableFieldNames() {
        CliRun.Result result = cli.env("WASMCLOUD_TOKEN", "t").run("whoami", "--api", api.url(), "-o", "json");

        assertThat(result.stdout())
                .isEqualToIgnoringWhitespace(
                        "{\"api\":\"" + api.url() + "\",\"login\":\"dev\",\"role\":\"admin\",\"status\":\"active\"}");
    }

    @Test
    void whoamiWithoutAnyTokenSaysHowToLogInAndSendsNothing() {
        CliRun.Result result = cli.run("whoami", "--api", api.url());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr())
                .isEqualTo(
                        "error: not logged in to " + api.url() + " — run `wasmcloud login` (or set WASMCLOUD_TOKEN)\n");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void logoutForgetsTheTokenButKeepsTheApi() throws IOException {
        cli.run("login", "--api", api.url(), "--token", "secret-1");

        CliRun.Result result = cli.run("logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEqualTo("Logged out of " + api.url() + ".\n");
        assertThat(Files.readString(cli.configFile())).isEqualToIgnoringWhitespace("{\"api\":\"" + api.url() + "\"}");
        assertThat(cli.run("whoami").exitCode()).isEqualTo(3);
    }
}
