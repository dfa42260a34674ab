package app.wasmcloud.cli.account;

import java.util.List;

/**
 * `GET /api/account/usage`; also the `--output json` shape of `account usage`.
 *
 * @param since the first day asked for (YYYY-MM-DD)
 * @param days the days with any usage, oldest first
 */
public record UsageView(String login, String since, List<Day> days) {

    /**
     * One UTC day's metered usage.
     *
     * @param invocations billed invocations
     * @param cpuTimeUs guest CPU time in microseconds
     * @param refused refusals (over a quota, throttled, overloaded), not billed
     */
    public record Day(
            String day,
            long invocations,
            long cpuTimeUs,
            long bytesIn,
            long bytesOut,
            long outboundRequests,
            long refused) {}
}
