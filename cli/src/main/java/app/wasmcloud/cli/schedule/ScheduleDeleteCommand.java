package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "delete", aliases = "rm", description = "Delete a schedule; requests it already made run on.")
public final class ScheduleDeleteCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    ScheduleTarget target;

    public ScheduleDeleteCommand(CommandContext context) {
        this.context = context;
    }

    /** The `--output json` answer. */
    record Deleted(String function, String id) {}

    @Override
    public Integer call() {
        context.api().delete(SchedulePaths.schedule(target.name, target.id));
        Output output = context.output();
        if (output.json()) {
            output.json(new Deleted(target.name, target.id));
        } else {
            output.line("Deleted schedule " + target.id + " of " + target.name);
        }
        return ExitCode.OK.code();
    }
}
