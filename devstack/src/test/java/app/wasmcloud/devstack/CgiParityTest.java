package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of cgi.md through both of its servers: the executor on the run domain (the function deployed with the
 * CLI, called host-style) and {@code wasmcloud serve} with the same module and limits. Each case must get the same
 * status, headers and body from both. Only what is per reply or per connection by nature differs: the invocation id
 * (present and a UUID on both, masked in error bodies), {@code Date} and {@code Connection}.
 *
 * <p>Most cases use one guest that replies with its request body, so the case's body is the CGI reply under test.
 * Not here: 404, which {@code serve} (one module at {@code /}) cannot give, and the 429 and 503 refusals of admission,
 * which only the executor has.
 */
@Timeout(300)
class CgiParityTest {

    private static final Path FIXTURES = TestStack.ROOT.resolve("executor/src/test/resources/fixtures");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Set on both sides, so the timeout case ends in a second. */
    private static final String TIMEOUT = "1s";
    /** The executor learns of a new version through NOTIFY and a cache: that takes a moment. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The functions of this test, each with the module it runs; the test hosts file names their hosts. */
    enum Guest {
        REPLY("parity-reply", FIXTURES.resolve("reply_from_body.wasm")),
        HELLO("parity-hello", TestStack.ROOT.resolve("examples/hello/hello.wasm")),
        TRAP("parity-trap", FIXTURES.resolve("trap.wasm")),
        SPIN("parity-spin", FIXTURES.resolve("spin.wasm")),
        FLOOD("parity-flood", FIXTURES.resolve("output_flood.wasm")),
        EXIT("parity-exit", FIXTURES.resolve("exit_after_reply.wasm")),
        BAD_HEADER("parity-bad-header", FIXTURES.resolve("bad_header_name.wasm"));

        final String function;
        final Path module;

        Guest(String function, Path module) {
            this.function = function;
            this.module = module;
        }

        String host() {
            return function + "." + TestStack.RUN_DOMAIN;
        }
    }

    /** One request: which guest, and what is sent to it. */
    record Case(String name, Guest guest, String method, String path, byte[] body) {
        static Case reply(String name, String cgiReply) {
            return new Case(name, Guest.REPLY, "POST", "/", cgiReply.getBytes(StandardCharsets.ISO_8859_1));
        }

        static Case of(String name, Guest guest) {
            return new Case(name, guest, "GET", "/", new byte[0]);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    static Path machine;

    private static final Map<Guest, InProcessCli.Serving> SERVING = new EnumMap<>(Guest.class);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static DevStack stack;

    @BeforeAll
    static void deployAndServeEveryGuest() throws Exception {
        stack = TestStack.get();
        InProcessCli cli = new InProcessCli(machine);
        expectSuccess(cli.run("login", "--api", stack.config().apiUrl(), "--token", stack.token()));
        for (Guest guest : Guest.values()) {
            expectSuccess(cli.run("functions", "create", guest.function));
            expectSuccess(cli.run("functions", "update", guest.function, "--timeout", TIMEOUT));
            expectSuccess(cli.run("deploy", guest.function, guest.module.toString()));
            SERVING.put(guest, cli.serve("--timeout", TIMEOUT, guest.module.toString()));
        }
        for (Guest guest : Guest.values()) {
            awaitDeployed(guest);
        }
    }

    @AfterAll
    static void stopServing() throws InterruptedException {
        for (InProcessCli.Serving serving : SERVING.values()) {
            serving.close();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                Case.of("a function's own reply: method, path and body reach it", Guest.HELLO),
                Case.reply("Status and headers as written", """
                        Status: 201 Created
                        Content-Type: text/plain
                        X-Answer: 42

                        created
                        """),
                new Case("HEAD gets the headers without the body", Guest.HELLO, "HEAD", "/", new byte[0]),
                Case.reply(
                        "a Content-Type with a charset is spelled one way",
                        "Content-Type: Text/HTML; Charset=\"UTF-8\"; level=1\n\n<p>hello</p>\n"),
                Case.reply(
                        "a Content-Type without a charset passes as written",
                        "Content-Type: text/plain ; format=flowed\n\nhello\n"),
                Case.reply("204 has no body", "Status: 204 No Content\nX-Done: yes\n\n"),
                Case.reply(
                        "CRLF ends header lines; the body passes byte-exact",
                        "Content-Type: application/octet-stream\r\n\r\n\r\nbinary\r\n\u0000\u00ff\n"),
                Case.reply("Status wins over Location, whatever the order", """
                        Location: https://example.com/elsewhere
                        Status: 200 OK
                        Content-Type: text/plain

                        here after all
                        """),
                Case.reply("Location alone is a 302 client redirect", "Location: https://example.com/elsewhere\n\n"),
                Case.reply("a local Location is a 302 on the same host", "Location: /other?x=1\n\n"),
                Case.reply(
                        "a non-parsed-header reply is read the same way",
                        "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\nnot here\n"),
                Case.reply("repeated headers all arrive, in order", """
                        Set-Cookie: a=1
                        X-Step: one
                        Set-Cookie: b=2
                        X-Step: two
                        Content-Type: text/plain

                        ok
                        """),
                Case.reply("a cookie for a wider domain is dropped, its own kept", """
                        Set-Cookie: wide=1; Domain=run.wasmcloud.test
                        Set-Cookie: own=2
                        Content-Type: text/plain

                        ok
                        """),
                Case.reply("hop-by-hop and framing headers are the server's", """
                        Connection: close
                        Keep-Alive: timeout=99
                        Transfer-Encoding: chunked
                        Content-Length: 999
                        Content-Type: text/plain

                        framed by the server
                        """),
                Case.reply("Date and Server are the platform's", """
                        Date: Mon, 01 Jan 2001 00:00:00 GMT
                        Server: the guest
                        Content-Type: text/plain

                        ok
                        """),
                Case.reply("a body without Content-Type is 502", "X-Only: this\n\nbody\n"),
                Case.reply("headers with no blank line after them are 502", "Content-Type: text/plain\n"),
                Case.reply("no output at all is 502", ""),
                Case.reply("a header name that is not a token is 502", "Bad Name: x\nContent-Type: text/plain\n\n"),
                Case.of("a header name that is not a token, from its own module, is 502", Guest.BAD_HEADER),
                Case.reply(
                        "a control character in a header value is 502",
                        "X-Split: a\u0001b\nContent-Type: text/plain\n\nx"),
                Case.reply(
                        "a header block over 16 KiB is 502",
                        "X-Big: " + "a".repeat(17 * 1024) + "\nContent-Type: text/plain\n\nx"),
                new Case(
                        "a body over 10 MiB is 413, the function not run",
                        Guest.REPLY,
                        "POST",
                        "/",
                        new byte[10 * 1024 * 1024 + 1]),
                Case.of("a trap is 502, its partial output never sent", Guest.TRAP),
                Case.of("the wall-clock limit is 504", Guest.SPIN),
                Case.of("stdout over its limit is 502", Guest.FLOOD),
                Case.of("a nonzero exit after a valid reply sends the reply", Guest.EXIT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theExecutorAndServeGiveTheSameReply(Case c) throws Exception {
        HttpResponse<byte[]> executor = send(executorUrl(c.guest()), c);
        HttpResponse<byte[]> serve = send(serveUrl(c.guest()), c);

        assertThat(comparable(serve)).as("serve and the executor for: %s", c).isEqualTo(comparable(executor));
        for (HttpResponse<byte[]> response : List.of(executor, serve)) {
            assertThat(response.headers().firstValue("X-Wasmcloud-Invocation-Id"))
                    .hasValueSatisfying(id -> assertThat(id).matches(UUID));
        }
    }

    /**
     * What must be equal: status, headers but the per-reply ones, and the body with invocation ids masked. {@code
     * Connection} is each server's own (hop-by-hop): after a refused body Tomcat says it will close, while the JDK's
     * server under {@code serve} drains a little and closes without saying so.
     */
    private static String comparable(HttpResponse<byte[]> response) {
        StringBuilder text = new StringBuilder();
        text.append(response.statusCode()).append('\n');
        new TreeMap<>(response.headers().map()).forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("date") && !lower.equals("x-wasmcloud-invocation-id") && !lower.equals("connection")) {
                text.append(lower).append(": ").append(values).append('\n');
            }
        });
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        return text.append('\n')
                .append(UUID.matcher(body).replaceAll("<invocation id>"))
                .toString();
    }

    private static HttpResponse<byte[]> send(URI url, Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(c.path()))
                .timeout(Duration.ofSeconds(30))
                .method(c.method(), BodyPublishers.ofByteArray(c.body()));
        return HTTP.send(request.build(), BodyHandlers.ofByteArray());
    }

    /** Host-style on the executor's own port, as {@code <function>.<run domain>}. */
    private static URI executorUrl(Guest guest) {
        return URI.create("http://" + guest.host() + ":" + stack.config().executorPort() + "/");
    }

    /** The same host name, so that both see the same SERVER_NAME and cookie origin; it resolves to loopback. */
    private static URI serveUrl(Guest guest) {
        return URI.create(
                "http://" + guest.host() + ":" + SERVING.get(guest).url().getPort() + "/");
    }

    private static void awaitDeployed(Guest guest) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int status;
        do {
            HttpResponse<byte[]> probe = HTTP.send(
                    HttpRequest.newBuilder(executorUrl(guest))
                            .method("OPTIONS", BodyPublishers.noBody())
                            .build(),
                    BodyHandlers.ofByteArray());
            status = probe.statusCode();
            if (status != 404) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(guest.function + " still answers 404 on the executor after " + PATIENCE);
    }

    private static void expectSuccess(InProcessCli.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }
}
