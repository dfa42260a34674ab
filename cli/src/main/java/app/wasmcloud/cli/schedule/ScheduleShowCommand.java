package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.ScheduleView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "show", description = "Show a schedule with its next five fire times and its fired and skipped slots.")
public final class ScheduleShowCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    ScheduleTarget target;

    public ScheduleShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ScheduleView schedule = context.api().get(SchedulePaths.schedule(target.name, target.id), ScheduleView.class);
        Output output = context.output();
        if (output.json()) {
            output.json(schedule);
        } else {
            ScheduleText.print(output, schedule);
        }
        return ExitCode.OK.code();
    }
}
