package app.wasmcloud.cli.function;

/**
 * One uploaded module of a function; also the `--output json` shape of `deploy` and `versions`.
 *
 * @param function the function's name
 * @param number the version number, counting from 1
 * @param sha256 the module's SHA-256, hex
 * @param sizeBytes the module's size
 * @param abi olin or wasi
 * @param entrypoint the exported function that runs
 * @param createdAt when it was uploaded (ISO-8601)
 * @param url where the function answers
 */
public record FunctionVersion(
        String function,
        int number,
        String sha256,
        long sizeBytes,
        String abi,
        String entrypoint,
        String createdAt,
        String url) {}
