package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.function.FunctionNameConverter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "resume",
        description = "Resume a paused schedule from its next slot; the slots while it was paused do not fire.")
public final class ScheduleResumeCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "The function's name.",
            converter = FunctionNameConverter.class)
    String name;

    @Parameters(index = "1", paramLabel = "ID", description = "The schedule's id.")
    String id;

    public ScheduleResumeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ScheduleView schedule =
                context.api().post(SchedulePaths.schedule(name, id) + "/resume", null, ScheduleView.class);
        return ScheduleText.report(context.output(), schedule, "Resumed");
    }
}
