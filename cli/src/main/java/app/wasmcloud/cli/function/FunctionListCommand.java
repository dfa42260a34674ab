package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.FunctionView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", aliases = "ls", description = "List your functions.")
public final class FunctionListCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    public FunctionListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<FunctionView> functions = new FunctionsApi(context.api()).list();
        Output output = context.output();
        if (output.json()) {
            output.json(functions);
        } else if (functions.isEmpty()) {
            output.note("No functions yet — create one with `wasmcloud functions create NAME`.");
        } else {
            FunctionText.table(output, functions);
        }
        return ExitCode.OK.code();
    }
}
