package app.wasmcloud.api.user;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/users}: reviewing signups and suspending accounts. */
@RestController
@Tag(name = "Administration")
class AdminController {

    private final UserService users;

    AdminController(UserService users) {
        this.users = users;
    }

    record UserView(String login, Long giteaId, String role, String status, Instant createdAt) {}

    @Operation(summary = "List users", description = """
                    Needs the `admin` scope and the `admin` role; anyone else gets 403. All users, sorted by login.""")
    @GetMapping("/api/admin/users")
    List<UserView> list(
            CurrentUser caller,
            @Parameter(description = "Only users with this status: pending, active or suspended.")
                    @RequestParam(required = false)
                    String status) {
        return users.list(caller, parseStatus(status)).stream()
                .map(AdminController::view)
                .toList();
    }

    @Operation(summary = "Approve a user", description = """
                    Needs the `admin` scope and role. Makes the user `active`: approves a pending signup or lifts a
                    suspension. Answers with the user.""")
    @PostMapping("/api/admin/users/{login}/approve")
    UserView approve(CurrentUser caller, @PathVariable String login) {
        return view(users.approve(caller, login));
    }

    @Operation(summary = "Suspend a user", description = """
                    Needs the `admin` scope and role. Makes the user `suspended`: their tokens and sessions stop
                    working and their functions stop answering. Answers with the user. Suspending yourself gives
                    409.""")
    @PostMapping("/api/admin/users/{login}/suspend")
    UserView suspend(CurrentUser caller, @PathVariable String login) {
        return view(users.suspend(caller, login));
    }

    static UserView view(User user) {
        return new UserView(
                user.login(),
                user.giteaId(),
                user.role().name().toLowerCase(Locale.ROOT),
                user.status().name().toLowerCase(Locale.ROOT),
                user.createdAt());
    }

    private static UserStatus parseStatus(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text) {
            case "pending" -> UserStatus.PENDING;
            case "active" -> UserStatus.ACTIVE;
            case "suspended" -> UserStatus.SUSPENDED;
            default ->
                throw ApiException.badRequest("Invalid status '" + text + "': use pending, active or suspended.");
        };
    }
}
