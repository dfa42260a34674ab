package app.wasmcloud.cli.env;

import app.wasmcloud.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `wasmcloud env`: a function's environment variables, the configuration it reads at run time. */
@Command(
        name = "env",
        description = "Set, unset and list a function's environment variables.",
        subcommands = {EnvSetCommand.class, EnvUnsetCommand.class, EnvListCommand.class})
public final class EnvCommand {

    @Mixin
    GlobalOptions global;
}
