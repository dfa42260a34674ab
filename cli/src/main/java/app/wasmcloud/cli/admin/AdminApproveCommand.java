package app.wasmcloud.cli.admin;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.GlobalOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "approve",
        description = "Approve a pending signup or an application, into a tier (the server's default, free, unless"
                + " --tier says otherwise); or reactivate a suspended user.")
public final class AdminApproveCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "LOGIN", description = "The user's login.")
    String login;

    @Option(
            names = "--tier",
            paramLabel = "TIER",
            description = "The tier to move the user into: examples, free or full.")
    String tier;

    public AdminApproveCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return UserAction.perform(
                context,
                login,
                "approve" + (tier == null ? "" : "?tier=" + URLEncoder.encode(tier, StandardCharsets.UTF_8)),
                null,
                "Approved");
    }
}
