package app.wasmcloud.cli.account;

import app.wasmcloud.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `wasmcloud account`: your tier, quotas and usage, and applying for more. */
@Command(
        name = "account",
        description = "Your tier, quotas and metered usage; apply for more than the examples.",
        subcommands = {AccountShowCommand.class, AccountApplyCommand.class, AccountUsageCommand.class})
public final class AccountCommand {

    @Mixin
    GlobalOptions global;
}
