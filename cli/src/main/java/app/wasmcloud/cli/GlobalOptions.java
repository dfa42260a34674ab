package app.wasmcloud.cli;

import app.wasmcloud.cli.output.OutputFormat;
import picocli.CommandLine.Option;

/**
 * Options every command accepts, before or after its name (`wasmcloud -o json fn list` or `wasmcloud fn list -o
 * json`). Each command gets its own instance; {@link CommandContext} merges them, the innermost command winning.
 * Unset options stay null so the merge can tell "not given" from "given".
 */
public final class GlobalOptions {

    @Option(
            names = "--api",
            paramLabel = "URL",
            description = "API base URL (default: $WASMCLOUD_API, the logged-in API, or http://localhost:8080).")
    String api;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "API token (default: $WASMCLOUD_TOKEN, or the one stored by `wasmcloud login`).")
    String token;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    OutputFormat output;

    @Option(
            names = {"-v", "--verbose"},
            description = "Print requests, configuration sources and full errors on stderr.")
    Boolean verbose;

    @Option(names = "--no-color", description = "Never colour output (also when NO_COLOR is set).")
    Boolean noColor;

    @Option(
            names = "--ca-cert",
            paramLabel = "FILE",
            description = "Also trust the CA certificates in this PEM file (default: $WASMCLOUD_CA_CERT).")
    String caCert;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    public GlobalOptions(CommandContext context) {
        context.register(this);
    }
}
