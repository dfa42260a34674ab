package app.wasmcloud.cli;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP server on 127.0.0.1 playing the Wasmcloud API: tests register canned answers per "METHOD /path" and
 * read back every request it received.
 */
final class FakeApi implements AutoCloseable {

    /** A request as the server saw it. */
    record Received(String method, String path, String query, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** A canned answer. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer json(int status, String json) {
            return new Answer(
                    status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        static Answer problem(int status, String detail, String... errors) {
            String list = errors.length == 0
                    ? ""
                    : ",\"errors\":["
                            + String.join(
                                    ",",
                                    List.of(errors).stream()
                                            .map(e -> "\"" + e + "\"")
                                            .toList()) + "]";
            String body = "{\"type\":\"about:blank\",\"title\":\"Problem\",\"status\":" + status + ",\"detail\":\""
                    + detail + "\"" + list + "}";
            return new Answer(
                    status, Map.of("Content-Type", "application/problem+json"), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final String TOKEN = "test-token";

    private final HttpServer server;
    private final Map<String, Function<Received, Answer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeApi() throws IOException {
        this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** An HTTPS server presenting the certificate in {@code tls}. */
    FakeApi(SSLContext tls) throws IOException {
        this(https(tls));
    }

    private FakeApi(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    private static HttpsServer https(SSLContext tls) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        return https;
    }

    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeApi answer(String methodAndPath, Answer answer) {
        return answer(methodAndPath, request -> answer);
    }

    /** An answer that depends on the request. */
    FakeApi answer(String methodAndPath, Function<Received, Answer> answer) {
        answers.put(methodAndPath, answer);
        return this;
    }

    FakeApi answer(String methodAndPath, int status, String json) {
        return answer(methodAndPath, Answer.json(status, json));
    }

    /**
     * What the API's {@code /login/cli} does once the user has logged in: sends the browser back to the CLI's
     * loopback port with a code ({@code code-1}) and the CLI's state.
     */
    static Answer redirectToCallbackWithCode(Received request) {
        Map<String, String> query = new HashMap<>();
        for (String pair : request.query().split("&")) {
            query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        String callback = "http://127.0.0.1:" + query.get("port") + "/callback?code=code-1&state=" + query.get("state");
        return new Answer(302, Map.of("Location", callback), new byte[0]);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + received.size() + ": " + received);
        }
        return received.getFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Received request =
                new Received(method, path, exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
        received.add(request);
        Function<Received, Answer> route = answers.get(method + " " + path);
        Answer answer =
                route == null ? Answer.problem(404, "no fake answer for " + method + " " + path) : route.apply(request);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean empty = answer.body().length == 0;
        exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
