package app.wasmcloud.cli.deadletter;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.JsonFields;
import app.wasmcloud.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

@Command(
        name = "retry",
        description = "Send a dead letter back to the queue, due now, with the function's attempts once more.")
public final class DeadLetterRetryCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    DeadLetterTarget target;

    public DeadLetterRetryCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode status = context.api().call("POST", DeadLetterPaths.letter(target.name, target.id) + "/retry", null);
        Output output = context.output();
        if (output.json()) {
            output.json(status);
        } else {
            output.line("Queued " + JsonFields.text(status, "id") + " again (attempt "
                    + (status.path("attempts").asInt() + 1) + " is next)");
        }
        return ExitCode.OK.code();
    }
}
