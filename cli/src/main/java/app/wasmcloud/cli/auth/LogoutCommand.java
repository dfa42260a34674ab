package app.wasmcloud.cli.auth;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.config.ConfigFile;
import app.wasmcloud.cli.config.StoredConfig;
import app.wasmcloud.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "logout",
        description = {
            "Forget the stored token (the API URL is kept).",
            "The token itself stays valid until it expires or is revoked."
        })
public final class LogoutCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    public LogoutCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigFile configFile = context.configFile();
        StoredConfig stored = configFile.read();
        Output output = context.output();
        if (stored.token() == null) {
            output.note("Not logged in; nothing to do.");
        } else {
            configFile.write(stored.withoutToken());
            output.note(stored.api() == null ? "Logged out." : "Logged out of " + stored.api() + ".");
        }
        if (context.terminal().getenv("WASMCLOUD_TOKEN") != null) {
            output.warning("WASMCLOUD_TOKEN is still set, so commands keep using that token");
        }
        return ExitCode.OK.code();
    }
}
