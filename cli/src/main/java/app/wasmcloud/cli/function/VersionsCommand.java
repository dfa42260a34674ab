package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "versions", description = "List a function's deployed versions.")
public final class VersionsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionName.class)
    String name;

    public VersionsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<FunctionVersion> versions = new FunctionsApi(context.api()).versions(name);
        Output output = context.output();
        if (output.json()) {
            output.json(versions);
        } else if (versions.isEmpty()) {
            output.note("No versions yet — deploy one with `wasmcloud deploy " + name + " FILE.wasm`.");
        } else {
            FunctionText.versionTable(output, versions);
        }
        return ExitCode.OK.code();
    }
}
