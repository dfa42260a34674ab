package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.function.FunctionNameConverter;
import app.wasmcloud.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", aliases = "rm", description = "Delete a schedule; requests it already made run on.")
public final class ScheduleDeleteCommand implements Callable<Integer> {
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

    public ScheduleDeleteCommand(CommandContext context) {
        this.context = context;
    }

    /** The `--output json` answer. */
    record Deleted(String function, String id) {}

    @Override
    public Integer call() {
        context.api().delete(SchedulePaths.schedule(name, id));
        Output output = context.output();
        if (output.json()) {
            output.json(new Deleted(name, id));
        } else {
            output.line("Deleted schedule " + id + " of " + name);
        }
        return ExitCode.OK.code();
    }
}
