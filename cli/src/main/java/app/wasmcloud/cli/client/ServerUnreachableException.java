package app.wasmcloud.cli.client;

import java.io.IOException;
import java.net.URI;

/** No answer from the API: connection refused, a timeout, a reset, a DNS failure. */
public final class ServerUnreachableException extends RuntimeException {
    private final URI uri;

    public ServerUnreachableException(URI uri, IOException cause) {
        super("cannot reach " + uri, cause);
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }
}
