package app.wasmcloud.cli.deadletter;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "discard", description = "Delete a dead letter for good; its attempts' invocation records stay.")
public final class DeadLetterDiscardCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    DeadLetterTarget target;

    public DeadLetterDiscardCommand(CommandContext context) {
        this.context = context;
    }

    /** The `--output json` answer. */
    record Discarded(String function, String id) {}

    @Override
    public Integer call() {
        context.api().delete(DeadLetterPaths.letter(target.name, target.id));
        Output output = context.output();
        if (output.json()) {
            output.json(new Discarded(target.name, target.id));
        } else {
            output.line("Discarded dead letter " + target.id + " of " + target.name);
        }
        return ExitCode.OK.code();
    }
}
