package app.wasmcloud.api.auth;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/logout}: ends the browser session by clearing its cookies. */
@RestController
class SessionController {

    private final BrowserSessions sessions;

    SessionController(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(CurrentUser signedIn, HttpServletResponse response) {
        // Taking the caller makes this answer 401 without a valid session, and the CSRF check applies to it.
        sessions.end(response);
    }
}
