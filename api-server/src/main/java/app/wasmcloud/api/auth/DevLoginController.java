package app.wasmcloud.api.auth;

import app.wasmcloud.api.token.ApiTokenService;
import app.wasmcloud.api.token.ApiTokenService.IssuedToken;
import app.wasmcloud.api.token.Scope;
import app.wasmcloud.api.user.User;
import app.wasmcloud.api.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dev mode's login, which needs no Gitea: hands the local admin {@code dev} a token, on loopback only. */
@RestController
@ConditionalOnProperty(name = "wasmcloud.auth.dev-login", havingValue = "true")
class DevLoginController {

    private final DevAdmin devAdmin;
    private final ApiTokenService tokens;
    private final LoginMetrics metrics;

    DevLoginController(DevAdmin devAdmin, ApiTokenService tokens, LoginMetrics metrics) {
        this.devAdmin = devAdmin;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    record DevToken(String login, String token) {}

    @PostMapping("/api/dev/token")
    @Transactional
    DevToken devToken(HttpServletRequest request) {
        if (!DevAdmin.isLocal(request)) {
            metrics.login(LoginMetrics.Method.DEV, LoginMetrics.Result.REFUSED);
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "The dev login answers only on loopback.");
        }
        User user = devAdmin.user();
        IssuedToken issued = tokens.issue(user, "dev", EnumSet.allOf(Scope.class), null);
        metrics.login(LoginMetrics.Method.DEV, LoginMetrics.Result.SUCCESS);
        return new DevToken(user.login(), issued.token());
    }
}
