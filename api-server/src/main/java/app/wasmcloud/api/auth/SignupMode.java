package app.wasmcloud.api.auth;

import app.wasmcloud.api.user.UserStatus;
import java.util.Optional;

/** Who may become a user by logging in with Gitea for the first time ({@code wasmcloud.signup}). */
public enum SignupMode {
    /** Only the configured admins. */
    CLOSED,
    /** Anyone, but they wait as pending until an admin approves them. */
    APPROVAL,
    /** Anyone, active at once. */
    OPEN;

    /** The status a first-time user starts with, or empty when they may not sign up at all. */
    Optional<UserStatus> statusOfNewUser(boolean configuredAdmin) {
        if (configuredAdmin) {
            return Optional.of(UserStatus.ACTIVE);
        }
        return switch (this) {
            case CLOSED -> Optional.empty();
            case APPROVAL -> Optional.of(UserStatus.PENDING);
            case OPEN -> Optional.of(UserStatus.ACTIVE);
        };
    }
}
