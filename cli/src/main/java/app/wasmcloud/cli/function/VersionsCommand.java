package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.VersionView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

@Command(
        name = "versions",
        description = {
            "List a function's deployed versions; the active one, which answers requests, is marked.",
            "With --output json, each version as the API gives it plus \"active\": true or false."
        })
public final class VersionsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    public VersionsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        FunctionsApi functions = new FunctionsApi(context.api());
        List<VersionView> versions = functions.versions(name);
        Integer active = versions.isEmpty() ? null : functions.get(name).activeVersion();
        Output output = context.output();
        if (output.json()) {
            output.json(versions.stream()
                    .map(version -> context.mapper()
                            .<ObjectNode>valueToTree(version)
                            .put("active", Integer.valueOf(version.number()).equals(active)))
                    .toList());
        } else if (versions.isEmpty()) {
            output.note("No versions yet — deploy one with `wasmcloud deploy " + name + " FILE.wasm`.");
        } else {
            FunctionText.versionTable(output, versions, active);
        }
        return ExitCode.OK.code();
    }
}
