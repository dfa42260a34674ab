package app.wasmcloud.cli.token;

import app.wasmcloud.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `wasmcloud tokens`: API tokens for scripts and CI. */
@Command(
        name = "tokens",
        description = "Create, list and revoke API tokens.",
        subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
public final class TokensCommand {

    @Mixin
    GlobalOptions global;
}
