package app.wasmcloud.cli.admin;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.GlobalOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "approve", description = "Approve a pending user (or reactivate a suspended one).")
public final class AdminApproveCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "LOGIN", description = "The user's login.")
    String login;

    public AdminApproveCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return UserAction.perform(context, login, "approve", "Approved");
    }
}
