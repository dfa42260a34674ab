package app.wasmcloud.api.user;

import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.api.QuotasView;
import app.wasmcloud.contract.api.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/users}: reviewing signups and applications, tiers and quotas, suspending accounts. */
@RestController
@Tag(name = "Administration")
class AdminController {

    private final UserService users;

    AdminController(UserService users) {
        this.users = users;
    }

    record Decline(String message) {}

    @Operation(summary = "List users", description = """
                    Needs the `admin` scope and the `admin` role; anyone else gets 403. All users, sorted by login.
                    `status=pending` is the admins' queue: signups waiting for approval and users whose application
                    for a better tier waits for an answer (with its reason in `application`).""")
    @GetMapping("/api/admin/users")
    List<UserView> list(
            CurrentUser caller,
            @Parameter(description = "Only users with this status: pending, active or suspended.")
                    @RequestParam(required = false)
                    String status) {
        return users.list(caller, parseStatus(status)).stream()
                .map(user -> view(user, users.waitingApplication(user).orElse(null)))
                .toList();
    }

    @Operation(summary = "Approve a user", description = """
                    Needs the `admin` scope and role. Makes the user `active`: approves a pending signup, grants a
                    waiting application, or lifts a suspension. A signup or an application moves the user into
                    `tier` (`wasmcloud.tiers.approval-signup`, `free` by default, when none is named); lifting a
                    suspension keeps the tier unless one is named. Answers with the user.""")
    @PostMapping("/api/admin/users/{login}/approve")
    UserView approve(
            CurrentUser caller,
            @PathVariable String login,
            @Parameter(description = "The tier to move the user into: examples, free or full.")
                    @RequestParam(required = false)
                    String tier) {
        return view(users.approve(caller, login, tier == null ? null : parseTier(tier)), null);
    }

    @Operation(summary = "Decline an application", description = """
                    Needs the `admin` scope and role. Answers the user's waiting application with no; the user sees
                    `message` on their account and may apply again. 409 when nothing waits.""")
    @PostMapping("/api/admin/users/{login}/decline")
    UserView decline(CurrentUser caller, @PathVariable String login, @RequestBody Decline decline) {
        return view(users.decline(caller, login, decline.message()), null);
    }

    @Operation(summary = "Override a user's quotas", description = """
                    Needs the `admin` scope and role. Replaces the user's overrides of their tier's quotas: a field
                    that is set applies to this user alone, a null or missing one follows the tier. Executors apply
                    the run quotas at their next sync (a second by default).""")
    @PutMapping("/api/admin/users/{login}/quotas")
    UserView overrideQuotas(CurrentUser caller, @PathVariable String login, @RequestBody QuotasView quotas) {
        try {
            return view(users.overrideQuotas(caller, login, quotas.toQuotas()), null);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    @Operation(summary = "Suspend a user", description = """
                    Needs the `admin` scope and role. Makes the user `suspended`: their tokens and sessions stop
                    working and their functions stop answering. Answers with the user. Suspending yourself gives
                    409.""")
    @PostMapping("/api/admin/users/{login}/suspend")
    UserView suspend(CurrentUser caller, @PathVariable String login) {
        return view(users.suspend(caller, login), null);
    }

    static UserView view(User user, TierApplication waiting) {
        return new UserView(
                user.login(),
                user.giteaId(),
                user.role().name().toLowerCase(Locale.ROOT),
                user.status().name().toLowerCase(Locale.ROOT),
                user.tier().label(),
                QuotasView.of(user.quotaOverrides()),
                waiting == null ? null : new UserView.Application(waiting.reason(), waiting.createdAt()),
                user.createdAt());
    }

    static Tier parseTier(String text) {
        return Tier.parse(text)
                .orElseThrow(() -> ApiException.badRequest(
                        "Invalid tier '" + text + "': use " + String.join(", ", Tier.labels()) + "."));
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
