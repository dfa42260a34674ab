package app.wasmcloud.cli.auth;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.client.ApiClient;
import app.wasmcloud.cli.client.ApiException;
import app.wasmcloud.cli.config.ConfigFile;
import app.wasmcloud.cli.config.StoredConfig;
import app.wasmcloud.cli.output.Output;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "login",
        description = {
            "Log in to a Wasmcloud API and remember the token in the config file.",
            "By default in the browser: the CLI opens the API's login page and receives a new token on 127.0.0.1"
                    + " once you have logged in there (the URL is printed too, for another browser).",
            "Without a browser, pass a token from the panel with --token, or pipe it on stdin:"
                    + " `wasmcloud login < token.txt`."
        })
public final class LoginCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Option(names = "--no-browser", description = "Only print the login URL; do not open a browser.")
    boolean noBrowser;

    public LoginCommand(CommandContext context) {
        this.context = context;
    }

    /** The body of {@code POST /api/cli/tokens}: the code the browser brought back, for a token named after us. */
    record CodeExchange(String code, String name) {}

    /** The answer of {@code POST /api/cli/tokens}. */
    record IssuedToken(String id, String name, List<String> scopes, String expiresAt, String token) {}

    @Override
    public Integer call() {
        // The API comes from --api, WASMCLOUD_API or the config file as usual, but the token only from this
        // command line: logging in with whatever WASMCLOUD_TOKEN happens to hold would be a surprise.
        URI api = context.connection().api();
        String token = context.tokenFlag();
        if (token == null) {
            token = tokenFromStdin();
        }
        if (token == null) {
            token = loginInBrowser(api);
        }
        Whoami whoami = context.api(api, token).get("/api/whoami", Whoami.class);

        ConfigFile configFile = context.configFile();
        configFile.write(new StoredConfig(api.toString(), token));
        context.trace("stored the token in " + configFile.path());

        Account account = Account.of(api.toString(), whoami);
        Output output = context.output();
        if (output.json()) {
            output.json(account);
        } else {
            String line = "Logged in to " + api + " as " + whoami.login();
            output.line("active".equals(whoami.status()) ? line : line + " — account " + whoami.status());
        }
        if (context.terminal().getenv("WASMCLOUD_TOKEN") != null) {
            output.warning("WASMCLOUD_TOKEN is set and takes precedence over the stored token");
        }
        return ExitCode.OK.code();
    }

    private String loginInBrowser(URI api) {
        Output output = context.output();
        try (BrowserLogin login = BrowserLogin.start()) {
            URI page = login.loginPage(api);
            if (!noBrowser && openedInBrowser(page, output)) {
                output.note("Opened the login page in your browser. If nothing happened, open:");
            } else {
                output.note("Open this page in a browser to log in:");
            }
            output.note("  " + page);
            output.note("Waiting for the browser (Ctrl-C to cancel)…");
            String code = login.awaitCode(BrowserLogin.TIMEOUT);
            ApiClient anonymous = context.api(api, null);
            try {
                return anonymous
                        .post(
                                "/api/cli/tokens",
                                new CodeExchange(code, "wasmcloud CLI on " + hostname()),
                                IssuedToken.class)
                        .token();
            } catch (ApiException e) {
                // A rejected code is a failed login, not a mistake in the command line (which a 400 usually is).
                if (e.status() == 400) {
                    throw new CliException(
                            ExitCode.FAILURE,
                            e.problem().detail() != null ? e.problem().detail() : e.getMessage(),
                            e);
                }
                throw e;
            }
        }
    }

    /** Opens the page in a browser; when that fails, says why, so the user knows what to fix for next time. */
    private static boolean openedInBrowser(URI page, Output output) {
        Optional<String> refused = Browser.open(page);
        refused.ifPresent(why -> output.note("Could not open a browser (" + why + ")."));
        return refused.isEmpty();
    }

    /** A piped token (`wasmcloud login < token.txt`), or null when stdin is a terminal or empty. */
    private String tokenFromStdin() {
        if (context.terminal().stdinIsTty()) {
            return null;
        }
        try {
            String token = new String(context.terminal().in().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                return null;
            }
            if (token.contains("\n") || token.contains(" ")) {
                throw new CliException(
                        ExitCode.USAGE,
                        "expected one token on stdin — or pass it with `wasmcloud login --token TOKEN`");
            }
            return token;
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read the token from stdin: " + e.getMessage(), e);
        }
    }

    /** This machine's name, cut to fit the API's 100-character token names. */
    private static String hostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 64 ? name.substring(0, 64) : name;
        } catch (UnknownHostException e) {
            return "this computer";
        }
    }
}
