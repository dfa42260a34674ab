package app.wasmcloud.api.invocation;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.executor.ExecutorClient;
import app.wasmcloud.api.executor.ExecutorUnavailableException;
import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.token.Scope;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.InvokeTarget;
import app.wasmcloud.contract.WasmcloudHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/functions/{name}/invoke}: runs the caller's function (private ones too) on an executor and
 * answers with the function's own reply. {@code X-Wasmcloud-Method} and {@code X-Wasmcloud-Path} say which request
 * the function sees; the body and other headers are passed on.
 */
@RestController
@Tag(name = "Invoking")
class InvokeController {

    /** Framing, and cookies: a function's cookie must never land on the API's (the panel's) origin. */
    private static final Set<String> RESPONSE_HEADERS_NOT_COPIED =
            Set.of("connection", "content-length", "transfer-encoding", "keep-alive", ":status", "set-cookie");

    /**
     * What the API consumed or what describes the hop to it, never the function's business: the caller's
     * credentials (a session cookie, its CSRF value, a bearer token), which would hand a function's owner the
     * caller's session, even an admin's; and the proxy's forwarding headers, which describe the API's client.
     */
    private static final Set<String> REQUEST_HEADERS_NOT_PASSED = Set.of(
            "cookie",
            "authorization",
            "proxy-authorization",
            "x-xsrf-token",
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-port",
            "x-forwarded-proto",
            "x-real-ip");

    private final FunctionService functions;
    private final ExecutorClient executor;
    private final UnansweredInvocations unanswered;
    private final MeterRegistry registry;
    private final Clock clock;
    private final int maxBodyBytes;

    InvokeController(
            FunctionService functions,
            ExecutorClient executor,
            UnansweredInvocations unanswered,
            MeterRegistry registry,
            Clock clock,
            InvocationProperties properties) {
        this.functions = functions;
        this.executor = executor;
        this.unanswered = unanswered;
        this.registry = registry;
        this.clock = clock;
        this.maxBodyBytes = (int) properties.maxInvokeBody().toBytes();
    }

    @Operation(summary = "Call a function (private ones too)", description = """
                    Runs the function and answers with its response: its status, its headers and its body,
                    unchanged, plus `X-Wasmcloud-Invocation-Id`. Needs `invoke`. The function sees an ordinary
                    request described by these headers:

                    | header | meaning |
                    |---|---|
                    | `X-Wasmcloud-Method` | The method the function sees: 1 to 16 capital letters. Default: `POST` when there is a body, otherwise `GET`. |
                    | `X-Wasmcloud-Path` | The path and query the function sees. It must start with `/` and contain no spaces or control characters (percent-encode them). Default: `/`. |

                    The request body goes to the function's standard input, up to 10 MiB
                    (`wasmcloud.invocations.max-invoke-body`; more gives 413). Other request headers are passed on
                    to the function, except `Authorization`, `Host`, `Connection`, `Content-Length`, `Expect`,
                    `Upgrade` and the `X-Wasmcloud-*` headers. The function sees the request path style:
                    `SCRIPT_NAME` is `/` and the function's name. A function with no version yet gives 409.

                    A 5xx may come from the function or the executor (a short `text/plain` message with the
                    invocation id) or from the API itself (a problem document: 502 when the executor cannot be
                    reached or takes longer than 75 seconds).""")
    @PostMapping("/api/functions/{name}/invoke")
    ResponseEntity<byte[]> invoke(CurrentUser caller, @PathVariable String name, HttpServletRequest request)
            throws IOException {
        caller.require(Scope.INVOKE);
        FunctionEntity function = functions.get(caller, name);
        if (function.activeVersionId() == null) {
            throw ApiException.conflict("The function '" + name + "' has no version yet; deploy a module first.");
        }
        byte[] body = readBody(request);
        InvokeTarget target;
        try {
            target = InvokeTarget.parse(
                    request.getHeader(WasmcloudHeaders.METHOD),
                    request.getHeader(WasmcloudHeaders.PATH),
                    body.length > 0);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        HttpResponse<byte[]> reply;
        Instant startedAt = clock.instant();
        try {
            reply = executor.invoke(new ExecutorClient.Call(
                    function.name(), target.method(), target.pathAndQuery(), headersOf(request), body));
        } catch (ExecutorUnavailableException e) {
            countForwarded("unreachable");
            Optional<UUID> recorded =
                    unanswered.record(function.id(), function.activeVersionId(), startedAt, body.length);
            throw recorded.map(e::recordedAs).orElse(e);
        }
        countForwarded(reply.statusCode() / 100 + "xx");
        HttpHeaders headers = new HttpHeaders();
        List<String> functionHeaders = new ArrayList<>();
        reply.headers().map().forEach((header, values) -> {
            String lower = header.toLowerCase(Locale.ROOT);
            if (!RESPONSE_HEADERS_NOT_COPIED.contains(lower)) {
                headers.addAll(header, values);
                // Date is the platform's (the executor's clock), never the function's.
                if (!WasmcloudHeaders.isPlatformHeader(header) && !lower.equals("date")) {
                    functionHeaders.add(lower);
                }
            }
        });
        headers.set(WasmcloudHeaders.FUNCTION_HEADERS, String.join(", ", functionHeaders));
        return ResponseEntity.status(reply.statusCode()).headers(headers).body(reply.body());
    }

    /** {@code wasmcloud_invocations_forwarded_total{status="2xx"|…|"unreachable"}}: the executor's answers. */
    private void countForwarded(String status) {
        registry.counter("wasmcloud.invocations.forwarded", "status", status).increment();
    }

    /**
     * The body, refused with 413 as soon as it is known to be too large: from its declared length before a byte is
     * read, or, for a chunked body, one byte past the limit.
     */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw bodyTooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw bodyTooLarge();
            }
            return body;
        }
    }

    private ApiException bodyTooLarge() {
        return new ApiException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request too large",
                "The request body is over this server's limit of " + maxBodyBytes + " bytes.");
    }

    private static Map<String, List<String>> headersOf(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!REQUEST_HEADERS_NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
        }
        return headers;
    }
}
