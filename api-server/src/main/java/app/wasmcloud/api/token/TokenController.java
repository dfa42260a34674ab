package app.wasmcloud.api.token;

import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.token.ApiTokenService.IssuedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tokens}: a user's API tokens. The token itself is shown once, when it is created. */
@RestController
@Tag(name = "Tokens")
class TokenController {

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record CreateToken(String name, List<String> scopes, Integer expiresInDays) {}

    record CreatedToken(UUID id, String name, List<String> scopes, Instant expiresAt, String token) {}

    record TokenView(
            UUID id, String name, List<String> scopes, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {}

    @Operation(summary = "Create an API token", description = """
                    Answers 201 with the token; the `token` field is shown this once and never again.

                    | field | meaning |
                    |---|---|
                    | `name` | Required, 1 to 100 characters: where the token is used. |
                    | `scopes` | Required, at least one of `read`, `deploy`, `invoke`, `admin`. Only scopes the calling credential has itself, so a read-only token cannot mint a deploy token; `admin` only for administrators. |
                    | `expiresInDays` | 1 to 3650; leave it out for a token that never expires. `expiresAt` is `null` then. |""")
    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken create(CurrentUser caller, @RequestBody CreateToken request) {
        IssuedToken issued = tokens.create(caller, request.name(), request.scopes(), request.expiresInDays());
        return new CreatedToken(issued.id(), issued.name(), issued.scopes(), issued.expiresAt(), issued.token());
    }

    @Operation(summary = "List your tokens", description = """
                    Your tokens that have not been revoked (expired ones included), newest first. Needs `read`. The
                    secret part is never shown again. `lastUsedAt` is updated at most once every five minutes, and
                    is `null` for a token never used.""")
    @GetMapping("/api/tokens")
    List<TokenView> list(CurrentUser caller) {
        caller.require(Scope.READ);
        return tokens.list(caller).stream()
                .map(token -> new TokenView(
                        token.id(),
                        token.name(),
                        token.scopes(),
                        token.createdAt(),
                        token.expiresAt(),
                        token.lastUsedAt()))
                .toList();
    }

    @Operation(summary = "Revoke a token", description = """
                    The next request with the token gets 401. Answers 204. The calling credential must itself have
                    every scope of the token it revokes. Someone else's token, or one already revoked, gives 404.""")
    @DeleteMapping("/api/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(CurrentUser caller, @PathVariable UUID id) {
        tokens.revoke(caller, id);
    }
}
