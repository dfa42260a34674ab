package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The `wasmcloud` CLI against the real platform (the shared dev stack: api-server and executor jars, PostgreSQL,
 * dev login), every remote command as a user meets it. Each test is a fresh user machine (its own config directory)
 * and uses function names of its own, since other test classes share the stack.
 */
class CliAgainstPlatformTest {

    private static final Path HELLO = TestStack.ROOT.resolve("examples/hello/hello.wasm");
    /** The executor writes invocation records in batches and learns of changes through NOTIFY: both take a moment. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static DevStack stack;

    @TempDir
    Path machine;

    @BeforeAll
    static void startPlatform() throws Exception {
        stack = TestStack.get();
    }

    /** A user who logged in with the stack's admin token. */
    private InProcessCli loggedIn() {
        InProcessCli cli = new InProcessCli(machine);
        InProcessCli.Result login = cli.run("login", "--api", api(), "--token", stack.token());
        assertThat(login.exitCode()).as(login.toString()).isZero();
        return cli;
    }

    @Test
    void loginWithATokenStoresItAndWhoamiNamesTheAccount() throws Exception {
        InProcessCli cli = new InProcessCli(machine);

        InProcessCli.Result login = cli.run("login", "--api", api(), "--token", stack.token());
        InProcessCli.Result whoami = cli.run("whoami", "-o", "json");

        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out()).isEqualTo("Logged in to " + api() + " as dev\n");
        assertThat(Files.readString(machine.resolve("wasmcloud/config.json"))).contains(stack.token());
        assertThat(whoami.exitCode()).as(whoami.toString()).isZero();
        JsonNode account = JSON.readTree(whoami.out());
        assertThat(account.get("login").asString()).isEqualTo("dev");
        assertThat(account.get("role").asString()).isEqualTo("admin");
        assertThat(account.get("api").asString()).isEqualTo(api());
    }

    @Test
    void loginInTheBrowserGetsATokenThroughTheLoopbackRedirect() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager())
                .build();
        Assumptions.assumeTrue(
                cliLoginPageExists(),
                "the api-server has no /login/cli route yet (the server side of the browser login is being built);"
                        + " skipping the browser login against the real platform");
        InProcessCli cli = new InProcessCli(machine);

        InProcessCli.Background login = cli.start("login", "--api", api(), "--no-browser");
        URI page = awaitLoginPage(login);
        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(page).build(), BodyHandlers.ofString());
        HttpResponse<String> landing = browser.send(
                HttpRequest.newBuilder(consent.uri().resolve("/login/cli"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(approval(consent.body())))
                        .build(),
                BodyHandlers.ofString());
        InProcessCli.Result result = login.await();
        InProcessCli.Result whoami = cli.run("whoami");

        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body()).contains("Authorize the wasmcloud CLI on localhost?");
        assertThat(landing.statusCode()).as(landing.body()).isEqualTo(200);
        assertThat(landing.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(landing.body()).contains("Logged in — you can close this tab");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Logged in to " + api() + " as dev\n");
        assertThat(Files.readString(machine.resolve("wasmcloud/config.json")))
                .doesNotContain(stack.token())
                .contains("\"token\"");
        assertThat(whoami.exitCode()).as(whoami.toString()).isZero();
        assertThat(whoami.out()).startsWith("Logged in as dev (admin) on " + api());
    }

    @Test
    void aFunctionsWholeLifeFromTheCommandLine() throws Exception {
        InProcessCli cli = loggedIn();
        String name = "cli-lifecycle";
        String url = stack.config().runUrl() + "/" + name + "/";

        InProcessCli.Result create = cli.run("functions", "create", name, "--description", "from the CLI test");
        InProcessCli.Result deploy = cli.run("deploy", name, HELLO.toString());
        InProcessCli.Result invoke = cli.run("invoke", name, "--path", "/greet", "-d", "ping");

        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
        assertThat(deploy.out()).contains("version 1").contains(url);
        assertThat(invoke.exitCode()).as(invoke.toString()).isZero();
        assertThat(invoke.out()).isEqualTo("hello from wasmcloud!\nmethod: POST\npath: /greet\nbody: ping\n");

        InProcessCli.Result set = cli.run("env", "set", name, "GREETING=Howdy", "--secret");
        InProcessCli.Result howdy = eventually(
                () -> cli.run("invoke", name), r -> r.out().startsWith("Howdy from wasmcloud!"), "the new GREETING");
        InProcessCli.Result env = cli.run("env", "list", name);
        InProcessCli.Result envJson = cli.run("env", "list", name, "-o", "json");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).isEqualTo("Set secret GREETING on " + name + "\n");
        assertThat(howdy.exitCode()).as(howdy.toString()).isZero();
        assertThat(env.out()).contains("GREETING").contains("(secret)").doesNotContain("Howdy");
        assertThat(envJson.out()).doesNotContain("Howdy").contains("\"secret\" : true");

        InProcessCli.Result second = cli.run("deploy", name, HELLO.toString());
        InProcessCli.Result rollback = cli.run("rollback", name);
        InProcessCli.Result versions = cli.run("versions", name, "-o", "json");

        assertThat(second.out()).contains("version 2");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).isEqualTo("Version 1 of " + name + " is now active\n");
        JsonNode listed = JSON.readTree(versions.out());
        assertThat(listed.valueStream()
                        .map(v -> v.get("number").asInt() + (v.get("active").asBoolean() ? " active" : ""))
                        .toList())
                .containsExactlyInAnyOrder("1 active", "2");
        assertThat(cli.run("versions", name).out()).containsPattern("(?m)^\\*\\s+1\\s");

        InProcessCli.Result logs = eventually(
                () -> cli.run("logs", name, "--limit", "10"),
                r -> r.out()
                                .lines()
                                .filter(line -> line.contains("  200  ok  "))
                                .count()
                        >= 2,
                "two invocations in the logs");
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).contains("v1");

        InProcessCli.Result delete = cli.run("functions", "delete", name, "--yes");
        HttpResponse<String> gone = eventually(
                () -> get(url), response -> response.statusCode() == 404, "the deleted function's URL to 404");

        assertThat(delete.exitCode()).as(delete.toString()).isZero();
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(cli.run("functions", "show", name).exitCode()).isEqualTo(4);
    }

    @Test
    void aCreatedTokenWorksUntilItIsRevokedAndThenExitsThree() throws Exception {
        InProcessCli cli = loggedIn();
        InProcessCli.Result create = cli.run(
                "tokens", "create", "--name", "cli-test", "--scope", "read", "--expires-in-days", "1", "-o", "json");
        assertThat(create.exitCode()).as(create.toString()).isZero();
        JsonNode token = JSON.readTree(create.out());
        String id = token.get("id").asString();
        InProcessCli script = new InProcessCli(machine.resolve("script")).env("WASMCLOUD_API", api());

        InProcessCli.Result before =
                script.run("whoami", "--token", token.get("token").asString());
        InProcessCli.Result listed = cli.run("tokens", "list");
        InProcessCli.Result revoke = cli.run("tokens", "revoke", id);
        InProcessCli.Result after =
                script.run("whoami", "--token", token.get("token").asString());

        assertThat(before.exitCode()).as(before.toString()).isZero();
        assertThat(listed.out()).contains(id).contains("cli-test").contains("read");
        assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(3);
        assertThat(after.err()).contains("wasmcloud login");
        assertThat(cli.run("tokens", "list").out()).doesNotContain(id);
    }

    private static String api() {
        return stack.config().apiUrl();
    }

    /** Whether the api-server serves the browser login's page (anything but a 401 or 404 to a browser). */
    private static boolean cliLoginPageExists() throws Exception {
        HttpResponse<String> probe = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api() + "/login/cli?port=9&state=probe"))
                                .build(),
                        BodyHandlers.ofString());
        return probe.statusCode() != 404 && probe.statusCode() != 401;
    }

    /** The consent page's hidden fields (plain tokens, nothing HTML-escaped) and its Approve button, as submitted. */
    private static String approval(String consentPage) {
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\">")
                .matcher(consentPage);
        StringBuilder form = new StringBuilder("decision=approve");
        while (hidden.find()) {
            form.append('&')
                    .append(hidden.group(1))
                    .append('=')
                    .append(URLEncoder.encode(hidden.group(2), StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private static URI awaitLoginPage(InProcessCli.Background login) throws InterruptedException {
        Pattern url = Pattern.compile("http://\\S+/login/cli\\?\\S+");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher found = url.matcher(login.stderrSoFar());
            if (found.find()) {
                return URI.create(found.group());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the CLI printed no login URL: " + login.stderrSoFar());
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Repeats {@code attempt} until {@code done} holds, up to {@link #PATIENCE}; returns the last attempt. */
    private static <T> T eventually(Supplier<T> attempt, Predicate<T> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = attempt.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "; last: " + last);
            }
            Thread.sleep(200);
            last = attempt.get();
        }
        return last;
    }
}
