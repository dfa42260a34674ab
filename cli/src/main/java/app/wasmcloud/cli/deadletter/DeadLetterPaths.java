package app.wasmcloud.cli.deadletter;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.ExitCode;
import java.util.UUID;

/** The dead-letter endpoints' paths. */
final class DeadLetterPaths {
    private DeadLetterPaths() {}

    static String list(String function) {
        return "/api/functions/" + function + "/dead-letters";
    }

    /** A dead letter's path; an id that is not one is a usage error before any request. */
    static String letter(String function, String id) {
        try {
            return list(function) + "/" + UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    ExitCode.USAGE, "'" + id + "' is not a dead letter id (see wasmcloud dead-letters list)");
        }
    }
}
