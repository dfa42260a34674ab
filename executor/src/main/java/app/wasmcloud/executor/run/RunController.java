package app.wasmcloud.executor.run;

import app.wasmcloud.contract.InvocationSource;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.function.FunctionDirectory;
import app.wasmcloud.executor.invocation.FunctionRunner;
import app.wasmcloud.runtime.cgi.CgiReply;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public run domain: {@code <function>.<run domain>/<path>} (host style, the function's own origin) and
 * {@code <any host>/<function>/<path>} (path style). Only public functions answer here.
 */
@Controller
class RunController {

    private final FunctionDirectory directory;
    private final CgiGateway gateway;
    private final String hostSuffix;

    RunController(FunctionDirectory directory, CgiGateway gateway, RunProperties properties) {
        this.directory = directory;
        this.gateway = gateway;
        this.hostSuffix = "." + properties.runDomain().toLowerCase(Locale.ROOT);
    }

    @RequestMapping("/**")
    void run(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        String requestUri = query.isEmpty() ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        String rawPath = RunPath.withoutDotSegments(request.getRequestURI());
        if (RunPath.decoded(rawPath).isEmpty()) {
            CgiGateway.write(
                    response,
                    CgiReply.error(
                            400,
                            "The path has an invalid escape (%XX must be two hex digits of UTF-8, never %00)",
                            FunctionRunner.newInvocationId(),
                            false),
                    request.getMethod());
            return;
        }
        String host = request.getServerName().toLowerCase(Locale.ROOT);

        String name;
        RequestTarget target;
        if (host.endsWith(hostSuffix) && host.length() > hostSuffix.length()) {
            name = host.substring(0, host.length() - hostSuffix.length());
            target = new RequestTarget(request.getMethod(), requestUri, "", rawPath, query, true);
        } else {
            int end = rawPath.indexOf('/', 1);
            name = end < 0 ? rawPath.substring(1) : rawPath.substring(1, end);
            String rest = end < 0 ? "" : rawPath.substring(end);
            target = new RequestTarget(request.getMethod(), requestUri, "/" + name, rest, query, false);
        }
        Optional<ActiveFunction> function = directory.find(name).filter(ActiveFunction::isPublic);
        if (function.isEmpty()) {
            CgiGateway.write(
                    response,
                    CgiReply.error(404, "No such function", FunctionRunner.newInvocationId(), false),
                    request.getMethod());
            return;
        }
        gateway.serve(request, response, function.get(), target, InvocationSource.RUN);
    }
}
