package app.wasmcloud.cli.admin;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.GlobalOptions;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "decline",
        description = "Decline a user's application for a better tier; they see the message and may apply again.")
public final class AdminDeclineCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "LOGIN", description = "The user's login.")
    String login;

    @Option(names = "--message", required = true, paramLabel = "TEXT", description = "Why, for the user to read.")
    String message;

    public AdminDeclineCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return UserAction.perform(context, login, "decline", Map.of("message", message), "Declined");
    }
}
