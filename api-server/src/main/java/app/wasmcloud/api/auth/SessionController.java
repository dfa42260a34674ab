package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/logout}: ends the browser session by clearing its cookies. */
@RestController
@Tag(name = "Login")
class SessionController {

    private final BrowserSessions sessions;

    SessionController(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    @Operation(summary = "End the browser session", description = """
                    Ends the browser session by clearing both cookies. Answers 204. Like every cookie request that
                    changes something, it needs the `X-XSRF-TOKEN` header.""")
    @PostMapping("/api/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(CurrentUser signedIn, HttpServletResponse response) {
        // Taking the caller makes this answer 401 without a valid session, and the CSRF check applies to it.
        sessions.end(response);
    }
}
