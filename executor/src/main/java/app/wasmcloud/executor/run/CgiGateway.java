package app.wasmcloud.executor.run;

import app.wasmcloud.contract.InvocationOrigin;
import app.wasmcloud.contract.WasmcloudHeaders;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.invocation.FunctionRunner;
import app.wasmcloud.runtime.cgi.CgiReply;
import app.wasmcloud.runtime.cgi.CgiRequest;
import app.wasmcloud.runtime.cgi.Header;
import app.wasmcloud.runtime.cgi.RequestBodyLimit;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The executor's HTTP adapter of the CGI exchange: servlet request in, {@link CgiRequest} to the runner, its
 * {@link CgiReply} out. A body is read without holding a thread ({@link BodyReader}), so a client that trickles its
 * body costs a connection, never a request thread or a slot; the function runs once the body is complete.
 */
@Component
public class CgiGateway {

    private static final byte[] NO_BODY = new byte[0];

    private final FunctionRunner runner;
    private final RequestBodyLimit bodyLimit;
    private final SlowBodyGuard guard;
    private final Duration bodyDeadline;

    CgiGateway(FunctionRunner runner, RunProperties properties, RequestBodyProperties bodies, SlowBodyGuard guard) {
        this.runner = runner;
        this.bodyLimit = new RequestBodyLimit(properties.maxRequestBodyBytes());
        this.guard = guard;
        this.bodyDeadline = bodies.deadline();
    }

    public void serve(
            HttpServletRequest request,
            HttpServletResponse response,
            ActiveFunction function,
            RequestTarget target,
            InvocationOrigin origin)
            throws IOException {
        String invocationId = FunctionRunner.newInvocationId();
        long declaredLength = request.getContentLengthLong();
        if (bodyLimit.refusesDeclared(declaredLength)) {
            write(response, bodyLimit.tooLarge(invocationId), target.method());
            return;
        }
        if (declaredLength == 0 || (declaredLength < 0 && request.getHeader("Transfer-Encoding") == null)) {
            run(request, response, function, target, origin, invocationId, NO_BODY);
            return;
        }
        AsyncContext async = request.startAsync();
        // A safety net only: the guard ends slow bodies and the watchdog long runs well before it.
        async.setTimeout(bodyDeadline.plus(function.timeout()).plusSeconds(30).toMillis());
        BodyReader reader = new BodyReader(
                async,
                request.getInputStream(),
                declaredLength,
                bodyLimit,
                guard,
                invocationId,
                body -> {
                    try {
                        run(request, response, function, target, origin, invocationId, body);
                    } catch (IOException clientGone) {
                        // The function ran and was recorded; the client is no longer there to read its reply.
                    }
                },
                refusal -> {
                    // The rest of the body is never read: the connection cannot be reused.
                    response.setHeader("Connection", "close");
                    write(response, refusal, target.method());
                });
        guard.watch(reader);
        request.getInputStream().setReadListener(reader);
    }

    private void run(
            HttpServletRequest request,
            HttpServletResponse response,
            ActiveFunction function,
            RequestTarget target,
            InvocationOrigin origin,
            String invocationId,
            byte[] body)
            throws IOException {
        CgiRequest cgi = CgiRequest.builder()
                .method(target.method())
                .protocol(request.getProtocol())
                .requestUri(target.requestUri())
                .scriptName(target.scriptName())
                .pathInfo(target.pathInfo())
                .queryString(target.queryString())
                .server(request.getServerName(), request.getServerPort(), request.isSecure())
                .remoteAddr(request.getRemoteAddr())
                .headers(headersOf(request))
                .body(body)
                .function(function.name(), function.versionNumber(), invocationId)
                .passCookies(target.passCookies())
                .build();
        write(response, runner.run(function, cgi, origin), target.method());
    }

    /** The one way the executor answers: the reply's status, headers and body, and the invocation's id. */
    public static void write(HttpServletResponse response, CgiReply reply, String method) throws IOException {
        response.setStatus(reply.status());
        for (Header header : reply.headers()) {
            response.addHeader(header.name(), header.value());
        }
        response.setHeader(WasmcloudHeaders.INVOCATION_ID, reply.invocationId());
        response.setContentLength(reply.body().length);
        if (!"HEAD".equals(method)) {
            response.getOutputStream().write(reply.body());
        }
    }

    private static List<Header> headersOf(HttpServletRequest request) {
        List<Header> headers = new ArrayList<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (WasmcloudHeaders.isPlatformHeader(name)) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                headers.add(new Header(name, value));
            }
        }
        return headers;
    }
}
