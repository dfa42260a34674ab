package app.wasmcloud.cli.env;

/**
 * One of a function's environment variables as the API shows it; also the `--output json` shape of `env list|set`.
 *
 * @param key the variable's name
 * @param value its value, or null when it is secret (secrets are write-only)
 * @param secret whether the value is write-only
 * @param updatedAt when it was last set (ISO-8601)
 */
public record EnvVariableView(String key, String value, boolean secret, String updatedAt) {}
