package app.wasmcloud.cli.output;

/** How commands print data: for people, or as JSON with stable field names for scripts. */
public enum OutputFormat {
    text,
    json
}
