package app.wasmcloud.executor.internal;

import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.function.FunctionDirectory;
import app.wasmcloud.executor.invocation.FunctionRunner;
import app.wasmcloud.executor.invocation.Source;
import app.wasmcloud.executor.run.CgiGateway;
import app.wasmcloud.executor.run.RequestTarget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The api-server's way in: runs any function (private ones too) on behalf of an authenticated user. The request the
 * function sees is described by {@code X-Wasmcloud-Method} and {@code X-Wasmcloud-Path}.
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
            CgiGateway.sendError(response, 401, "A valid service token is required", invocationId);
            return;
        }
        Optional<ActiveFunction> function = directory.find(name);
        if (function.isEmpty()) {
            CgiGateway.sendError(response, 404, "No such function", invocationId);
            return;
        }
        String method = headerOr(request, "X-Wasmcloud-Method", "GET");
        String path = headerOr(request, "X-Wasmcloud-Path", "/");
        if (!path.startsWith("/")) {
            CgiGateway.sendError(response, 400, "X-Wasmcloud-Path must start with '/'", invocationId);
            return;
        }
        int question = path.indexOf('?');
        String rawPath = question < 0 ? path : path.substring(0, question);
        String query = question < 0 ? "" : path.substring(question + 1);
        String scriptName = "/" + name;
        RequestTarget target = new RequestTarget(method, scriptName + path, scriptName, rawPath, query, false);
        gateway.serve(request, response, function.get(), target, Source.API);
    }

    private static String headerOr(HttpServletRequest request, String name, String fallback) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
