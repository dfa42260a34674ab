package app.wasmcloud.executor.run;

import app.wasmcloud.executor.ExecutorProperties;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.invocation.FunctionRunner;
import app.wasmcloud.executor.invocation.Reply;
import app.wasmcloud.executor.invocation.Source;
import app.wasmcloud.runtime.cgi.CgiRequest;
import app.wasmcloud.runtime.cgi.Header;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns a servlet request into a CGI request for a function, and the function's reply into the servlet response. */
@Component
public class CgiGateway {

    public static final String INVOCATION_ID_HEADER = "X-Wasmcloud-Invocation-Id";

    private final FunctionRunner runner;
    private final int maxRequestBytes;

    CgiGateway(FunctionRunner runner, ExecutorProperties properties) {
        this.runner = runner;
        this.maxRequestBytes = properties.maxRequestBytes();
    }

    public void serve(
            HttpServletRequest request,
            HttpServletResponse response,
            ActiveFunction function,
            RequestTarget target,
            Source source)
            throws IOException {
        String invocationId = FunctionRunner.newInvocationId();
        long declaredLength = request.getContentLengthLong();
        if (declaredLength > maxRequestBytes) {
            sendError(
                    response, 413, "The request body is over the limit of " + maxRequestBytes + " bytes", invocationId);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxRequestBytes + 1);
        }
        if (body.length > maxRequestBytes) {
            sendError(
                    response, 413, "The request body is over the limit of " + maxRequestBytes + " bytes", invocationId);
            return;
        }
        CgiRequest cgi = new CgiRequest(
                target.method(),
                request.getProtocol(),
                target.requestUri(),
                target.scriptName(),
                target.pathInfo(),
                target.queryString(),
                request.getServerName(),
                request.getServerPort(),
                request.isSecure(),
                request.getRemoteAddr(),
                headersOf(request),
                body,
                function.name(),
                function.versionNumber(),
                invocationId,
                target.passCookies(),
                false);
        write(response, runner.run(function, cgi, source), "HEAD".equals(target.method()));
    }

    public static void sendError(HttpServletResponse response, int status, String message, String invocationId)
            throws IOException {
        response.setStatus(status);
        response.setHeader(INVOCATION_ID_HEADER, invocationId);
        response.setContentType("text/plain; charset=utf-8");
        response.getOutputStream()
                .write((message + " (invocation " + invocationId + ")\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, Reply reply, boolean head) throws IOException {
        response.setStatus(reply.status());
        for (Header header : reply.headers()) {
            response.addHeader(header.name(), header.value());
        }
        response.setHeader(INVOCATION_ID_HEADER, reply.invocationId());
        response.setContentLength(reply.body().length);
        if (!head) {
            response.getOutputStream().write(reply.body());
        }
    }

    private static List<Header> headersOf(HttpServletRequest request) {
        List<Header> headers = new ArrayList<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (name.regionMatches(true, 0, "X-Wasmcloud-", 0, 12)) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                headers.add(new Header(name, value));
            }
        }
        return headers;
    }
}
