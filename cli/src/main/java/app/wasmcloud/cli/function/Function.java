package app.wasmcloud.cli.function;

/**
 * A function as the API describes it; also the `--output json` shape of `functions show|list|create`.
 *
 * @param name the function's name, a DNS label
 * @param description free text, possibly empty
 * @param visibility public (anyone can call its URL) or private (only through the API)
 * @param activeVersion the version that answers requests, or null before the first deploy
 * @param url where the function answers
 * @param createdAt when it was created (ISO-8601)
 * @param updatedAt when it last changed (ISO-8601)
 */
public record Function(
        String name,
        String description,
        String visibility,
        Integer activeVersion,
        String url,
        String createdAt,
        String updatedAt) {}
