package app.wasmcloud.cli;

import app.wasmcloud.cli.client.ApiClient;
import app.wasmcloud.cli.client.TrustedCertificates;
import app.wasmcloud.cli.config.ConfigFile;
import app.wasmcloud.cli.config.Connection;
import app.wasmcloud.cli.config.StoredConfig;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.cli.output.OutputFormat;
import app.wasmcloud.cli.output.Style;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything a command needs besides its own arguments, built lazily after parsing: the terminal, the merged global
 * options, the resolved connection, the API client and the output writers. One per command-line execution.
 */
public final class CommandContext {
    /** How long to wait for a TCP (and TLS) connection to the API. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Terminal terminal;
    private JsonMapper mapper;
    private final List<GlobalOptions> globalOptions = new ArrayList<>();
    private Output output;
    private Connection connection;
    private HttpClient http;

    public CommandContext(Terminal terminal) {
        this.terminal = terminal;
    }

    void register(GlobalOptions options) {
        globalOptions.add(options);
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Built on first use: `--version` and `--help` should not pay for Jackson's start-up. */
    public JsonMapper mapper() {
        if (mapper == null) {
            mapper = Json.mapper();
        }
        return mapper;
    }

    public boolean verbose() {
        return Boolean.TRUE.equals(option(o -> o.verbose));
    }

    /** Whether to colour a stream: only a terminal, and never with `--no-color`, `NO_COLOR` or `TERM=dumb`. */
    public boolean colour(boolean streamIsTty) {
        return streamIsTty
                && !Boolean.TRUE.equals(option(o -> o.noColor))
                && terminal.getenv("NO_COLOR") == null
                && !"dumb".equals(terminal.getenv("TERM"));
    }

    public Output output() {
        if (output == null) {
            OutputFormat format = option(o -> o.output);
            output = new Output(
                    terminal.out(),
                    terminal.err(),
                    format == null ? OutputFormat.text : format,
                    Style.forStream(terminal.out(), colour(terminal.stdoutIsTty())),
                    Style.forStream(terminal.err(), colour(terminal.stderrIsTty())),
                    mapper());
        }
        return output;
    }

    /** Prints a diagnostic line on stderr under `--verbose`. */
    public void trace(String line) {
        if (verbose()) {
            terminal.err().println(output().errStyle().dim(line));
            terminal.err().flush();
        }
    }

    public ConfigFile configFile() {
        return new ConfigFile(ConfigFile.locate(terminal.env(), System.getProperty("user.home")), mapper());
    }

    /** The token given on the command line, if any (login stores exactly that one). */
    public String tokenFlag() {
        return option(o -> o.token);
    }

    public Connection connection() {
        if (connection == null) {
            StoredConfig stored = configFile().read();
            connection = Connection.resolve(
                    option(o -> o.api),
                    tokenFlag(),
                    terminal.getenv("WASMCLOUD_API"),
                    terminal.getenv("WASMCLOUD_TOKEN"),
                    stored);
            trace("api " + connection.api() + " (from " + connection.apiSource() + "), token from "
                    + connection.tokenSource());
            if (connection.sendsTokenInClear()) {
                output().warning("sending the API token over plain HTTP to "
                        + connection.api().getHost());
            }
        }
        return connection;
    }

    /** A client for the resolved API; fails with "not logged in" when there is no token for it. */
    public ApiClient api() {
        Connection resolved = connection();
        String token = resolved.token()
                .orElseThrow(() -> new CliException(
                        ExitCode.NOT_AUTHORIZED,
                        "not logged in to " + resolved.api() + " — run `wasmcloud login` (or set WASMCLOUD_TOKEN)"));
        return api(resolved.api(), token);
    }

    public ApiClient api(URI api, String token) {
        return new ApiClient(http(), api, token, "wasmcloud-cli/" + VersionProvider.version(), mapper(), this::trace);
    }

    private HttpClient http() {
        if (http == null) {
            // HTTP/1.1: the dev API is plain HTTP, where HTTP/2 would only add an h2c upgrade attempt.
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER);
            String caCert = option(o -> o.caCert);
            if (caCert == null) {
                caCert = terminal.getenv("WASMCLOUD_CA_CERT");
            }
            if (caCert != null) {
                builder.sslContext(TrustedCertificates.sslContext(Path.of(caCert)));
            }
            http = builder.build();
        }
        return http;
    }

    /** The innermost command's value of a global option, or null when no command was given it. */
    private <T> T option(Function<GlobalOptions, T> getter) {
        T value = null;
        for (GlobalOptions options : globalOptions) {
            T candidate = getter.apply(options);
            if (candidate != null) {
                value = candidate;
            }
        }
        return value;
    }
}
