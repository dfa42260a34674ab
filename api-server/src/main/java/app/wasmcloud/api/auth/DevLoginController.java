package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.AuthProperties;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.token.ApiTokenService;
import app.wasmcloud.api.token.ApiTokenService.IssuedToken;
import app.wasmcloud.api.user.User;
import app.wasmcloud.api.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dev mode's login, which needs no Gitea: hands the local admin {@code dev} a token, or the panel a browser session,
 * on loopback only.
 */
@RestController
@Tag(name = "Login")
@ConditionalOnProperty(name = "wasmcloud.auth.dev-login", havingValue = "true")
class DevLoginController {

    private final DevAdmin devAdmin;
    private final ApiTokenService tokens;
    private final LoginMetrics metrics;
    private final BrowserSessions sessions;
    private final ServerNames serverNames;
    private final Duration tokenLifetime;

    DevLoginController(
            DevAdmin devAdmin,
            ApiTokenService tokens,
            LoginMetrics metrics,
            BrowserSessions sessions,
            ServerNames serverNames,
            AuthProperties properties) {
        this.devAdmin = devAdmin;
        this.tokens = tokens;
        this.metrics = metrics;
        this.sessions = sessions;
        this.serverNames = serverNames;
        this.tokenLifetime = properties.devTokenLifetime();
    }

    record DevToken(String login, String token, Instant expiresAt) {}

    @Operation(summary = "Dev mode: a token for the local admin", description = """
                    Dev mode only (the server must be started with the dev login enabled, which it refuses unless
                    bound to loopback). Answers `{"login": "dev", "token": "..."}`: a token with every scope for the
                    local admin `dev`, which never expires. A request that does not come from the machine itself
                    gets 403.""")
    @PostMapping("/api/dev/token")
    @Transactional
    DevToken devToken(HttpServletRequest request) {
        User user = localAdmin(request);
        IssuedToken issued = tokens.issueSingle(user, "dev", EnumSet.allOf(Scope.class), tokenLifetime);
        metrics.login(LoginMetrics.Method.DEV, LoginMetrics.Result.SUCCESS);
        return new DevToken(user.login(), issued.token(), issued.expiresAt());
    }

    /** The panel's dev login button: the same session cookies a Gitea login sets, so no token reaches the page. */
    @Operation(summary = "Dev mode: a browser session for the local admin", description = """
                    Dev mode only: the panel's dev login button. Sets the same session cookies a Gitea login sets,
                    so no token reaches the page, and answers 204. A request that does not come from the machine
                    itself gets 403.""")
    @PostMapping("/api/dev/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void devSession(HttpServletRequest request, HttpServletResponse response) {
        sessions.start(localAdmin(request), response);
        metrics.login(LoginMetrics.Method.DEV, LoginMetrics.Result.SUCCESS);
    }

    private User localAdmin(HttpServletRequest request) {
        if (!DevAdmin.isLocal(request)) {
            metrics.login(LoginMetrics.Method.DEV, LoginMetrics.Result.REFUSED);
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "The dev login answers only on loopback.");
        }
        if (!serverNames.accepts(request)) {
            metrics.login(LoginMetrics.Method.DEV, LoginMetrics.Result.REFUSED);
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "The dev login answers only to a loopback host name such as 127.0.0.1 or localhost (or one of"
                            + " wasmcloud.auth.server-names), not '" + request.getServerName() + "'.");
        }
        return devAdmin.user();
    }
}
