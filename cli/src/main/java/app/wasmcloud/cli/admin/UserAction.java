package app.wasmcloud.cli.admin;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.UserView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Approve, decline and suspend: one POST to the user's action endpoint, the same report. */
final class UserAction {
    private UserAction() {}

    static int perform(CommandContext context, String login, String action, Object body, String verb) {
        UserView user = context.api().post(path(login, action), body, UserView.class);
        Output output = context.output();
        if (output.json()) {
            output.json(user);
        } else {
            output.line(verb + " " + user.login() + (user.tier() == null ? "" : " (tier " + user.tier() + ")"));
        }
        return ExitCode.OK.code();
    }

    static String path(String login, String action) {
        return "/api/admin/users/" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "/" + action;
    }
}
