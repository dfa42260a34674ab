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

@Command(name = "list", aliases = "ls", description = "List a function's environment variables (secrets masked).")
public final class EnvListCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    public EnvListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<EnvVariableView> variables = context.api().list(EnvPaths.list(name), EnvVariableView[].class);
        Output output = context.output();
        if (output.json()) {
            output.json(variables);
        } else if (variables.isEmpty()) {
            output.note("No variables — set one with `wasmcloud env set " + name + " KEY=VALUE`.");
        } else {
            output.table(
                    List.of("KEY", "VALUE"),
                    variables.stream()
                            .map(v -> List.of(v.key(), v.secret() ? "(secret)" : String.valueOf(v.value())))
                            .toList());
        }
        return ExitCode.OK.code();
    }
}
