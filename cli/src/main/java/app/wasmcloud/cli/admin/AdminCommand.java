package app.wasmcloud.cli.admin;

import app.wasmcloud.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `wasmcloud admin`: operator commands; the API refuses them unless the token has the admin scope. */
@Command(
        name = "admin",
        description = "Manage users, their tiers and quotas (admins only).",
        subcommands = {
            AdminUsersCommand.class,
            AdminApproveCommand.class,
            AdminDeclineCommand.class,
            AdminSuspendCommand.class,
            AdminQuotasCommand.class,
            AdminUsageCommand.class
        })
public final class AdminCommand {

    @Mixin
    GlobalOptions global;
}
