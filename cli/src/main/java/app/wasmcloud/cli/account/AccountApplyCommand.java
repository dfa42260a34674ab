package app.wasmcloud.cli.account;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.AccountView;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "apply",
        description = "Apply for the free tier: deploy your own modules, not only the examples. An admin reviews it;"
                + " `wasmcloud account show` shows the answer.")
public final class AccountApplyCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Option(
            names = "--reason",
            required = true,
            paramLabel = "TEXT",
            description = "What you want to build, for the admins (up to 2000 characters).")
    String reason;

    public AccountApplyCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AccountView.Application application =
                context.api().post("/api/account/application", Map.of("reason", reason), AccountView.Application.class);
        Output output = context.output();
        if (output.json()) {
            output.json(application);
        } else {
            output.line("Applied; an admin will review it. `wasmcloud account show` shows the answer.");
        }
        return ExitCode.OK.code();
    }
}
