package app.wasmcloud.cli.function;

import app.wasmcloud.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `wasmcloud functions` (alias `fn`): groups the verbs that manage functions. */
@Command(
        name = "functions",
        aliases = "fn",
        description = "Create, list, show, update and delete functions.",
        subcommands = {
            FunctionCreateCommand.class,
            FunctionListCommand.class,
            FunctionShowCommand.class,
            FunctionUpdateCommand.class,
            FunctionDeleteCommand.class
        })
public final class FunctionsCommand {

    @Mixin
    GlobalOptions global;
}
