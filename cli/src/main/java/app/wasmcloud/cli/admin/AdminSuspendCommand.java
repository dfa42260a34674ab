package app.wasmcloud.cli.admin;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Confirmation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "suspend",
        description = {
            "Suspend a user: their tokens and functions stop working at once.",
            "Asks for confirmation when stdin is a terminal, unless --yes."
        })
public final class AdminSuspendCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "LOGIN", description = "The user's login.")
    String login;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    public AdminSuspendCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!yes
                && !Confirmation.ask(
                        context.terminal(),
                        "Suspend " + login + "? Their tokens and functions stop working at once.")) {
            throw new CliException(ExitCode.FAILURE, "aborted; " + login + " was not suspended");
        }
        return UserAction.perform(context, login, "suspend", null, "Suspended");
    }
}
