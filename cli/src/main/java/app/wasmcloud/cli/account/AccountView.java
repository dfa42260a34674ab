package app.wasmcloud.cli.account;

import java.util.List;

/**
 * `GET /api/account`; also the `--output json` shape of `account show`.
 *
 * @param tier examples, free or full
 * @param quotas what the account runs under: its tier's quotas with any override; null is no limit
 * @param quotaOverrides what an admin set for this account alone; null fields follow the tier
 * @param application the latest application for a better tier, or null
 * @param examples what the examples tier may deploy
 */
record AccountView(
        String login,
        String role,
        String status,
        String tier,
        Quotas quotas,
        Quotas quotaOverrides,
        Application application,
        List<Example> examples) {

    /** Quotas as the API spells them; null when not set. */
    record Quotas(Integer functions, Long invocationsPerDay, Long cpuSecondsPerDay, Integer requestsPerSecond) {}

    /**
     * An application and its answer.
     *
     * @param state pending, approved or declined
     * @param tier the tier granted, once approved
     * @param message the admin's reason, once declined
     */
    record Application(String state, String reason, String tier, String message, String appliedAt, String decidedAt) {}

    record Example(String path, String sha256) {}
}
