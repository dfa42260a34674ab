package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.AuthProperties;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * The CSRF value of the CLI login's consent form: signed, short-lived, and bound to the user it was shown to and to
 * the CLI's port and state. Another site can neither read it from the page (same-origin policy) nor make one (no
 * key), so a link or a form elsewhere cannot approve a login on the user's behalf.
 */
@Component
class CliConsentTokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String AUDIENCE = "wasmcloud-cli-consent";

    private final SecretKey key;
    private final String issuer;
    private final Clock clock;

    CliConsentTokens(AuthProperties properties, Clock clock) {
        this.key = Keys.hmacShaKeyFor(properties.jwtKey());
        this.issuer = properties.issuer();
        this.clock = clock;
    }

    String issue(long userId, String port, String state) {
        Instant now = clock.instant();
        return Jwts.builder()
                .subject(Long.toString(userId))
                .issuer(issuer)
                .audience()
                .add(AUDIENCE)
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(LIFETIME)))
                .claim("port", port)
                .claim("state", state)
                .signWith(key)
                .compact();
    }

    /** Whether the token is ours, unexpired, and was issued for exactly this user, port and state. */
    boolean isValid(String token, long userId, String port, String state) {
        if (token == null || token.isBlank()) {
            return false;
        }
        try {
            Claims claims = Jwts.parser()
                    .verifyWith(key)
                    .requireIssuer(issuer)
                    .requireAudience(AUDIENCE)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
            return Long.toString(userId).equals(claims.getSubject())
                    && port.equals(claims.get("port", String.class))
                    && state.equals(claims.get("state", String.class));
        } catch (JwtException | IllegalArgumentException e) {
            return false;
        }
    }
}
