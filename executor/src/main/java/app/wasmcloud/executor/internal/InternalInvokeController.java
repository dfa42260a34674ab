package app.wasmcloud.executor.internal;

import app.wasmcloud.contract.InvocationOrigin;
import app.wasmcloud.contract.InvokeTarget;
import app.wasmcloud.contract.WasmcloudHeaders;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.function.FunctionDirectory;
import app.wasmcloud.executor.invocation.FunctionRunner;
import app.wasmcloud.executor.run.CgiGateway;
import app.wasmcloud.executor.run.RequestTarget;
import app.wasmcloud.executor.run.RunPath;
import app.wasmcloud.runtime.cgi.CgiReply;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The api-server's way in: runs any function (private ones too) on behalf of an authenticated user. The request the
 * function sees is described by {@code X-Wasmcloud-Method} and {@code X-Wasmcloud-Path} ({@link InvokeTarget}).
 */
@Controller
class InternalInvokeController {

    private final ServiceTokenVerifier tokens;
    private final FunctionDirectory directory;
    private final CgiGateway gateway;

    InternalInvokeController(ServiceTokenVerifier tokens, FunctionDirectory directory, CgiGateway gateway) {
        this.tokens = tokens;
        this.directory = directory;
        this.gateway = gateway;
    }

    @PostMapping("/internal/functions/{name}/invoke")
    void invoke(@PathVariable String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String invocationId = FunctionRunner.newInvocationId();
        if (!tokens.accepts(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(response, 401, "A valid service token is required", invocationId);
            return;
        }
        Optional<ActiveFunction> function = directory.find(name);
        if (function.isEmpty()) {
            refuse(response, 404, "No such function", invocationId);
            return;
        }
        InvokeTarget invoke;
        InvocationOrigin origin;
        try {
            origin = InvocationOrigin.fromHeaders(
                    request.getHeader(WasmcloudHeaders.SOURCE),
                    request.getHeader(WasmcloudHeaders.ASYNC_REQUEST),
                    request.getHeader(WasmcloudHeaders.ATTEMPT));
            invoke = InvokeTarget.parse(
                    request.getHeader(WasmcloudHeaders.METHOD),
                    request.getHeader(WasmcloudHeaders.PATH),
                    request.getContentLengthLong() > 0);
        } catch (IllegalArgumentException e) {
            refuse(response, 400, e.getMessage(), invocationId);
            return;
        }
        // The run domain's path rules (dot segments, encoded slashes, bad escapes), the same for an API invocation.
        String path = RunPath.withoutDotSegments(invoke.path());
        if (RunPath.decoded(path).isEmpty()) {
            refuse(
                    response,
                    400,
                    "The path has an invalid escape (%XX must be two hex digits of UTF-8, never %00)",
                    invocationId);
            return;
        }
        String scriptName = "/" + name;
        RequestTarget target = new RequestTarget(
                invoke.method(), scriptName + invoke.pathAndQuery(), scriptName, path, invoke.query(), false);
        gateway.serve(request, response, function.get(), target, origin);
    }

    private static void refuse(HttpServletResponse response, int status, String message, String invocationId)
            throws IOException {
        CgiGateway.write(response, CgiReply.error(status, message, invocationId, false), "POST");
    }
}
