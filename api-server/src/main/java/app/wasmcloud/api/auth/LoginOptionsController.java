package app.wasmcloud.api.auth;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/login-options}: which sign-in buttons the panel should offer, asked before anyone is signed in. */
@RestController
class LoginOptionsController {

    private final boolean devLogin;
    private final ObjectProvider<ClientRegistrationRepository> giteaLogin;

    LoginOptionsController(AuthProperties properties, ObjectProvider<ClientRegistrationRepository> giteaLogin) {
        this.devLogin = properties.devLogin();
        this.giteaLogin = giteaLogin;
    }

    record LoginOptions(boolean devLogin, boolean gitea) {}

    @GetMapping("/api/login-options")
    LoginOptions options() {
        return new LoginOptions(devLogin, giteaLogin.getIfAvailable() != null);
    }
}
