package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Olin http:// resources against a loopback server, which only a test policy may reach. */
class HttpResourceTest {

    private static ExecutionPool pool;
    private static HttpServer server;
    private static WasmFunction client;
    private static final AtomicReference<String> lastRequest = new AtomicReference<>();

    @BeforeAll
    static void start() throws IOException {
        pool = new ExecutionPool(2, 1024 * 1024);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host="
                    + exchange.getRequestHeaders().getFirst("Host") + " x="
                    + exchange.getRequestHeaders().getFirst("X-Test")
                    + " body=" + new String(body, StandardCharsets.UTF_8));
            byte[] reply = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            // Length 0 makes the JDK server answer chunked: the guest must still see a Content-Length.
            exchange.sendResponseHeaders(201, 0);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        // Handlers on their own threads, so the slow one does not hold up the others.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        client = Fixtures.load("olin_http");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        pool.close();
    }

    private static String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/echo";
    }

    private static RunResult call(String url, EgressPolicy egress) throws InterruptedException {
        String request = "POST /echo?q=1 HTTP/1.1\r\nHost: evil.example\r\nX-Test: yes\r\n\r\nping";
        Invocation invocation = new Invocation(
                List.of("fn"), Map.of("URL", url, "REQUEST", request), new byte[0], Fixtures.quickLimits());
        return pool.run(client, invocation, egress);
    }

    private static EgressPolicy loopbackAllowed() {
        return new EgressPolicy(Set.of("127.0.0.1"), true, 16, 1024 * 1024, Duration.ofSeconds(5));
    }

    @Test
    void anAllowedRequestIsSentToTheOpenedHostAndTheResponseIsReframed() throws InterruptedException {
        RunResult result = call(url(), loopbackAllowed());

        assertThat(result.outcome()).as(result.logLines().toString()).isEqualTo(Outcome.OK);
        String response = Fixtures.text(result.stdout());
        assertThat(response)
                .startsWith("HTTP/1.1 201 ")
                .contains("Content-Length: 4\r\n")
                .endsWith("\r\n\r\npong");
        assertThat(response.toLowerCase()).doesNotContain("transfer-encoding");
        assertThat(lastRequest.get())
                .isEqualTo(
                        "POST /echo?q=1 host=127.0.0.1:" + server.getAddress().getPort() + " x=yes body=ping");
        assertThat(result.hostCalls()).containsEntry("resource_open", 1L).containsEntry("http_request", 1L);
    }

    @Test
    void aSlowServerDoesNotHoldTheGuestPastItsTimeout() throws InterruptedException {
        String slow = "http://127.0.0.1:" + server.getAddress().getPort() + "/slow";
        Invocation invocation = new Invocation(
                List.of("fn"),
                Map.of("URL", slow, "REQUEST", "GET /slow HTTP/1.1\r\n\r\n"),
                new byte[0],
                Limits.defaults().withTimeout(Duration.ofMillis(500)));

        long start = System.nanoTime();
        RunResult result = pool.run(client, invocation, loopbackAllowed());

        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void aHostOffTheAllowListIsRefusedAtOpenWithPermissionDenied() throws InterruptedException {
        RunResult result = call(url(), EgressPolicy.denyAll());

        assertThat(result.exitCode()).isEqualTo(-3);
        // A refused open sent nothing, so it is no outbound request in the owner's metered usage.
        assertThat(result.hostCalls()).doesNotContainKey("http_request");
    }

    @Test
    void anAllowedHostOnALoopbackAddressIsRefusedWhenTheRequestIsSent() throws InterruptedException {
        RunResult result = call(url(), EgressPolicy.allowing(Set.of("127.0.0.1")));

        assertThat(result.exitCode()).isEqualTo(-50);
        assertThat(result.logLines())
                .singleElement()
                .satisfies(line -> assertThat(line.message()).contains("not public"));
    }

    @Test
    void requestsPerInvocationAreCapped() throws InterruptedException {
        EgressPolicy none = new EgressPolicy(Set.of("127.0.0.1"), true, 0, 1024, Duration.ofSeconds(1));

        assertThat(call(url(), none).exitCode()).isEqualTo(-3);
    }

    @Test
    void aUrlWithoutHostIsAnInvalidArgument() throws InterruptedException {
        assertThat(call("http:///nohost", loopbackAllowed()).exitCode()).isEqualTo(-2);
    }
}
