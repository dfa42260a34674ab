package app.wasmcloud.api.user;

import app.wasmcloud.api.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account")
class WhoamiController {

    record Whoami(String login, String role, String status) {}

    @Operation(summary = "Who the credential belongs to", description = """
                    Any valid credential works, whatever its scopes. `role` is `user` or `admin`; `status` is
                    `pending`, `active` or `suspended`.""")
    @GetMapping("/api/whoami")
    Whoami whoami(CurrentUser user) {
        return new Whoami(
                user.login(),
                user.role().name().toLowerCase(),
                user.status().name().toLowerCase());
    }
}
