package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.FunctionView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = "Create a function (deploy a module to it with `wasmcloud deploy`).")
public final class FunctionCreateCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(
            paramLabel = "NAME",
            description = "The function's name, a DNS label.",
            converter = FunctionNameConverter.class)
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the function does.")
    String description;

    @Option(names = "--private", description = "Only callable through the API, not on its public URL.")
    boolean privateFunction;

    public FunctionCreateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NewFunction request = new NewFunction(name, description, privateFunction ? "private" : "public");
        FunctionView function = new FunctionsApi(context.api()).create(request);
        Output output = context.output();
        if (output.json()) {
            output.json(function);
        } else {
            output.line("Created " + function.visibility() + " function " + function.name());
            output.line(FunctionText.url(function));
        }
        return ExitCode.OK.code();
    }
}
