package app.wasmcloud.cli.deadletter;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.JsonFields;
import app.wasmcloud.cli.output.Output;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

@Command(name = "show", description = "Show a dead letter: what it ran, and every attempt's invocation and status.")
public final class DeadLetterShowCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    DeadLetterTarget target;

    public DeadLetterShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode letter = context.api().call("GET", DeadLetterPaths.letter(target.name, target.id), null);
        Output output = context.output();
        if (output.json()) {
            output.json(letter);
            return ExitCode.OK.code();
        }
        output.table(
                List.of("FIELD", "VALUE"),
                List.of(
                        List.of("id", JsonFields.text(letter, "id")),
                        List.of("source", JsonFields.text(letter, "source")),
                        List.of("request", JsonFields.text(letter, "method") + " " + JsonFields.text(letter, "path")),
                        List.of("attempts", JsonFields.text(letter, "attempts")),
                        List.of("last error", JsonFields.text(letter, "lastError")),
                        List.of("failed at", JsonFields.text(letter, "finishedAt"))));
        for (JsonNode attempt : JsonFields.elements(letter.path("invocations"))) {
            output.line("attempt " + JsonFields.text(attempt, "attempt") + ": " + JsonFields.text(attempt, "outcome")
                    + " HTTP " + JsonFields.text(attempt, "httpStatus") + " (invocation "
                    + JsonFields.text(attempt, "invocationId") + ")");
        }
        output.note("Retry it with `wasmcloud dead-letters retry " + target.name + " " + target.id + "`.");
        return ExitCode.OK.code();
    }
}
