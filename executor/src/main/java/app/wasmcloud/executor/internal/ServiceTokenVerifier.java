package app.wasmcloud.executor.internal;

import app.wasmcloud.contract.ServiceToken;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.util.Base64;
import java.util.Date;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/** Accepts only short-lived service tokens the api-server signed for the executor ({@link ServiceToken}). */
@Component
class ServiceTokenVerifier {

    private static final String PREFIX = "Bearer ";

    private final SecretKey key;

    ServiceTokenVerifier(ServiceTokenProperties properties) {
        String secret = properties.serviceTokenSecret();
        if (secret == null || Base64.getDecoder().decode(secret).length < 32) {
            throw new IllegalArgumentException("wasmcloud.executor.service-token-secret must be a base64 key of at"
                    + " least 32 bytes, the same one the api-server is given");
        }
        this.key = Keys.hmacShaKeyFor(Base64.getDecoder().decode(secret));
    }

    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        try {
            var claims = Jwts.parser()
                    .verifyWith(key)
                    .requireAudience(ServiceToken.AUDIENCE)
                    .build()
                    .parseSignedClaims(authorization.substring(PREFIX.length()).trim())
                    .getPayload();
            Date issued = claims.getIssuedAt();
            Date expires = claims.getExpiration();
            return issued != null
                    && expires != null
                    && expires.toInstant()
                            .isBefore(issued.toInstant()
                                    .plus(ServiceToken.LIFETIME)
                                    .plusSeconds(1));
        } catch (JwtException | IllegalArgumentException e) {
            return false;
        }
    }
}
