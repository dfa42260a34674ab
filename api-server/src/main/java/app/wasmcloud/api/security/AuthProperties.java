package app.wasmcloud.api.security;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers prove who they are.
 *
 * @param jwtSecret base64 HMAC key (at least 32 bytes) that signs API tokens; from the environment, never committed
 * @param issuer the {@code iss} claim of issued tokens
 * @param devLogin whether {@code POST /api/dev/token} hands out an admin token; refused unless bound to loopback
 * @param corsAllowedOrigins origins (e.g. a dev panel) allowed to call the API from a browser with a bearer token
 * @param sessionLifetime how long a browser session (the cookie set after Gitea login) lasts
 * @param afterLoginUrl where the browser goes after logging in (the panel); errors add {@code ?login-error=<why>}
 * @param serverNames host names (besides loopback ones) under which the CLI consent page and the dev login answer,
 *     e.g. {@code api.example.net}; any other {@code Host} is refused there (DNS rebinding). When empty, only dev
 *     mode's pages are checked, against loopback names
 * @param devTokenLifetime how long the token {@code POST /api/dev/token} hands out lasts; a restart reuses it
 */
@ConfigurationProperties("wasmcloud.auth")
public record AuthProperties(
        String jwtSecret,
        @DefaultValue("wasmcloud") String issuer,
        @DefaultValue("false") boolean devLogin,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("12h") Duration sessionLifetime,
        @DefaultValue("/") String afterLoginUrl,
        @DefaultValue List<String> serverNames,
        @DefaultValue("7d") Duration devTokenLifetime) {

    public AuthProperties {
        if (jwtSecret == null || jwtSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "wasmcloud.auth.jwt-secret is not set: give a base64 key of at least 32 bytes"
                            + " (e.g. WASMCLOUD_AUTH_JWT_SECRET=$(openssl rand -base64 32))");
        }
        if (devTokenLifetime.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("wasmcloud.auth.dev-token-lifetime must be at least 1m");
        }
        if (Base64.getDecoder().decode(jwtSecret).length < 32) {
            throw new IllegalArgumentException("wasmcloud.auth.jwt-secret must decode to at least 32 bytes");
        }
    }

    public byte[] jwtKey() {
        return Base64.getDecoder().decode(jwtSecret);
    }
}
