package app.wasmcloud.cli.local;

import app.wasmcloud.cli.output.LogLevel;
import app.wasmcloud.contract.WasmcloudHeaders;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.GuestDefaults;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.LogLine;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.Tenant;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.cgi.CgiExchange;
import app.wasmcloud.runtime.cgi.CgiReply;
import app.wasmcloud.runtime.cgi.CgiRequest;
import app.wasmcloud.runtime.cgi.Header;
import app.wasmcloud.runtime.cgi.RequestBodyLimit;
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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One module served over HTTP as the executor serves it (cgi.md), host-style: the function answers at {@code /},
 * {@code SCRIPT_NAME} is empty and {@code PATH_INFO} is the whole path. Requests are read on virtual threads; guests
 * run on the execution pool.
 */
final class CgiServer implements AutoCloseable {
    /** The platform's request body limit: larger bodies get 413 and the function is not run. */
    static final RequestBodyLimit BODY_LIMIT = RequestBodyLimit.PLATFORM_DEFAULT;

    private final WasmFunction function;
    private final String functionName;
    private final Map<String, String> functionEnv;
    private final Limits limits;
    private final EgressPolicy egress;
    private final PrintStream log;
    private static final int ACCEPT_BACKLOG = 1024;

    static {
        // The JDK's server closes a kept-alive connection once 200 others are idle (jdk.httpserver's documented
        // sun.net.httpserver.maxIdleConnections), so 256 keep-alive clients saw resets between their requests.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", Integer.toString(ACCEPT_BACKLOG));
        }
    }

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
        // As the executor: its slots, and room for as many callers to wait their turn for as long.
        this.pool = new ExecutionPool(
                GuestDefaults.slots(), LocalFunctionOptions.GUEST_STACK_BYTES, ExecutionPool.SERVER_QUEUE_CAPACITY);
        // The JDK's default accept backlog is 50: a burst of a few hundred connections (wrk -c256) overflowed it and
        // the kernel reset the rest. The kernel caps this at net.core.somaxconn.
        this.server = HttpServer.create(address, ACCEPT_BACKLOG);
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
        CgiReply reply;
        String failure = null;
        try {
            reply = answer(exchange, invocationId);
        } catch (RuntimeException e) {
            // Never a dropped connection without a word: the developer sees why, the client a 500 with the id.
            reply = CgiReply.error(500, "wasmcloud serve failed", invocationId, false);
            failure = e.toString();
        }
        send(exchange, reply);
        logRequest(exchange, reply, failure != null ? failure : detail(reply), System.nanoTime() - start);
    }

    private CgiReply answer(HttpExchange exchange, String invocationId) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = BODY_LIMIT.read(in, declaredLength(exchange));
        }
        if (body == null) {
            // The rest of the body is never read: the JDK's server drains a little of it and then closes the
            // connection itself. Saying "Connection: close" here instead made it close before the client had read
            // the reply (a reset while the client was still sending).
            return BODY_LIMIT.tooLarge(invocationId);
        }
        return CgiExchange.run(
                pool, function, cgiRequest(exchange, body, invocationId), functionEnv, limits, egress, Tenant.LOCAL);
    }

    /** The declared length, or -1 when there is none or it is not a number (the HTTP server frames the body). */
    private static long declaredLength(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
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
        return CgiRequest.builder()
                .method(exchange.getRequestMethod())
                .protocol(exchange.getProtocol())
                .requestUri(uri.getRawPath() + (rawQuery == null ? "" : "?" + rawQuery))
                .pathInfo(uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath())
                .queryString(rawQuery)
                .server(serverName(host, local), local.getPort(), false)
                .remoteAddr(exchange.getRemoteAddress().getAddress().getHostAddress())
                .headers(headers)
                .body(body)
                .function(functionName, 0, invocationId)
                .passCookies(true)
                .build();
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

    private static void send(HttpExchange exchange, CgiReply reply) throws IOException {
        for (Header header : reply.headers()) {
            exchange.getResponseHeaders().add(header.name(), header.value());
        }
        exchange.getResponseHeaders().set(WasmcloudHeaders.INVOCATION_ID, reply.invocationId());
        boolean head = exchange.getRequestMethod().equals("HEAD");
        boolean bodiless = reply.status() == 204 || reply.status() == 304;
        if (head && !bodiless) {
            // A HEAD reply states the length a GET would have; this server leaves it out unless it is set here.
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(reply.body().length));
        }
        boolean noBody = head || bodiless || reply.body().length == 0;
        // -1: no body; a length of 0 would mean chunked to this server.
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                out.write(reply.body());
            }
        }
    }

    /** Why the reply is what it is, for the developer's log: the exchange's own word, or the run's failure. */
    private String detail(CgiReply reply) {
        if (reply.detail() != null) {
            return reply.detail();
        }
        RunResult result = reply.result();
        return result != null && !reply.outcome().functionReplies() ? RunFailure.describe(result, limits) : null;
    }

    private void logRequest(HttpExchange exchange, CgiReply reply, String detail, long nanos) {
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
        if (detail != null) {
            lines.append("  ").append(detail).append('\n');
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
