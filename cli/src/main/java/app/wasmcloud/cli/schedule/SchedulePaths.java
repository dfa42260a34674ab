package app.wasmcloud.cli.schedule;

import java.util.UUID;

/** The schedule endpoints' paths. */
final class SchedulePaths {
    private SchedulePaths() {}

    static String list(String function) {
        return "/api/functions/" + function + "/schedules";
    }

    static String schedule(String function, String id) {
        return list(function) + "/" + parseId(id);
    }

    /** A schedule id as `schedules list` prints it; anything else is a usage error before any request. */
    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new app.wasmcloud.cli.CliException(
                    app.wasmcloud.cli.ExitCode.USAGE,
                    "'" + id + "' is not a schedule id (see wasmcloud schedules list)");
        }
    }
}
