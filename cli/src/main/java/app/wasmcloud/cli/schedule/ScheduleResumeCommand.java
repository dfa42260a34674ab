package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.contract.api.ScheduleView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "resume",
        description = "Resume a paused schedule from its next slot; the slots while it was paused do not fire.")
public final class ScheduleResumeCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    ScheduleTarget target;

    public ScheduleResumeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ScheduleView schedule = context.api()
                .post(SchedulePaths.schedule(target.name, target.id) + "/resume", null, ScheduleView.class);
        return ScheduleText.report(context.output(), schedule, "Resumed");
    }
}
