package app.wasmcloud.api.auth;

import app.wasmcloud.api.token.ApiTokenService;
import app.wasmcloud.api.token.ApiTokenService.IssuedToken;
import app.wasmcloud.api.token.Scope;
import app.wasmcloud.api.user.Role;
import app.wasmcloud.api.user.User;
import app.wasmcloud.api.user.UserRepository;
import app.wasmcloud.api.user.UserStatus;
import app.wasmcloud.api.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dev mode's login, which needs no Gitea: hands the local admin {@code dev} a token. It exists only when
 * {@code wasmcloud.auth.dev-login=true}, and the server refuses to start that way unless bound to loopback.
 */
@RestController
@ConditionalOnProperty(name = "wasmcloud.auth.dev-login", havingValue = "true")
class DevLoginController {

    static final String DEV_LOGIN = "dev";

    private final UserRepository users;
    private final ApiTokenService tokens;

    DevLoginController(UserRepository users, ApiTokenService tokens, @Value("${server.address:}") String serverAddress)
            throws UnknownHostException {
        if (serverAddress.isBlank() || !InetAddress.getByName(serverAddress).isLoopbackAddress()) {
            throw new IllegalStateException("wasmcloud.auth.dev-login=true needs server.address bound to loopback"
                    + " (e.g. 127.0.0.1); it is '" + serverAddress + "'");
        }
        this.users = users;
        this.tokens = tokens;
    }

    record DevToken(String login, String token) {}

    @PostMapping("/api/dev/token")
    @Transactional
    DevToken devToken(HttpServletRequest request) throws UnknownHostException {
        if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "The dev login answers only on loopback.");
        }
        User user = users.findByLogin(DEV_LOGIN)
                .orElseGet(() -> users.save(new User(DEV_LOGIN, Role.ADMIN, UserStatus.ACTIVE)));
        user.activateAsAdmin();
        IssuedToken issued = tokens.issue(user, "dev", EnumSet.allOf(Scope.class), null);
        return new DevToken(user.login(), issued.token());
    }
}
