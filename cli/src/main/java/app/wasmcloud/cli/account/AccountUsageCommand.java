package app.wasmcloud.cli.account;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "usage",
        description = "Show your metered usage per UTC day: billed invocations, CPU time, bytes in and out, outbound"
                + " requests, and the refusals that were not billed.")
public final class AccountUsageCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "The first day to show (default: 30 days ago).")
    LocalDate since;

    public AccountUsageCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        UsageView usage = context.api()
                .get("/api/account/usage" + UsageTable.query(since == null ? null : since.toString()), UsageView.class);
        UsageTable.print(context.output(), usage);
        return ExitCode.OK.code();
    }
}
