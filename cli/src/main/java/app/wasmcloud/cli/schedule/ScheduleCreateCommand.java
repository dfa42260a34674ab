package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.function.FunctionNameConverter;
import app.wasmcloud.contract.api.ScheduleView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "create",
        description = {
            "Run a function on a cron schedule: at every slot it is invoked in the background and retried like "
                    + "--async; a request whose attempts all fail goes to the dead letters.",
            "Example: wasmcloud schedules create report --cron '0 9 * * MON-FRI' -z Europe/Paris --path /daily"
        })
public final class ScheduleCreateCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    ScheduleDefinition definition;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    public ScheduleCreateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (definition.cron == null) {
            throw new CliException(ExitCode.USAGE, "--cron is required, e.g. --cron '*/5 * * * *'");
        }
        ScheduleView created = context.api().post(SchedulePaths.list(name), definition.body(), ScheduleView.class);
        return ScheduleText.report(context.output(), created, "Created");
    }
}
