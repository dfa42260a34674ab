package app.wasmcloud.api.invocation;

import app.wasmcloud.api.executor.ExecutorClient;
import app.wasmcloud.api.executor.RelayedHeaders;
import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.WasmcloudHeaders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
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

    private final FunctionService functions;
    private final InvocationForwarder forwarder;
    private final BackgroundInvoke background;
    private final int maxBodyBytes;

    InvokeController(
            FunctionService functions,
            InvocationForwarder forwarder,
            BackgroundInvoke background,
            InvocationProperties properties) {
        this.functions = functions;
        this.forwarder = forwarder;
        this.background = background;
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
                    reached or takes longer than 75 seconds).

                    With `Prefer: respond-async` or `?async=true` the function runs in the background instead: see
                    "Call a function in the background".""")
    @Parameter(
            name = "async",
            in = ParameterIn.QUERY,
            description = "`true` runs it in the background, as `Prefer: respond-async` asks. Default: false.",
            schema = @Schema(type = "boolean"))
    @PostMapping("/api/functions/{name}/invoke")
    ResponseEntity<?> invoke(CurrentUser caller, @PathVariable String name, HttpServletRequest request)
            throws IOException {
        caller.require(Scope.INVOKE);
        FunctionEntity function = functions.get(caller, name);
        if (function.activeVersionId() == null) {
            throw ApiException.conflict("The function '" + name + "' has no version yet; deploy a module first.");
        }
        if (asksAsync(request)) {
            return background.accept(function, request);
        }
        InvokeRequest invoke = InvokeRequest.read(request, maxBodyBytes);
        HttpResponse<byte[]> reply = forwarder.forward(
                function.id(),
                function.activeVersionId(),
                new ExecutorClient.Call(
                        function.name(),
                        invoke.target().method(),
                        invoke.target().pathAndQuery(),
                        invoke.headers(),
                        invoke.body()));
        HttpHeaders headers = new HttpHeaders();
        List<String> functionHeaders = new ArrayList<>();
        RelayedHeaders.of(reply).forEach((header, values) -> {
            headers.addAll(header, values);
            String lower = header.toLowerCase(Locale.ROOT);
            // Date is the platform's (the executor's clock), never the function's.
            if (!WasmcloudHeaders.isPlatformHeader(header) && !lower.equals("date")) {
                functionHeaders.add(lower);
            }
        });
        headers.set(WasmcloudHeaders.FUNCTION_HEADERS, String.join(", ", functionHeaders));
        return ResponseEntity.status(reply.statusCode()).headers(headers).body(reply.body());
    }

    /**
     * {@code ?async=true}, or {@code Prefer: respond-async} (RFC 7240) among other preferences or alone. The query is
     * read by hand: asking the servlet for a parameter would consume a form-encoded body meant for the function.
     */
    private static boolean asksAsync(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && Arrays.asList(query.split("&")).contains("async=true")) {
            return true;
        }
        for (String header : Collections.list(request.getHeaders("Prefer"))) {
            for (String preference : header.split(",")) {
                if (preference.strip().toLowerCase(Locale.ROOT).startsWith("respond-async")) {
                    return true;
                }
            }
        }
        return false;
    }
}
