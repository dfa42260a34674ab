package app.wasmcloud.api.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where the browser goes after a Gitea login that was started with {@code ?return-to=<path>}: only a path on this
 * server, so a crafted login link cannot send a freshly logged-in browser to another site.
 */
final class ReturnTo {

    static final String PARAMETER = "return-to";
    static final String ALLOWED = "'return-to' must be a path on this server such as /login/cli?port=…&state=…";
    private static final int MAX_LENGTH = 2048;

    private ReturnTo() {}

    /** The value when it is a same-origin relative URL ({@code /path?query}), else empty. */
    static Optional<String> parse(String value) {
        if (value == null
                || value.length() > MAX_LENGTH
                || !value.startsWith("/")
                // "//host" and "/\host" are taken by browsers as another host.
                || value.startsWith("//")
                || value.indexOf('\\') >= 0
                || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Thrown when a login is started with a {@code return-to} that {@link #parse} refuses. */
    static final class InvalidException extends RuntimeException {
        InvalidException() {
            super(ALLOWED);
        }
    }
}
