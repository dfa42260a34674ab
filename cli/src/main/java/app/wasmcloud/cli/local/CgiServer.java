package app.wasmcloud.cli.local;

import app.wasmcloud.cli.output.LogLevel;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.LogLine;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.cgi.CgiRequest;
import app.wasmcloud.runtime.cgi.CgiResponse;
import app.wasmcloud.runtime.cgi.Header;
import app.wasmcloud.runtime.cgi.InvalidCgiResponseException;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One module served over HTTP as the executor serves it (cgi.md), host-style: the function answers at {@code /},
 * {@code SCRIPT_NAME} is empty and {@code PATH_INFO} is the whole path. Requests are read on virtual threads; guests
 * run on the execution pool.
 */
final class CgiServer implements AutoCloseable {
    /** The platform's request body limit: larger bodies get 413 and the function is not run. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    static final String INVOCATION_ID = "X-Wasmcloud-Invocation-Id";

    /** What a function answered, or the error standing in for it; {@code detail} is for the developer's log. */
    private record Reply(int status, List<Header> headers, byte[] body, String detail, RunResult result) {
        static Reply error(int status, String message, String invocationId, String detail, RunResult result) {
            byte[] body = (message + " (invocation " + invocationId + ")\n").getBytes(StandardCharsets.UTF_8);
            List<Header> headers = new ArrayList<>();
            if (status == 503) {
                headers.add(new Header("Retry-After", "1"));
            }
            headers.add(new Header("Content-Type", "text/plain; charset=utf-8"));
            return new Reply(status, headers, body, detail, result);
        }
    }

    private final WasmFunction function;
    private final String functionName;
    private final Map<String, String> functionEnv;
    private final Limits limits;
    private final EgressPolicy egress;
    private final PrintStream log;
    private final ExecutionPool pool;
    private final HttpServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    CgiServer(
            WasmFunction function,
            String functionName,
            Map<String, String> functionEnv,
            Limits limits,
            EgressPolicy egress,
            InetSocketAddress address,
            PrintStream log)
            throws IOException {
        this.function = function;
        this.functionName = functionName;
        this.functionEnv = Map.copyOf(functionEnv);
        this.limits = limits;
        this.egress = egress;
        this.log = log;
        this.pool = new ExecutionPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), LocalFunctionOptions.GUEST_STACK_BYTES);
        this.server = HttpServer.create(address, 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port actually bound (useful when asked for port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting requests and cancels running guests; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            pool.close();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String invocationId = UUID.randomUUID().toString();
        Reply reply;
        try {
            reply = answer(exchange, invocationId);
        } catch (RuntimeException e) {
            // Never a dropped connection without a word: the developer sees why, the client a 500 with the id.
            reply = Reply.error(500, "wasmcloud serve failed", invocationId, e.toString(), null);
        }
        send(exchange, reply, invocationId);
        logRequest(exchange, reply, System.nanoTime() - start);
    }

    private Reply answer(HttpExchange exchange, String invocationId) throws IOException {
        byte[] body = readBody(exchange);
        if (body == null) {
            return Reply.error(
                    413,
                    "The request body is over the limit of " + MAX_BODY_BYTES + " bytes",
                    invocationId,
                    null,
                    null);
        }
        CgiRequest request = cgiRequest(exchange, body, invocationId);
        Invocation invocation =
                new Invocation(request.argv(), request.environment(functionEnv), request.body(), limits);
        RunResult result;
        try {
            result = pool.run(function, invocation, egress);
        } catch (RejectedExecutionException e) {
            return Reply.error(503, "Too many requests in flight; retry shortly", invocationId, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(503, "The server is shutting down", invocationId, null, null);
        }
        String failure = RunFailure.describe(result, limits);
        return switch (result.outcome()) {
            case OK, NONZERO_EXIT -> parse(result, invocationId);
            case TIMEOUT -> Reply.error(504, "The function ran out of time", invocationId, failure, result);
            case OUTPUT_LIMIT ->
                Reply.error(502, "The function's response is over the size limit", invocationId, failure, result);
            default -> Reply.error(502, "The function failed", invocationId, failure, result);
        };
    }

    private static Reply parse(RunResult result, String invocationId) {
        try {
            CgiResponse response = CgiResponse.parse(result.stdout());
            String detail = result.exitCode() == 0 ? null : "exit code " + result.exitCode();
            return new Reply(response.status(), response.headers(), response.body(), detail, result);
        } catch (InvalidCgiResponseException e) {
            String detail = "invalid response: " + e.getMessage()
                    + (result.exitCode() == 0 ? "" : " (exit code " + result.exitCode() + ")");
            return Reply.error(502, "The function returned an invalid response", invocationId, detail, result);
        }
    }

    /** The body, or null when it is over the limit (a declared length over it is refused before reading). */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > MAX_BODY_BYTES) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // The HTTP server frames the body itself; a bad length is its problem, not a reason to refuse here.
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private CgiRequest cgiRequest(HttpExchange exchange, byte[] body, String invocationId) {
        URI uri = exchange.getRequestURI();
        String rawQuery = uri.getRawQuery();
        List<Header> headers = new ArrayList<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> values.forEach(value -> headers.add(new Header(name, value))));
        InetSocketAddress local = exchange.getLocalAddress();
        String host = exchange.getRequestHeaders().getFirst("Host");
        return new CgiRequest(
                exchange.getRequestMethod(),
                exchange.getProtocol(),
                uri.getRawPath() + (rawQuery == null ? "" : "?" + rawQuery),
                "",
                uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath(),
                rawQuery,
                serverName(host, local),
                local.getPort(),
                false,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                headers,
                body,
                functionName,
                0,
                invocationId,
                true,
                false);
    }

    /** The host the client asked for (its Host header without the port), else the address it connected to. */
    private static String serverName(String host, InetSocketAddress local) {
        if (host == null || host.isBlank()) {
            return local.getAddress().getHostAddress();
        }
        String name = host.strip();
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 ? name.substring(0, end + 1) : name;
        }
        int colon = name.lastIndexOf(':');
        return colon > 0 ? name.substring(0, colon) : name;
    }

    private static void send(HttpExchange exchange, Reply reply, String invocationId) throws IOException {
        for (Header header : reply.headers()) {
            exchange.getResponseHeaders().add(header.name(), header.value());
        }
        exchange.getResponseHeaders().set(INVOCATION_ID, invocationId);
        boolean noBody = exchange.getRequestMethod().equals("HEAD")
                || reply.body().length == 0
                || reply.status() == 204
                || reply.status() == 304;
        // -1: no body; a length of 0 would mean chunked to this server.
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                out.write(reply.body());
            }
        }
    }

    private void logRequest(HttpExchange exchange, Reply reply, long nanos) {
        StringBuilder lines = new StringBuilder();
        lines.append(exchange.getRequestMethod())
                .append(' ')
                .append(exchange.getRequestURI().getRawPath());
        if (exchange.getRequestURI().getRawQuery() != null) {
            lines.append('?').append(exchange.getRequestURI().getRawQuery());
        }
        lines.append(" → ")
                .append(reply.status())
                .append(" in ")
                .append(nanos / 1_000_000)
                .append(" ms\n");
        if (reply.detail() != null) {
            lines.append("  ").append(reply.detail()).append('\n');
        }
        RunResult result = reply.result();
        if (result != null) {
            for (LogLine line : result.logLines()) {
                lines.append("  [").append(LogLevel.name(line.level())).append("] ");
                lines.append(line.message()).append('\n');
            }
            new String(result.stderr(), StandardCharsets.UTF_8)
                    .lines()
                    .forEach(line -> lines.append("  stderr: ").append(line).append('\n'));
        }
        // One print per request, so lines of concurrent requests do not interleave.
        synchronized (log) {
            log.print(lines);
            log.flush();
        }
    }
}
