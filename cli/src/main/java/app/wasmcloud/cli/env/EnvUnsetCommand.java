package app.wasmcloud.cli.env;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.function.FunctionNameConverter;
import app.wasmcloud.cli.output.Output;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "unset", description = "Remove environment variables from a function.")
public final class EnvUnsetCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "The function's name.",
            converter = FunctionNameConverter.class)
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY", description = "Variables to remove.")
    List<String> keys;

    public EnvUnsetCommand(CommandContext context) {
        this.context = context;
    }

    /** The `--output json` answer. */
    record Unset(String function, List<String> keys) {}

    @Override
    public Integer call() {
        var api = context.api();
        for (String key : keys) {
            api.delete(EnvPaths.variable(name, key));
        }
        Output output = context.output();
        if (output.json()) {
            output.json(new Unset(name, keys));
        } else {
            keys.forEach(key -> output.line("Unset " + key + " on " + name));
        }
        return ExitCode.OK.code();
    }
}
