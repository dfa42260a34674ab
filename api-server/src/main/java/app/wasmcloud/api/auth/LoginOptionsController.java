package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.AuthProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/login-options}: which sign-in buttons the panel should offer, asked before anyone is signed in. */
@RestController
@Tag(name = "Login")
class LoginOptionsController {

    private final boolean devLogin;
    private final ObjectProvider<ClientRegistrationRepository> giteaLogin;

    LoginOptionsController(AuthProperties properties, ObjectProvider<ClientRegistrationRepository> giteaLogin) {
        this.devLogin = properties.devLogin();
        this.giteaLogin = giteaLogin;
    }

    record LoginOptions(boolean devLogin, boolean gitea) {}

    @Operation(summary = "Which logins this server offers", description = """
                    Asked by the panel before anyone is signed in, to know which buttons to show: `devLogin` is true
                    in dev mode, `gitea` when a Gitea OAuth application is configured (then `GET
                    /oauth2/authorization/gitea` starts the login). Needs no credential.""")
    @GetMapping("/api/login-options")
    LoginOptions options() {
        return new LoginOptions(devLogin, giteaLogin.getIfAvailable() != null);
    }
}
