package app.wasmcloud.cli.admin;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.account.UsageTable;
import app.wasmcloud.cli.account.UsageView;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "usage", description = "Show a user's metered usage per UTC day, as `account usage` shows yours.")
public final class AdminUsageCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "LOGIN", description = "The user's login.")
    String login;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "The first day to show (default: 30 days ago).")
    LocalDate since;

    public AdminUsageCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        UsageView usage = context.api()
                .get(
                        UserAction.path(login, "usage") + UsageTable.query(since == null ? null : since.toString()),
                        UsageView.class);
        UsageTable.print(context.output(), usage);
        return ExitCode.OK.code();
    }
}
