package app.wasmcloud.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.cli.Main;
import app.wasmcloud.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:[0-9]+/");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private Thread serving;

    /** Starts `wasmcloud serve ARGS… --port 0` on a thread and returns the URL it prints. */
    private URI serve(String... args) throws InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "serve";
        command[1] = "--port";
        command[2] = "0";
        System.arraycopy(args, 0, command, 3, args.length);
        Terminal terminal = Terminal.redirected(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("XDG_CONFIG_HOME", dir.toString(), "XDG_CACHE_HOME", dir.toString()));
        serving = Thread.ofPlatform().start(() -> exitCode.set(Main.run(command, terminal)));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher url = URL.matcher(out.toString(StandardCharsets.UTF_8));
            if (url.find()) {
                return URI.create(url.group());
            }
            if (!serving.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve printed no URL; stderr:\n" + err.toString(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (serving != null) {
            serving.interrupt();
            serving.join(10_000);
            assertThat(serving.isAlive()).as("serve stops when interrupted").isFalse();
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofByteArray());
    }

    @Test
    void helloAnswersByteForByteWithThePathAsPathInfoAndAnInvocationId() throws Exception {
        URI url = serve("--env", "GREETING=hej", RunCommandTest.HELLO);
        byte[] body = {'p', 'i', 'n', 'g', 0, (byte) 0xfe, '\r', '\n'};

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url.resolve("/some/path?x=1"))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.headers().firstValue("X-Wasmcloud-Invocation-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches(UUID));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(
                "hej from wasmcloud!\nmethod: POST\npath: /some/path\nbody: ".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(body);
        expected.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        assertThat(response.body()).isEqualTo(expected.toByteArray());
        awaitStderr(stderr -> assertThat(stderr).containsPattern("POST /some/path\\?x=1 → 200 in [0-9]+ ms\n"));
    }

    /** serve answers clients directly, so no X-Forwarded-* header is believed, as with an executor's default. */
    @Test
    void forwardedHeadersFromTheClientAreNotBelieved() throws Exception {
        URI url = serve("../executor/src/test/resources/fixtures/echo_env.wasm");

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url)
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example"));

        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        assertThat(body)
                .containsPattern("REMOTE_ADDR=(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)\n")
                .contains("HTTPS=(absent)\n")
                .doesNotContain("6.6.6.6")
                .doesNotContain("evil.example");
    }

    @Test
    void theRootIsTheFunctionToo() throws Exception {
        URI url = serve(RunCommandTest.HELLO);

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url));

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("hello from wasmcloud!\nmethod: GET\npath: /\nbody: \n");
    }

    @Test
    void anEndlessLoopIsA504NamingTheInvocation() throws Exception {
        URI url = serve("--timeout", "200ms", RunCommandTest.fixture("loop_br.wasm"));

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url.resolve("/spin")));

        assertThat(response.statusCode()).isEqualTo(504);
        String id = response.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow();
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("The function ran out of time (invocation " + id + ")\n");
        awaitStderr(stderr ->
                assertThat(stderr).contains("GET /spin → 504 in ", "  timeout: the module ran longer than 200ms"));
    }

    @Test
    void aTrapIsA502() throws Exception {
        URI url = serve(RunCommandTest.fixture("unreachable.wasm"));

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("X-Wasmcloud-Invocation-Id")).isPresent();
        awaitStderr(stderr -> assertThat(stderr).contains("  trap: "));
    }

    @Test
    void outputThatIsNotACgiResponseIsA502ThatTellsTheDeveloperWhy() throws Exception {
        URI url = serve(RunCommandTest.fixture("wasi_exit.wasm"));

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url));

        assertThat(response.statusCode()).isEqualTo(502);
        awaitStderr(stderr -> assertThat(stderr).contains("  invalid response: no empty line ends the headers"));
    }

    @Test
    void aBodyOverTenMebibytesIsA413() throws Exception {
        URI url = serve(RunCommandTest.HELLO);

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url)
                .POST(BodyPublishers.ofByteArray(new byte[CgiServer.BODY_LIMIT.maxBytes() + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("X-Wasmcloud-Invocation-Id")).isPresent();
    }

    @Test
    void headIsAnsweredWithoutABody() throws Exception {
        URI url = serve(RunCommandTest.HELLO);

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url).method("HEAD", BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anInvalidModuleIsRefusedBeforeListening() throws Exception {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {"serve", "--port", "0", RunCommandTest.fixture("mixed_abi.wasm")},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Map.of("XDG_CONFIG_HOME", dir.toString(), "XDG_CACHE_HOME", dir.toString()));

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("error: invalid module ");
    }

    @Test
    void theFunctionIsNamedAfterTheFile() {
        assertThat(LocalFunctionOptions.functionName(Path.of("dir/hello.wasm"))).isEqualTo("hello");
    }

    /** The request log line is written after the reply is sent, so the client may see the reply first. */
    private void awaitStderr(Consumer<String> assertion) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                assertion.accept(err.toString(StandardCharsets.UTF_8));
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw notYet;
                }
                Thread.sleep(10);
            }
        }
    }
}
