package app.wasmcloud.executor.invocation;

import app.wasmcloud.runtime.cgi.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What goes back to the HTTP client: the function's CGI response, or a short error naming the invocation. */
public record Reply(int status, List<Header> headers, byte[] body, String invocationId) {

    static Reply error(int status, String message, String invocationId) {
        return error(status, message, invocationId, List.of());
    }

    static Reply error(int status, String message, String invocationId, List<Header> extraHeaders) {
        byte[] body = (message + " (invocation " + invocationId + ")\n").getBytes(StandardCharsets.UTF_8);
        List<Header> headers = new java.util.ArrayList<>(extraHeaders);
        headers.add(new Header("Content-Type", "text/plain; charset=utf-8"));
        return new Reply(status, List.copyOf(headers), body, invocationId);
    }
}
