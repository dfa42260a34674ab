package app.wasmcloud.cli;

import app.wasmcloud.cli.account.AccountCommand;
import app.wasmcloud.cli.admin.AdminCommand;
import app.wasmcloud.cli.auth.LoginCommand;
import app.wasmcloud.cli.auth.LogoutCommand;
import app.wasmcloud.cli.auth.WhoamiCommand;
import app.wasmcloud.cli.completion.CompletionCommand;
import app.wasmcloud.cli.deadletter.DeadLettersCommand;
import app.wasmcloud.cli.env.EnvCommand;
import app.wasmcloud.cli.function.DeployCommand;
import app.wasmcloud.cli.function.FunctionsCommand;
import app.wasmcloud.cli.function.InvokeCommand;
import app.wasmcloud.cli.function.RollbackCommand;
import app.wasmcloud.cli.function.VersionsCommand;
import app.wasmcloud.cli.invocation.InvocationsCommand;
import app.wasmcloud.cli.invocation.LogsCommand;
import app.wasmcloud.cli.local.RunCommand;
import app.wasmcloud.cli.local.ServeCommand;
import app.wasmcloud.cli.replay.ReplayCommand;
import app.wasmcloud.cli.schedule.SchedulesCommand;
import app.wasmcloud.cli.token.TokensCommand;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `wasmcloud`: the top command; it only groups the verbs. The factory adds the verbs (only those a command line needs)
 * and the exit-code list.
 */
@Command(
        name = "wasmcloud",
        description = "Deploy, run and manage WebAssembly functions on Wasmcloud.",
        versionProvider = VersionProvider.class,
        footerHeading = "%nConfiguration:%n",
        // Lines short enough for an 80-column terminal, where picocli would break them mid-word.
        footer = {
            "  Flags win over WASMCLOUD_API and WASMCLOUD_TOKEN, which win over the config",
            "  file that `wasmcloud login` writes: $XDG_CONFIG_HOME/wasmcloud/config.json",
            "  (default ~/.config/wasmcloud/config.json). WASMCLOUD_CA_CERT adds a trusted",
            "  CA; NO_COLOR turns colour off."
        })
public final class WasmcloudCommand {
    /** The verbs, in the order the help lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            LoginCommand.class,
            LogoutCommand.class,
            WhoamiCommand.class,
            AccountCommand.class,
            FunctionsCommand.class,
            DeployCommand.class,
            VersionsCommand.class,
            RollbackCommand.class,
            EnvCommand.class,
            InvokeCommand.class,
            SchedulesCommand.class,
            DeadLettersCommand.class,
            LogsCommand.class,
            InvocationsCommand.class,
            ReplayCommand.class,
            TokensCommand.class,
            AdminCommand.class,
            RunCommand.class,
            ServeCommand.class,
            CompletionCommand.class,
            HelpCommand.class);

    /** The verbs that work on the whole command tree: listing, describing or completing the others. */
    static final Set<Class<?>> NEED_EVERY_COMMAND = Set.of(CompletionCommand.class, HelpCommand.class);

    @Mixin
    GlobalOptions global;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Print the version and exit.")
    boolean version;
}
