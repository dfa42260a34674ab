package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.VersionView;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "rollback",
        description = {
            "Make an earlier version the one that answers requests.",
            "Without --to, the version before the active one (the highest number below it)."
        })
public final class RollbackCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    @Option(names = "--to", paramLabel = "N", description = "The version number to activate.")
    Integer to;

    public RollbackCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        FunctionsApi functions = new FunctionsApi(context.api());
        int target = to != null ? to : previousVersion(functions);
        VersionView activated = functions.activate(name, target);
        Output output = context.output();
        if (output.json()) {
            output.json(activated);
        } else {
            output.line("Version " + activated.number() + " of " + name + " is now active");
        }
        return ExitCode.OK.code();
    }

    private int previousVersion(FunctionsApi functions) {
        Integer active = functions.get(name).activeVersion();
        if (active == null) {
            throw new CliException(ExitCode.FAILURE, name + " has no active version to roll back from");
        }
        return functions.versions(name).stream()
                .map(VersionView::number)
                .filter(number -> number < active)
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new CliException(
                        ExitCode.FAILURE,
                        "version " + active + " of " + name + " is the oldest; there is nothing to roll back to"));
    }
}
