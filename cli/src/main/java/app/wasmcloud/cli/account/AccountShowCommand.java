package app.wasmcloud.cli.account;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.AccountView;
import app.wasmcloud.contract.api.QuotasView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "show", description = "Show your tier, the quotas you run under and your latest application.")
public final class AccountShowCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    public AccountShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AccountView account = context.api().get("/api/account", AccountView.class);
        Output output = context.output();
        if (output.json()) {
            output.json(account);
            return ExitCode.OK.code();
        }
        QuotasView quotas = account.quotas();
        output.table(
                List.of("FIELD", "VALUE"),
                List.of(
                        List.of("login", account.login()),
                        List.of("tier", account.tier()),
                        List.of("functions", limit(quotas.functions())),
                        List.of("invocations/day", limit(quotas.invocationsPerDay())),
                        List.of("cpu seconds/day", limit(quotas.cpuSecondsPerDay())),
                        List.of("requests/s per function", limit(quotas.requestsPerSecond()))));
        AccountView.Application application = account.application();
        if (application != null) {
            output.line("Application (" + application.appliedAt() + "): " + application.state()
                    + switch (application.state()) {
                        case "approved" -> ", into " + application.tier();
                        case "declined" -> ": " + application.message();
                        default -> ", waiting for an admin";
                    });
        } else if ("examples".equals(account.tier())) {
            output.note("You may deploy only the examples; `wasmcloud account apply --reason TEXT` asks for more.");
        }
        return ExitCode.OK.code();
    }

    /** The API leaves out a quota the account does not have. */
    private static String limit(Number quota) {
        return quota == null ? "no limit" : quota.toString();
    }
}
