package app.wasmcloud.cli.admin;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.QuotasView;
import app.wasmcloud.contract.api.UserView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "quotas",
        description = "Override a user's quotas: each option given applies to this user alone, each one left out"
                + " follows their tier (so `quotas LOGIN` alone clears every override).")
public final class AdminQuotasCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "LOGIN", description = "The user's login.")
    String login;

    @Option(names = "--functions", paramLabel = "N", description = "Live functions the user may own.")
    Integer functions;

    @Option(names = "--invocations-per-day", paramLabel = "N", description = "Billed invocations per UTC day.")
    Long invocationsPerDay;

    @Option(names = "--cpu-seconds-per-day", paramLabel = "N", description = "Guest CPU seconds per UTC day.")
    Long cpuSecondsPerDay;

    @Option(
            names = "--requests-per-second",
            paramLabel = "N",
            description = "Requests per second to each of the user's functions.")
    Integer requestsPerSecond;

    public AdminQuotasCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        UserView user = context.api()
                .put(
                        UserAction.path(login, "quotas"),
                        new QuotasView(functions, invocationsPerDay, cpuSecondsPerDay, requestsPerSecond),
                        UserView.class);
        Output output = context.output();
        if (output.json()) {
            output.json(user);
        } else {
            output.line("Quotas of " + user.login() + " set; the rest follow the " + user.tier() + " tier");
        }
        return ExitCode.OK.code();
    }
}
