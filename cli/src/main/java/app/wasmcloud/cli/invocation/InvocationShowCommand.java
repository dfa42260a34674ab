package app.wasmcloud.cli.invocation;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
        name = "show",
        description = "Show one invocation: outcome, HTTP status, exit code, timings, memory, bytes, host calls, trap"
                + " message, log lines and stderr (the id is in X-Wasmcloud-Invocation-Id, invoke --verbose and logs).")
public final class InvocationShowCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "ID", description = "The invocation's id.")
    String id;

    public InvocationShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode invocation = context.api().call("GET", "/api/invocations/" + InvocationText.parseId(id), null);
        Output output = context.output();
        if (output.json()) {
            output.json(invocation);
        } else {
            InvocationText.print(output, invocation);
        }
        return ExitCode.OK.code();
    }
}
