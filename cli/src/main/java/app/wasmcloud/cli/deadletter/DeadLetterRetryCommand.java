package app.wasmcloud.cli.deadletter;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.function.FunctionNameConverter;
import app.wasmcloud.cli.output.JsonFields;
import app.wasmcloud.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
        name = "retry",
        description = "Send a dead letter back to the queue, due now, with the function's attempts once more.")
public final class DeadLetterRetryCommand implements Callable<Integer> {
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

    public DeadLetterRetryCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode status = context.api().call("POST", DeadLetterPaths.letter(name, id) + "/retry", null);
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
