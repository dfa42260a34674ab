package app.wasmcloud.devstack;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The dev panel's origin, laid out as nginx lays out {@code panel.<domain>} in production: the panel's files, with
 * {@code /api}, {@code /login} and {@code /oauth2} passed to the api-server. One origin is what lets the panel use
 * the api-server's session cookie and CSRF cookie; the browser never calls the api-server's port itself.
 */
final class PanelServer implements AutoCloseable {

    static final List<String> API_PATHS = List.of("/api/", "/login/", "/oauth2/", "/v3/api-docs");
    // Hop-by-hop headers, and those the JDK client sets itself and refuses to take.
    private static final Set<String> NOT_FORWARDED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "keep-alive", "transfer-encoding");

    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI api;

    private PanelServer(HttpServer server, URI api) {
        this.server = server;
        this.api = api;
    }

    static PanelServer start(int port, URI api, Path panelFiles, Path docsFiles) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        // Live log streams hold their thread for as long as the tab stays open.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        PanelServer panel = new PanelServer(server, api);
        if (Files.isDirectory(panelFiles)) {
            server.createContext("/", SimpleFileServer.createFileHandler(panelFiles));
        } else {
            System.err.println("The panel is not built (" + panelFiles + " is missing); skipping it.");
        }
        if (Files.isDirectory(docsFiles)) {
            // No trailing slash: /docs reaches the file server too, which redirects it to /docs/.
            server.createContext("/docs", SimpleFileServer.createFileHandler(docsFiles));
        }
        HttpHandler proxy = panel::forward;
        API_PATHS.forEach(path -> server.createContext(path, proxy));
        server.start();
        return panel;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI target = api.resolve(exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery()));
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(target).method(exchange.getRequestMethod(), bodyOf(exchange));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            // So the api-server builds its redirects (Gitea's callback) for this origin, not its own port.
            request.header("X-Forwarded-Host", exchange.getRequestHeaders().getFirst("Host"));
            request.header("X-Forwarded-Proto", "http");
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                byte[] message = ("The api-server at " + api + " did not answer: " + e.getMessage()).getBytes();
                exchange.sendResponseHeaders(502, message.length);
                exchange.getResponseBody().write(message);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            relay(exchange, response);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        return body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
    }

    /** Copies the reply as it comes, flushing each read, so Server-Sent Events reach the browser one by one. */
    private static void relay(HttpExchange exchange, HttpResponse<InputStream> response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        boolean empty = response.statusCode() == 204
                || response.statusCode() == 304
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : 0);
        try (InputStream in = response.body();
                OutputStream out = exchange.getResponseBody()) {
            if (empty) {
                return;
            }
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException browserWentAway) {
            // A closed tab ends a log stream this way; closing the body tells the api-server too.
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
