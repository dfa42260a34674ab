package app.wasmcloud.contract.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A user as the admin endpoints describe one; also the {@code --output json} shape of {@code admin
 * users|approve|suspend}.
 *
 * @param login the user's login name
 * @param giteaId their Gitea account's id, or null for a local user
 * @param role admin or user
 * @param status pending, active or suspended
 * @param tier examples, free or full
 * @param quotaOverrides what an admin set for this user alone; null fields follow the tier
 * @param application the application waiting in the admins' queue, or null
 * @param createdAt when they first logged in
 */
public record UserView(
        String login,
        Long giteaId,
        String role,
        String status,
        String tier,
        QuotasView quotaOverrides,
        Application application,
        Instant createdAt) {

    /** An application waiting in the queue: why the user asks, and since when. */
    @Schema(name = "WaitingApplication")
    public record Application(String reason, Instant appliedAt) {}
}
