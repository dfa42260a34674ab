package app.wasmcloud.cli.auth;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.ExitCode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The CLI's half of the browser login: a one-shot listener on 127.0.0.1 that the API's {@code /login/cli} page
 * redirects the browser to with {@code ?code=C&state=S} once the user has logged in. The random {@code state}
 * ties the redirect to this CLI run, so another page cannot hand it a code of its own; a mismatch is answered with
 * 400 and the listener keeps waiting for the real one.
 */
final class BrowserLogin implements AutoCloseable {
    /** How long the user has to finish logging in the browser. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static final String DONE_PAGE = page("Logged in — you can close this tab", "Return to your terminal.");
    private static final String MISMATCH_PAGE = page(
            "This login link is not for this terminal",
            "Run <code>wasmcloud login</code> again and use the link it prints.");

    private final HttpServer server;
    private final String state;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private BrowserLogin(HttpServer server, String state) {
        this.server = server;
        this.state = state;
    }

    /** Starts listening on a free loopback port. */
    static BrowserLogin start() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            BrowserLogin login = new BrowserLogin(server, state);
            server.createContext("/callback", login::callback);
            server.start();
            return login;
        } catch (IOException e) {
            throw new CliException(
                    ExitCode.FAILURE,
                    "cannot listen on 127.0.0.1 for the browser login (" + e.getMessage()
                            + ") — log in with `wasmcloud login --token TOKEN` instead",
                    e);
        }
    }

    /** The page of the API where the user logs in; it sends the browser back to this listener. */
    URI loginPage(URI api) {
        return URI.create(api + "/login/cli?port=" + server.getAddress().getPort() + "&state=" + state);
    }

    /** Waits for the browser to arrive with a code, up to {@code timeout}. */
    String awaitCode(Duration timeout) {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CliException(
                    ExitCode.FAILURE,
                    "gave up waiting for the browser after " + timeout.toMinutes()
                            + " minutes — run `wasmcloud login` again",
                    e);
        } catch (ExecutionException e) {
            throw (CliException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.FAILURE, "login cancelled", e);
        }
    }

    private void callback(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String given = query.get("state");
            if (!"GET".equals(exchange.getRequestMethod()) || given == null || !matches(given)) {
                respond(exchange, 400, MISMATCH_PAGE);
                return;
            }
            String error = query.get("error");
            String received = query.get("code");
            if (error != null || received == null || received.isEmpty()) {
                String reason = error != null ? error : "no code";
                respond(exchange, 400, page("Login failed", "The server said: " + escape(reason) + "."));
                code.completeExceptionally(
                        new CliException(ExitCode.NOT_AUTHORIZED, "the browser login failed: " + reason));
                return;
            }
            respond(exchange, 200, DONE_PAGE);
            code.complete(received);
        }
    }

    private boolean matches(String given) {
        return MessageDigest.isEqual(
                state.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String page(String title, String text) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body style=\"font-family:sans-serif;margin:4em auto;max-width:32em\"><h1>" + title
                + "</h1><p>" + text + "</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
