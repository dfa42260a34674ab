package app.wasmcloud.cli.admin;

/**
 * A user as the admin endpoints describe one; also the `--output json` shape of `admin users|approve|suspend`.
 *
 * @param login the user's login name
 * @param giteaId their Gitea account's id, or null for a local user
 * @param role admin or user
 * @param status pending, active or suspended
 * @param tier examples, free or full
 * @param quotaOverrides what an admin set for this user alone; null fields follow the tier
 * @param application the application waiting in the admins' queue, or null
 * @param createdAt when they first logged in (ISO-8601)
 */
record UserView(
        String login,
        Long giteaId,
        String role,
        String status,
        String tier,
        Quotas quotaOverrides,
        Application application,
        String createdAt) {

    /** Quotas as the API spells them; null when not set. */
    record Quotas(Integer functions, Long invocationsPerDay, Long cpuSecondsPerDay, Integer requestsPerSecond) {}

    /** Why the user applies, and when. */
    record Application(String reason, String appliedAt) {}
}
