package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.AuthProperties;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Keeps the OAuth2 authorization request (state, redirect URI) between the redirect to Gitea and the callback in a
 * short-lived signed cookie instead of a server session, so the callback may land on any api-server. Signed, never
 * deserialised as Java objects: only its own claims are read back.
 */
class CookieAuthorizationRequestRepository implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "wasmcloud_oauth2";
    private static final String AUDIENCE = "wasmcloud-oauth2-request";
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SecretKey key;
    private final Clock clock;

    CookieAuthorizationRequestRepository(AuthProperties properties, Clock clock) {
        this.key = Keys.hmacShaKeyFor(properties.jwtKey());
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(COOKIE)) {
                return decode(cookie.getValue());
            }
        }
        return null;
    }

    @Override
    public void saveAuthorizationRequest(
            OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request, HttpServletResponse response) {
        if (authorizationRequest == null) {
            clear(response);
            return;
        }
        String jwt = Jwts.builder()
                .audience()
                .add(AUDIENCE)
                .and()
                .expiration(Date.from(clock.instant().plus(LIFETIME)))
                .claim("authorizationUri", authorizationRequest.getAuthorizationUri())
                .claim("authorizationRequestUri", authorizationRequest.getAuthorizationRequestUri())
                .claim("clientId", authorizationRequest.getClientId())
                .claim("redirectUri", authorizationRequest.getRedirectUri())
                .claim("scopes", List.copyOf(authorizationRequest.getScopes()))
                .claim("state", authorizationRequest.getState())
                .claim("additionalParameters", authorizationRequest.getAdditionalParameters())
                .claim("attributes", authorizationRequest.getAttributes())
                .signWith(key)
                .compact();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(jwt, LIFETIME).toString());
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(
            HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest authorizationRequest = loadAuthorizationRequest(request);
        clear(response);
        return authorizationRequest;
    }

    @SuppressWarnings("unchecked")
    private OAuth2AuthorizationRequest decode(String jwt) {
        Claims claims;
        try {
            claims = Jwts.parser()
                    .verifyWith(key)
                    .requireAudience(AUDIENCE)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(jwt)
                    .getPayload();
        } catch (JwtException | IllegalArgumentException e) {
            return null;
        }
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(claims.get("authorizationUri", String.class))
                .authorizationRequestUri(claims.get("authorizationRequestUri", String.class))
                .clientId(claims.get("clientId", String.class))
                .redirectUri(claims.get("redirectUri", String.class))
                .scopes(new HashSet<>(claims.get("scopes", List.class)))
                .state(claims.get("state", String.class))
                .additionalParameters(claims.get("additionalParameters", Map.class))
                .attributes(claims.get("attributes", Map.class))
                .build();
    }

    private static void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
    }

    /** Lax, so the browser sends it on Gitea's top-level redirect back to the callback. */
    private static ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(true)
                .sameSite("Lax")
                .path("/login/oauth2/")
                .maxAge(maxAge)
                .build();
    }
}
