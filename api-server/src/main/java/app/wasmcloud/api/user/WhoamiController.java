package app.wasmcloud.api.user;

import app.wasmcloud.api.auth.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WhoamiController {

    record Whoami(String login, String role, String status) {}

    @GetMapping("/api/whoami")
    Whoami whoami(CurrentUser user) {
        return new Whoami(
                user.login(),
                user.role().name().toLowerCase(),
                user.status().name().toLowerCase());
    }
}
