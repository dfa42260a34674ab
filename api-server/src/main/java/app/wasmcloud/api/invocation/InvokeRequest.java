package app.wasmcloud.api.invocation;

import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.InvokeTarget;
import app.wasmcloud.contract.WasmcloudHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * What an API invocation asks a function to see, read once at the edge for the synchronous and the background
 * invoke alike: the target, the headers passed on and the body within a cap.
 *
 * @param target the method and path from {@code X-Wasmcloud-Method} and {@code X-Wasmcloud-Path}
 * @param headers the request headers a function may see
 * @param body the request body
 */
public record InvokeRequest(InvokeTarget target, Map<String, List<String>> headers, byte[] body) {

    /**
     * What the API consumed or what describes the hop to it, never the function's business: the caller's
     * credentials (a session cookie, its CSRF value, a bearer token), which would hand a function's owner the
     * caller's session, even an admin's; and the proxy's forwarding headers, which describe the API's client.
     */
    private static final Set<String> HEADERS_NOT_PASSED = Set.of(
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

    /** Reads the request; a body over {@code maxBodyBytes} is 413, a bad method or path 400. */
    public static InvokeRequest read(HttpServletRequest request, int maxBodyBytes) throws IOException {
        byte[] body = readBody(request, maxBodyBytes);
        try {
            InvokeTarget target = InvokeTarget.parse(
                    request.getHeader(WasmcloudHeaders.METHOD),
                    request.getHeader(WasmcloudHeaders.PATH),
                    body.length > 0);
            return new InvokeRequest(target, headersOf(request), body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The 413 for a body over the limit, the same for every invoke. */
    public static ApiException bodyTooLarge(long maxBodyBytes) {
        return new ApiException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request too large",
                "The request body is over this server's limit of " + maxBodyBytes + " bytes.");
    }

    /**
     * The body, refused with 413 as soon as it is known to be too large: from its declared length before a byte is
     * read, or, for a chunked body, one byte past the limit.
     */
    private static byte[] readBody(HttpServletRequest request, int maxBodyBytes) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw bodyTooLarge(maxBodyBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw bodyTooLarge(maxBodyBytes);
            }
            return body;
        }
    }

    private static Map<String, List<String>> headersOf(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!HEADERS_NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
        }
        return headers;
    }
}
