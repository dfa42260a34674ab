package app.wasmcloud.cli.deadletter;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.function.FunctionNameConverter;
import app.wasmcloud.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "discard", description = "Delete a dead letter for good; its attempts' invocation records stay.")
public final class DeadLetterDiscardCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "The function's name.",
            converter = FunctionNameConverter.class)
    String name;

    @Parameters(index = "1", paramLabel = "ID", description = "The dead letter's id (the background request's).")
    String id;

    public DeadLetterDiscardCommand(CommandContext context) {
        this.context = context;
    }

    /** The `--output json` answer. */
    record Discarded(String function, String id) {}

    @Override
    public Integer call() {
        context.api().delete(DeadLetterPaths.letter(name, id));
        Output output = context.output();
        if (output.json()) {
            output.json(new Discarded(name, id));
        } else {
            output.line("Discarded dead letter " + id + " of " + name);
        }
        return ExitCode.OK.code();
    }
}
