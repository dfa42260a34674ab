package app.wasmcloud.api.token;

import app.wasmcloud.api.auth.AuthProperties;
import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.user.User;
import app.wasmcloud.api.user.UserRepository;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues API tokens (signed JWTs whose jti is a row) and turns a presented token back into its user. */
@Service
public class ApiTokenService {

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final SecretKey key;
    private final String issuer;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, UserRepository users, AuthProperties properties, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.key = Keys.hmacShaKeyFor(properties.jwtKey());
        this.issuer = properties.issuer();
        this.clock = clock;
    }

    public record IssuedToken(UUID id, String name, String token, Instant expiresAt) {}

    @Transactional
    public IssuedToken issue(User user, String name, Set<Scope> scopes, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        List<String> scopeNames = scopes.stream().map(Scope::wireName).sorted().toList();
        tokens.save(new ApiToken(id, user.id(), name, scopeNames, expiresAt));
        String jwt = Jwts.builder()
                .id(id.toString())
                .subject(user.id().toString())
                .issuer(issuer)
                .issuedAt(Date.from(clock.instant()))
                .expiration(expiresAt == null ? null : Date.from(expiresAt))
                .claim("scopes", scopeNames)
                .signWith(key)
                .compact();
        return new IssuedToken(id, name, jwt, expiresAt);
    }

    /** Empty when the token is malformed, badly signed, expired, revoked, or its user is not active. */
    @Transactional
    public Optional<CurrentUser> authenticate(String jwt) {
        Claims claims;
        try {
            claims = Jwts.parser()
                    .verifyWith(key)
                    .requireIssuer(issuer)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(jwt)
                    .getPayload();
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
        UUID tokenId;
        try {
            tokenId = UUID.fromString(claims.getId());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        Optional<ApiToken> token = tokens.findById(tokenId).filter(candidate -> candidate.isUsableAt(clock.instant()));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = users.findById(token.get().userId()).filter(User::isActive);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        tokens.touchLastUsed(tokenId);
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        token.get().scopes().forEach(scope -> scopes.add(Scope.parse(scope)));
        User found = user.get();
        return Optional.of(new CurrentUser(found.id(), found.login(), found.role(), found.status(), scopes));
    }
}
