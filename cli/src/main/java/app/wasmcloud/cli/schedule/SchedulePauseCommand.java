package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.contract.api.ScheduleView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "pause", description = "Pause a schedule: it fires no more until it is resumed.")
public final class SchedulePauseCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    ScheduleTarget target;

    public SchedulePauseCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ScheduleView schedule =
                context.api().post(SchedulePaths.schedule(target.name, target.id) + "/pause", null, ScheduleView.class);
        return ScheduleText.report(context.output(), schedule, "Paused");
    }
}
