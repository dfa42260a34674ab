package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.tier.TierProperties;
import app.wasmcloud.contract.Tier;
import java.util.Optional;

/** Who may become a user by logging in with Gitea for the first time ({@code wasmcloud.signup}). */
public enum SignupMode {
    /** Only the configured admins. */
    CLOSED,
    /** Anyone, but they wait as pending until an admin approves them. */
    APPROVAL,
    /** Anyone, active at once, in {@code wasmcloud.tiers.open-signup} (the examples tier unless set otherwise). */
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

    /**
     * The tier a first-time user starts in. A pending signup waits in the examples tier; approving it names the tier
     * it gets ({@code wasmcloud.tiers.approval-signup} unless the admin says otherwise).
     */
    Tier tierOfNewUser(boolean configuredAdmin, TierProperties tiers) {
        if (configuredAdmin) {
            return Tier.FULL;
        }
        return this == OPEN ? tiers.openSignup() : Tier.EXAMPLES;
    }
}
