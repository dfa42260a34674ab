package app.wasmcloud.api.token;

import app.wasmcloud.api.security.AuthProperties;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.user.User;
import app.wasmcloud.api.user.UserRepository;
import app.wasmcloud.api.web.ApiException;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Clock;
import java.time.Duration;
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

    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_EXPIRY_DAYS = 3650;

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

    public record IssuedToken(UUID id, String name, List<String> scopes, String token, Instant expiresAt) {

        /** Never prints the token. */
        @Override
        public String toString() {
            return "IssuedToken[" + id + ", " + name + "]";
        }
    }

    /**
     * A token the caller asked for. It may carry only scopes the caller's own credential has, so a read-only token
     * cannot mint a deploy token, and {@code admin} only for admins.
     */
    @Transactional
    public IssuedToken create(CurrentUser caller, String name, List<String> scopeNames, Integer expiresInDays) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("Give the token a name of 1 to " + MAX_NAME_LENGTH
                    + " characters that says where it is used, e.g. \"laptop\" or \"ci\".");
        }
        if (scopeNames == null || scopeNames.isEmpty()) {
            throw ApiException.badRequest("Give the token at least one scope: read, deploy, invoke or admin.");
        }
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String scopeName : scopeNames) {
            try {
                scopes.add(Scope.parse(scopeName));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Unknown scope '" + scopeName + "': use read, deploy, invoke or admin.");
            }
        }
        requireCanGrant(caller, scopes);
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS)) {
            throw ApiException.badRequest("Invalid expiresInDays " + expiresInDays + ": use 1 to " + MAX_EXPIRY_DAYS
                    + ", or leave it out for a token that does not expire.");
        }
        User user = users.findById(caller.id()).orElseThrow();
        Instant expiresAt = expiresInDays == null ? null : clock.instant().plus(Duration.ofDays(expiresInDays));
        return issue(user, name.strip(), scopes, expiresAt);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(CurrentUser caller) {
        return tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(caller.id());
    }

    /** Revokes at once: the next request with the token gets 401. Someone else's token is reported missing. */
    @Transactional
    public void revoke(CurrentUser caller, UUID id) {
        ApiToken token = tokens.findById(id)
                .filter(candidate -> candidate.userId() == caller.id() && !candidate.isRevoked())
                .orElseThrow(() -> ApiException.notFound("You have no token with id " + id + "."));
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        token.scopes().forEach(scope -> scopes.add(Scope.parse(scope)));
        requireCanGrant(caller, scopes);
        token.revoke(clock.instant());
    }

    private static void requireCanGrant(CurrentUser caller, Set<Scope> scopes) {
        for (Scope scope : scopes) {
            if (!caller.scopes().contains(scope) || (scope == Scope.ADMIN && caller.role() != Role.ADMIN)) {
                throw ApiException.forbidden("Your credential lacks the '" + scope.wireName()
                        + "' scope, so it cannot manage a token that has it.");
            }
        }
    }

    @Transactional
    public IssuedToken issue(User user, String name, Set<Scope> scopes, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        List<String> scopeNames = scopes.stream().map(Scope::wireName).sorted().toList();
        tokens.save(new ApiToken(id, user.id(), name, scopeNames, expiresAt));
        return signed(id, user, name, scopeNames, expiresAt);
    }

    /**
     * The user's one live token of this name: the existing one while it has more than a day left (signed afresh, it
     * is the same credential with the same row), else a new one lasting {@code lifetime}. Every other token of that
     * name is revoked, so repeated calls (each {@code ./dev} start) never leave a trail of working tokens.
     */
    @Transactional
    public IssuedToken issueSingle(User user, String name, Set<Scope> scopes, Duration lifetime) {
        Instant now = clock.instant();
        List<String> scopeNames = scopes.stream().map(Scope::wireName).sorted().toList();
        Optional<ApiToken> reusable = Optional.empty();
        for (ApiToken token : tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(user.id())) {
            if (!token.name().equals(name)) {
                continue;
            }
            boolean fresh = token.expiresAt() != null
                    && token.expiresAt().isAfter(now.plus(Duration.ofDays(1)))
                    && token.expiresAt().isBefore(now.plus(lifetime).plusSeconds(1))
                    && token.scopes().equals(scopeNames);
            if (reusable.isEmpty() && fresh) {
                reusable = Optional.of(token);
            } else {
                token.revoke(now);
            }
        }
        if (reusable.isPresent()) {
            ApiToken token = reusable.get();
            return signed(token.id(), user, name, scopeNames, token.expiresAt());
        }
        return issue(user, name, scopes, now.plus(lifetime));
    }

    private IssuedToken signed(UUID id, User user, String name, List<String> scopeNames, Instant expiresAt) {
        String jwt = Jwts.builder()
                .id(id.toString())
                .subject(user.id().toString())
                .issuer(issuer)
                .issuedAt(Date.from(clock.instant()))
                .expiration(expiresAt == null ? null : Date.from(expiresAt))
                .claim("scopes", scopeNames)
                .signWith(key)
                .compact();
        return new IssuedToken(id, name, scopeNames, jwt, expiresAt);
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
