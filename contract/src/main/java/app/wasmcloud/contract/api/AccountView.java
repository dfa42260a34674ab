package app.wasmcloud.contract.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/account}: the caller's tier, quotas and application; also the {@code --output json} shape of {@code
 * account show}.
 */
public record AccountView(
        String login,
        String role,
        String status,
        @Schema(description = "examples, free or full.") String tier,

        @Schema(description = "The quotas the account runs under: its tier's, with any override; null is no limit.")
        QuotasView quotas,

        @Schema(description = "What an admin set for this account alone; null fields follow the tier.")
        QuotasView quotaOverrides,

        @Schema(description = "The latest application for a better tier, or null if there has been none.")
        Application application,

        @Schema(description = "What the examples tier may deploy: each example's path and SHA-256.")
        List<Example> examples) {

    /** An application for a better tier and its answer. */
    @Schema(name = "ApplicationView")
    public record Application(
            @Schema(description = "pending, approved or declined.")
            String state,

            String reason,

            @Schema(description = "The tier granted, once approved.")
            String tier,

            @Schema(description = "The admin's message, once declined.")
            String message,

            Instant appliedAt,
            Instant decidedAt) {}

    /** A module the examples tier may deploy. */
    public record Example(String path, String sha256) {}
}
