package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.AuthProperties;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.user.User;
import app.wasmcloud.api.user.UserRepository;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The panel's login: a signed JWT in an HttpOnly cookie, so any api-server can check it without shared state. It
 * carries a random CSRF value that the panel reads from the {@code XSRF-TOKEN} cookie and echoes in
 * {@code X-XSRF-TOKEN}; since the value is inside the signed session, a cookie planted by another site cannot match.
 */
@Component
class BrowserSessions {

    static final String SESSION_COOKIE = "wasmcloud_session";
    static final String XSRF_COOKIE = "XSRF-TOKEN";
    static final String XSRF_HEADER = "X-XSRF-TOKEN";
    private static final String AUDIENCE = "wasmcloud-session";

    private final SecretKey key;
    private final String issuer;
    private final Duration lifetime;
    private final UserRepository users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BrowserSessions(AuthProperties properties, UserRepository users, Clock clock) {
        this.key = Keys.hmacShaKeyFor(properties.jwtKey());
        this.issuer = properties.issuer();
        this.lifetime = properties.sessionLifetime();
        this.users = users;
        this.clock = clock;
    }

    /** The session JWT and its CSRF value of one signed-in browser. */
    record Session(CurrentUser user, String xsrf) {}

    /** Sets the session and CSRF cookies for a user who just logged in. */
    void start(User user, HttpServletResponse response) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String xsrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        String jwt = Jwts.builder()
                .subject(user.id().toString())
                .issuer(issuer)
                .audience()
                .add(AUDIENCE)
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(lifetime)))
                .claim("xsrf", xsrf)
                .signWith(key)
                .compact();
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                cookie(SESSION_COOKIE, jwt, true, lifetime).toString());
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                cookie(XSRF_COOKIE, xsrf, false, lifetime).toString());
    }

    void end(HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                cookie(SESSION_COOKIE, "", true, Duration.ZERO).toString());
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                cookie(XSRF_COOKIE, "", false, Duration.ZERO).toString());
    }

    /**
     * The session a request's cookie proves, if it is validly signed, unexpired and its user is not suspended. A
     * pending user gets a session without scopes: enough to see that they are pending.
     */
    @Transactional(readOnly = true)
    Optional<Session> find(HttpServletRequest request) {
        String jwt = cookieValue(request, SESSION_COOKIE);
        if (jwt == null) {
            return Optional.empty();
        }
        Claims claims;
        long userId;
        try {
            claims = Jwts.parser()
                    .verifyWith(key)
                    .requireIssuer(issuer)
                    .requireAudience(AUDIENCE)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(jwt)
                    .getPayload();
            userId = Long.parseLong(claims.getSubject());
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String xsrf = claims.get("xsrf", String.class);
        return users.findById(userId)
                .filter(user -> user.status() != UserStatus.SUSPENDED)
                .map(user -> new Session(
                        new CurrentUser(user.id(), user.login(), user.role(), user.status(), scopesOf(user)), xsrf));
    }

    static boolean hasSessionCookie(HttpServletRequest request) {
        return cookieValue(request, SESSION_COOKIE) != null;
    }

    private static EnumSet<Scope> scopesOf(User user) {
        if (user.status() != UserStatus.ACTIVE) {
            return EnumSet.noneOf(Scope.class);
        }
        return user.role() == Role.ADMIN
                ? EnumSet.allOf(Scope.class)
                : EnumSet.of(Scope.READ, Scope.DEPLOY, Scope.INVOKE);
    }

    private static ResponseCookie cookie(String name, String value, boolean httpOnly, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(httpOnly)
                .secure(true)
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    private static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
