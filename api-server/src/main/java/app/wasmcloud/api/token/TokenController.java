package app.wasmcloud.api.token;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.token.ApiTokenService.IssuedToken;
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
class TokenController {

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record CreateToken(String name, List<String> scopes, Integer expiresInDays) {}

    record CreatedToken(UUID id, String name, List<String> scopes, Instant expiresAt, String token) {}

    record TokenView(
            UUID id, String name, List<String> scopes, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {}

    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken create(CurrentUser caller, @RequestBody CreateToken request) {
        IssuedToken issued = tokens.create(caller, request.name(), request.scopes(), request.expiresInDays());
        return new CreatedToken(issued.id(), issued.name(), issued.scopes(), issued.expiresAt(), issued.token());
    }

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

    @DeleteMapping("/api/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(CurrentUser caller, @PathVariable UUID id) {
        tokens.revoke(caller, id);
    }
}
