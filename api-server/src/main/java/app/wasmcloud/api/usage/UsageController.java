package app.wasmcloud.api.usage;

import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Metered usage per UTC day: the caller's own, or any user's for an admin. */
@RestController
@Tag(name = "Account")
class UsageController {

    private static final int DEFAULT_DAYS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UsageProperties properties;

    UsageController(JdbcClient jdbc, Clock clock, UsageProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Schema(name = "DailyUsage")
    record DailyUsage(
            @Schema(description = "The UTC day, YYYY-MM-DD.")
            LocalDate day,

            @Schema(description = "Billed invocations: everything the guest ran for.")
            long invocations,

            @Schema(description = "Guest CPU time, in microseconds.")
            long cpuTimeUs,

            long bytesIn,
            long bytesOut,

            @Schema(description = "HTTP requests the guests made.")
            long outboundRequests,

            @Schema(description = "Refusals (over a quota, throttled, overloaded, unavailable), not billed.")
            long refused) {}

    record Usage(String login, LocalDate since, List<DailyUsage> days) {}

    @Operation(summary = "Your usage", description = """
                    Needs the `read` scope. Your metered usage per UTC day from `since` (30 days ago by default)
                    to today, oldest first, only days with any; rolled up from the invocation records every
                    `wasmcloud.usage.rollup-interval` (a minute) and kept after the records are pruned.""")
    @GetMapping("/api/account/usage")
    Usage usage(
            CurrentUser caller,
            @Parameter(description = "The first day, YYYY-MM-DD.") @RequestParam(required = false) String since) {
        caller.require(Scope.READ);
        return usageOf(caller.id(), caller.login(), since);
    }

    @Operation(summary = "A user's usage", description = """
                    Needs the `admin` scope and role. The same as `GET /api/account/usage`, for any user.""")
    @GetMapping("/api/admin/users/{login}/usage")
    Usage usageOfUser(
            CurrentUser caller,
            @PathVariable String login,
            @Parameter(description = "The first day, YYYY-MM-DD.") @RequestParam(required = false) String since) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Only admins, with a token that has the 'admin' scope, may manage users.");
        }
        long id = jdbc.sql("SELECT id FROM users WHERE login = :login")
                .param("login", login)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("No user with the login '" + login + "'."));
        return usageOf(id, login, since);
    }

    private Usage usageOf(long userId, String login, String sinceText) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate since = parseSince(sinceText, today);
        if (since.isBefore(today.minusDays(properties.maxDays() - 1L))) {
            throw ApiException.badRequest("Ask for at most " + properties.maxDays() + " days: since "
                    + today.minusDays(properties.maxDays() - 1L) + " or later.");
        }
        List<DailyUsage> days = jdbc.sql("""
                        SELECT day, invocations, cpu_time_us, bytes_in, bytes_out, outbound_requests, refused
                        FROM daily_usage WHERE user_id = :user AND day >= :since ORDER BY day""")
                .param("user", userId)
                .param("since", since)
                .query((rs, row) -> new DailyUsage(
                        rs.getObject("day", LocalDate.class),
                        rs.getLong("invocations"),
                        rs.getLong("cpu_time_us"),
                        rs.getLong("bytes_in"),
                        rs.getLong("bytes_out"),
                        rs.getLong("outbound_requests"),
                        rs.getLong("refused")))
                .list();
        return new Usage(login, since, days);
    }

    private static LocalDate parseSince(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today.minusDays(DEFAULT_DAYS - 1L);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid day '" + text + "': use YYYY-MM-DD, e.g. " + today + ".");
        }
    }
}
