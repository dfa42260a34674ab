package app.wasmcloud.cli.admin;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.output.Output;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Approve and suspend: one POST to the user's action endpoint, the same report. */
final class UserAction {
    private UserAction() {}

    /** The `--output json` answer when the API answers with no body. */
    record Done(String login, String status) {}

    static int perform(CommandContext context, String login, String action, String status, String verb) {
        JsonNode answer = context.api()
                .call(
                        "POST",
                        "/api/admin/users/" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "/" + action,
                        null);
        Output output = context.output();
        if (output.json()) {
            if (answer.isMissingNode()) {
                output.json(new Done(login, status));
            } else {
                output.json(answer);
            }
        } else {
            output.line(verb + " " + login);
        }
        return ExitCode.OK.code();
    }
}
