package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example under {@code examples/} that the docs show, deployed from its committed {@code .wasm} with the CLI
 * to the real api-server and executor, and called over HTTP: the reply must be the bytes its README and the docs
 * promise. A change to an example, the runtime or the CGI layer that alters what a reader would see fails here.
 */
@Timeout(120)
class ExamplesTest {

    private static final Path EXAMPLES = TestStack.ROOT.resolve("examples");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path home;

    static DevStack stack;
    static InProcessCli cli;

    @BeforeAll
    static void startPlatform() throws Exception {
        stack = TestStack.get();
        cli = new InProcessCli(home)
                .env("WASMCLOUD_API", stack.config().apiUrl())
                .env("WASMCLOUD_TOKEN", stack.token());
    }

    @Test
    void theOlinCExampleEchoesItsRequestWithItsGreeting() throws Exception {
        deploy("ex-hello", "hello/hello.wasm");

        HttpResponse<String> plain = send(post("ex-hello", "/some/path", "text/plain", "ping"));
        InProcessCli.Result set = cli.run("env", "set", "ex-hello", "GREETING=hej");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        HttpResponse<String> greeted = eventually(
                () -> send(post("ex-hello", "/some/path", "text/plain", "ping")),
                reply -> reply.body().startsWith("hej"),
                "GREETING to reach the function");

        assertReply(plain, 200, "text/plain", "hello from wasmcloud!\nmethod: POST\npath: /some/path\nbody: ping\n");
        assertReply(greeted, 200, "text/plain", "hej from wasmcloud!\nmethod: POST\npath: /some/path\nbody: ping\n");
    }

    @Test
    void theWasiCExampleEchoesItsRequest() throws Exception {
        deploy("ex-hello-wasi", "hello-wasi/hello.wasm");

        HttpResponse<String> reply = send(post("ex-hello-wasi", "/a/b?x=1", "text/plain", "ping"));

        assertReply(reply, 200, "text/plain", "hello from WASI!\nmethod: POST\npath: /a/b\nquery: x=1\nbody: ping\n");
    }

    @Test
    void theZigExampleEchoesItsRequest() throws Exception {
        deploy("ex-hello-zig", "hello-zig/hello.wasm");

        HttpResponse<String> reply = send(post("ex-hello-zig", "/a/b", "text/plain", "ping"));

        assertReply(reply, 200, "text/plain", "hello from Zig!\nmethod: POST\npath: /a/b\nbody: ping\n");
    }

    @Test
    void theRustExampleEchoesItsRequest() throws Exception {
        deploy("ex-hello-rust", "hello-rust/hello.wasm");

        HttpResponse<String> reply = send(post("ex-hello-rust", "/a/b", "text/plain", "ping"));

        assertReply(reply, 200, "text/plain", "hello from Rust!\nmethod: POST\npath: /a/b\nbody: ping\n");
    }

    @Test
    void theWatExampleAnswersWithItsPath() throws Exception {
        deploy("ex-hello-wat", "hello-wat/hello.wasm");

        HttpResponse<String> reply = send(get("ex-hello-wat", "/a/b"));

        assertReply(reply, 200, "text/plain", "hello from WAT!\npath: /a/b\n");
    }

    @Test
    void theAssemblyScriptExampleEchoesItsRequest() throws Exception {
        deploy("ex-hello-as", "hello-assemblyscript/hello.wasm");

        HttpResponse<String> reply = send(post("ex-hello-as", "/a/b", "text/plain", "ping"));

        assertReply(reply, 200, "text/plain", "hello from AssemblyScript!\nmethod: POST\npath: /a/b\nbody: ping\n");
    }

    @Test
    void theJsonApiRoutesParsesAndAnswersWithRealStatusCodes() throws Exception {
        deploy("ex-json-api", "json-api/api.wasm");

        assertReply(send(get("ex-json-api", "/health")), 200, "application/json", "{\"status\":\"ok\"}\n");
        assertReply(
                send(get("ex-json-api", "/greet?name=Ada+L%C3%B6&lang=fr")),
                200,
                "application/json",
                "{\"greeting\":\"Bonjour, Ada Lö!\"}\n");
        assertReply(
                send(get("ex-json-api", "/greet?lang=xx")),
                400,
                "application/json",
                "{\"error\":\"unknown lang; use en, fr or de\"}\n");
        assertReply(
                send(post("ex-json-api", "/sum", "application/json", "[1, 2, 39]")),
                200,
                "application/json",
                "{\"count\":3,\"sum\":42}\n");
        assertReply(
                send(post("ex-json-api", "/sum", "application/json", "[1, x]")),
                400,
                "application/json",
                "{\"error\":\"expected a JSON array of integers, like [1, 2, 3]\"}\n");
        assertReply(
                send(post("ex-json-api", "/sum", "text/plain", "[1]")),
                415,
                "application/json",
                "{\"error\":\"send the numbers as application/json\"}\n");
        HttpResponse<String> wrongMethod = send(get("ex-json-api", "/sum"));
        assertReply(wrongMethod, 405, "application/json", "{\"error\":\"POST only\"}\n");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertReply(
                send(get("ex-json-api", "/nope")), 404, "application/json", "{\"error\":\"no route for GET /nope\"}\n");
    }

    @Test
    void theSecretsExampleLetsInOnlyCallersWithTheSecretKey() throws Exception {
        deploy("ex-secrets", "secrets/secrets.wasm");
        InProcessCli.Result set = cli.run("env", "set", "ex-secrets", "API_KEY=k-4711", "--secret");
        assertThat(set.exitCode()).as(set.toString()).isZero();

        HttpResponse<String> withKey = eventually(
                () -> send(get("ex-secrets", "/").header("X-Api-Key", "k-4711")),
                reply -> reply.statusCode() == 200,
                "the secret to reach the function");
        HttpResponse<String> withoutKey = send(get("ex-secrets", "/"));
        HttpResponse<String> wrongKey = send(get("ex-secrets", "/").header("X-Api-Key", "k-4712"));

        assertReply(withKey, 200, "text/plain", "welcome, key holder\n");
        assertReply(withoutKey, 401, "text/plain", "send the key in X-Api-Key\n");
        assertReply(wrongKey, 401, "text/plain", "send the key in X-Api-Key\n");
        assertThat(cli.run("env", "list", "ex-secrets").out())
                .contains("API_KEY")
                .doesNotContain("k-4711");
    }

    @Test
    void theLoggingExampleLeavesItsLinesInTheInvocationRecordNotInTheReply() throws Exception {
        deploy("ex-logging", "logging/logging.wasm");

        HttpResponse<String> reply = send(get("ex-logging", "/"));
        String id = reply.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow();
        HttpResponse<String> record = eventually(
                () -> send(HttpRequest.newBuilder(URI.create(stack.config().apiUrl() + "/api/invocations/" + id))
                        .header("Authorization", "Bearer " + stack.token())),
                response -> response.statusCode() == 200,
                "the invocation record");

        assertReply(reply, 200, "text/plain", "logged 3 lines; see them with: wasmcloud logs logging\n");
        assertThat(record.body())
                .contains("handling a request")
                .contains("this is how a warning looks")
                .contains("audit: request seen")
                .contains("stderr is recorded too");
    }

    /**
     * Without an allow-list the function's request is refused at {@code resource_open} (-3), which the example
     * turns into a 403. The allowed path needs an upstream the platform may reach, and the dev stack refuses
     * loopback, so it is checked with {@code wasmcloud run --allow-private-addresses} instead (see the example).
     */
    @Test
    void theEgressExampleIsRefusedUntilItsHostIsAllowListed() throws Exception {
        deploy("ex-egress", "egress/egress.wasm");
        InProcessCli.Result set = cli.run("env", "set", "ex-egress", "UPSTREAM=http://upstream.wasmcloud.test/status");
        assertThat(set.exitCode()).as(set.toString()).isZero();

        HttpResponse<String> reply = eventually(
                () -> send(get("ex-egress", "/")),
                response -> response.statusCode() != 500,
                "UPSTREAM to reach the function");

        assertReply(reply, 403, "text/plain", "the upstream's host is not on this function's egress allow-list\n");
    }

    private static void deploy(String name, String module) {
        InProcessCli.Result deploy =
                cli.run("deploy", name, EXAMPLES.resolve(module).toString(), "--create");
        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
    }

    private static HttpRequest.Builder get(String function, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(stack.config().runUrl() + "/" + function + pathAndQuery));
    }

    private static HttpRequest.Builder post(String function, String path, String contentType, String body) {
        return get(function, path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertReply(HttpResponse<String> reply, int status, String contentType, String body) {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue(contentType);
        assertThat(reply.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

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
