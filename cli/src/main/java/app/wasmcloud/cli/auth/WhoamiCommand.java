package app.wasmcloud.cli.auth;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.client.ApiClient;
import app.wasmcloud.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "whoami", description = "Show which account and API you are using.")
public final class WhoamiCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    public WhoamiCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ApiClient api = context.api();
        Account account = Account.of(api.api().toString(), api.get("/api/whoami", Whoami.class));
        Output output = context.output();
        if (output.json()) {
            output.json(account);
        } else {
            output.line("Logged in as " + account.describe());
        }
        return ExitCode.OK.code();
    }
}
