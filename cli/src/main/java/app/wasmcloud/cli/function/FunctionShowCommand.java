package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.FunctionView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show a function.")
public final class FunctionShowCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    public FunctionShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        FunctionView function = new FunctionsApi(context.api()).get(name);
        Output output = context.output();
        if (output.json()) {
            output.json(function);
        } else {
            FunctionText.details(output, function);
        }
        return ExitCode.OK.code();
    }
}
