package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.contract.api.ScheduleView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "update", description = "Change a schedule: only the options given change.")
public final class ScheduleUpdateCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    ScheduleDefinition definition;

    @Mixin
    ScheduleTarget target;

    public ScheduleUpdateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ScheduleView changed = context.api()
                .patch(SchedulePaths.schedule(target.name, target.id), definition.body(), ScheduleView.class);
        return ScheduleText.report(context.output(), changed, "Changed");
    }
}
