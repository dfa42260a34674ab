package app.wasmcloud.cli.deadletter;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.function.FunctionNameConverter;
import app.wasmcloud.cli.output.JsonFields;
import app.wasmcloud.cli.output.Output;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
        name = "list",
        aliases = "ls",
        description = "List a function's dead letters, newest first, with why each failed.")
public final class DeadLetterListCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    public DeadLetterListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode letters = context.api().call("GET", DeadLetterPaths.list(name), null);
        Output output = context.output();
        if (output.json()) {
            output.json(letters);
        } else if (letters.isEmpty()) {
            output.note("No dead letters: every background request of " + name + " succeeded or is still trying.");
        } else {
            output.table(
                    List.of("ID", "SOURCE", "REQUEST", "ATTEMPTS", "FAILED AT", "LAST ERROR"),
                    JsonFields.elements(letters).stream()
                            .map(letter -> List.of(
                                    JsonFields.text(letter, "id"),
                                    JsonFields.text(letter, "source"),
                                    JsonFields.text(letter, "method") + " " + JsonFields.text(letter, "path"),
                                    JsonFields.text(letter, "attempts"),
                                    JsonFields.text(letter, "finishedAt"),
                                    JsonFields.text(letter, "lastError")))
                            .toList());
        }
        return ExitCode.OK.code();
    }
}
