package app.wasmcloud.runtime.cgi;

import java.io.IOException;
import java.io.InputStream;

/**
 * The request body limit of cgi.md ("over it: 413, the function is not run"), applied the same way by every server:
 * a declared length over it is refused before a byte is read, and a body without one is refused one byte past it.
 *
 * @param maxBytes the largest body a function may receive
 */
public record RequestBodyLimit(int maxBytes) {

    /** The executor's default ({@code wasmcloud.executor.max-request-bytes}) and {@code wasmcloud serve}'s. */
    public static final RequestBodyLimit PLATFORM_DEFAULT = new RequestBodyLimit(10 * 1024 * 1024);

    /** {@link #PLATFORM_DEFAULT} as a configuration default reads it (Spring's {@code DataSize}: MB is 1024²). */
    public static final String PLATFORM_DEFAULT_SIZE = "10MB";

    public RequestBodyLimit {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, got " + maxBytes);
        }
    }

    /** Whether a declared {@code Content-Length} (-1 when none) is already too large. */
    public boolean refusesDeclared(long declaredLength) {
        return declaredLength > maxBytes;
    }

    /** Whether a body of this many bytes so far is too large. */
    public boolean refuses(long bytesSoFar) {
        return bytesSoFar > maxBytes;
    }

    /** The whole body, or null when it is over the limit. */
    public byte[] read(InputStream in, long declaredLength) throws IOException {
        if (refusesDeclared(declaredLength)) {
            return null;
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        return refuses(body.length) ? null : body;
    }

    /** The 413 reply. */
    public CgiReply tooLarge(String invocationId) {
        return CgiReply.error(413, "The request body is over the limit of " + maxBytes + " bytes", invocationId, false);
    }
}
