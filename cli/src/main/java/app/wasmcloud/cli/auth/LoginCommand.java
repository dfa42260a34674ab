package app.wasmcloud.cli.auth;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.client.ApiClient;
import app.wasmcloud.cli.config.ConfigFile;
import app.wasmcloud.cli.config.StoredConfig;
import app.wasmcloud.cli.output.Output;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "login",
        description = {
            "Log in to a Wasmcloud API and remember the token in the config file.",
            "Pass a token from the panel with --token, or pipe it on stdin: `wasmcloud login < token.txt`."
        })
public final class LoginCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    public LoginCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String token = context.tokenFlag();
        if (token == null) {
            token = tokenFromStdin();
        }
        // The API comes from --api, WASMCLOUD_API or the config file as usual, but the token only from this
        // command line: logging in with whatever WASMCLOUD_TOKEN happens to hold would be a surprise.
        URI api = context.connection().api();
        ApiClient client = context.api(api, token);
        Whoami whoami = client.get("/api/whoami", Whoami.class);

        ConfigFile configFile = context.configFile();
        configFile.write(new StoredConfig(api.toString(), token));
        context.trace("stored the token in " + configFile.path());

        Account account = Account.of(api.toString(), whoami);
        Output output = context.output();
        if (output.json()) {
            output.json(account);
        } else {
            output.line("Logged in as " + account.describe());
        }
        if (context.terminal().getenv("WASMCLOUD_TOKEN") != null) {
            output.warning("WASMCLOUD_TOKEN is set and takes precedence over the stored token");
        }
        return ExitCode.OK.code();
    }

    private String tokenFromStdin() {
        if (context.terminal().stdinIsTty()) {
            throw new CliException(
                    ExitCode.USAGE,
                    "browser login is not available yet — create a token in the panel and run "
                            + "`wasmcloud login --token TOKEN` (or pipe it on stdin)");
        }
        try {
            String token = new String(context.terminal().in().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (token.isEmpty() || token.contains("\n") || token.contains(" ")) {
                throw new CliException(
                        ExitCode.USAGE,
                        "expected one token on stdin — or pass it with `wasmcloud login --token TOKEN`");
            }
            return token;
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read the token from stdin: " + e.getMessage(), e);
        }
    }
}
