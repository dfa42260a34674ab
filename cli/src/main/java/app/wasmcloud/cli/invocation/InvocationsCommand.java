package app.wasmcloud.cli.invocation;

import app.wasmcloud.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `wasmcloud invocations`: single invocation records, by id. */
@Command(
        name = "invocations",
        description = "Look at one invocation by its id: why it failed, what it logged, what it cost.",
        subcommands = {InvocationShowCommand.class})
public final class InvocationsCommand {

    @Mixin
    GlobalOptions global;
}
