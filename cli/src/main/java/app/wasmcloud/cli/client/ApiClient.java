package app.wasmcloud.cli.client;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The Wasmcloud API over HTTP: JSON in and out, a bearer token on every request, errors turned into {@link
 * ApiException} (the API answered) or {@link ServerUnreachableException} (it did not).
 */
public final class ApiClient {
    /** How long one ordinary API call may take. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI api;
    private final String token;
    private final String userAgent;
    private final JsonMapper mapper;
    private final Consumer<String> trace;

    /**
     * @param token the bearer token to send, or null for the few calls that need none (the login code exchange)
     * @param trace receives one line per request and response (for `--verbose`); the token is never traced
     */
    public ApiClient(
            HttpClient http, URI api, String token, String userAgent, JsonMapper mapper, Consumer<String> trace) {
        this.http = http;
        this.api = api;
        this.token = token;
        this.userAgent = userAgent;
        this.mapper = mapper;
        this.trace = trace;
    }

    public URI api() {
        return api;
    }

    /**
     * A request to an API path (starting with `/api/`) with the default timeout, authenticated unless this client
     * has no token.
     */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json, application/problem+json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    public <T> T get(String path, Class<T> type) {
        return send(request(path).GET().build(), type);
    }

    public <T> List<T> list(String path, Class<T[]> arrayType) {
        return List.of(get(path, arrayType));
    }

    /** A POST with {@code body} as JSON, or with no body when it is null. */
    public <T> T post(String path, Object body, Class<T> type) {
        HttpRequest.Builder builder =
                body == null ? request(path).POST(BodyPublishers.noBody()) : withJson(request(path), "POST", body);
        return send(builder.build(), type);
    }

    public <T> T put(String path, Object body, Class<T> type) {
        return send(withJson(request(path), "PUT", body).build(), type);
    }

    public <T> T patch(String path, Object body, Class<T> type) {
        return send(withJson(request(path), "PATCH", body).build(), type);
    }

    /**
     * A call whose answer is read as a JSON tree, for endpoints whose answer is printed as the API gave it; an empty
     * answer (204) is a missing node. {@code body} is sent as JSON unless null.
     */
    public JsonNode call(String method, String path, Object body) {
        HttpRequest.Builder builder = body == null
                ? request(path).method(method, BodyPublishers.noBody())
                : withJson(request(path), method, body);
        HttpRequest request = builder.build();
        byte[] answer = readSuccess(exchange(request));
        if (answer.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(answer);
        } catch (JacksonException e) {
            throw unexpectedAnswer(request, e);
        }
    }

    private HttpRequest.Builder withJson(HttpRequest.Builder builder, String method, Object body) {
        return builder.header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
    }

    /**
     * A successful answer's bytes as they are, for what is not JSON (a recording, a module); {@code mediaType} is what
     * the endpoint produces, and errors still come as problem JSON.
     */
    public byte[] bytes(String path, String mediaType) {
        return readSuccess(exchange(request(path)
                .setHeader("Accept", mediaType + ", application/problem+json")
                .GET()
                .build()));
    }

    public void delete(String path) {
        HttpResponse<InputStream> response = exchange(request(path).DELETE().build());
        readSuccess(response);
    }

    /** Sends a request and reads its successful JSON answer as {@code type}. */
    public <T> T send(HttpRequest request, Class<T> type) {
        byte[] body = readSuccess(exchange(request));
        try {
            return mapper.readValue(body, type);
        } catch (JacksonException e) {
            throw unexpectedAnswer(request, e);
        }
    }

    private CliException unexpectedAnswer(HttpRequest request, JacksonException e) {
        return new CliException(
                ExitCode.FAILURE,
                "unexpected answer from " + request.uri() + " (not the JSON the CLI expects) — is " + api
                        + " a Wasmcloud API?",
                e);
    }

    /** Reads a streamed response that has succeeded, or throws the error it stands for. */
    public InputStream successStream(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        readSuccess(response);
        throw new IllegalStateException("unreachable: readSuccess throws for status " + status);
    }

    /**
     * Sends a request and returns the response whatever its status, its body still unread; only a failure to get an
     * answer at all is thrown.
     */
    public HttpResponse<InputStream> exchange(HttpRequest request) {
        long start = System.nanoTime();
        trace.accept("> " + request.method() + " " + request.uri());
        try {
            HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
            trace.accept("< " + response.statusCode() + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
            return response;
        } catch (SSLException e) {
            throw new CliException(
                    ExitCode.FAILURE,
                    "TLS connection to " + api.getHost() + " failed: " + e.getMessage()
                            + " (a private CA? pass its certificate with --ca-cert)",
                    e);
        } catch (IOException e) {
            throw new ServerUnreachableException(api, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.FAILURE, "interrupted", e);
        }
    }

    /** The error an unsuccessful response stands for, its body consumed. */
    public ApiException error(HttpRequest request, HttpResponse<InputStream> response) {
        byte[] body = readBody(response);
        return new ApiException(
                request.method(), request.uri(), response.statusCode(), ProblemDetail.parse(body, mapper));
    }

    private byte[] readSuccess(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return readBody(response);
        }
        if (status >= 300 && status < 400) {
            readBody(response);
            String location = response.headers().firstValue("Location").orElse("elsewhere");
            throw new CliException(
                    ExitCode.FAILURE,
                    "the API at " + api + " redirected to " + location + " — pass the final address with --api");
        }
        throw error(response.request(), response);
    }

    private byte[] readBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ServerUnreachableException(api, e);
        }
    }
}
