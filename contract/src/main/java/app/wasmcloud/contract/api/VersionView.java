package app.wasmcloud.contract.api;

import java.time.Instant;
import java.util.List;

/**
 * One uploaded module of a function; also the {@code --output json} shape of {@code deploy} and {@code versions}.
 *
 * @param function the function's name
 * @param number the version number, counting from 1
 * @param sha256 the module's SHA-256, hex
 * @param sizeBytes the module's size
 * @param abi olin or wasi
 * @param entrypoint the exported function that runs
 * @param imports the host functions the module imports, as module.name
 * @param createdAt when it was uploaded
 * @param url where the function answers
 */
public record VersionView(
        String function,
        int number,
        String sha256,
        long sizeBytes,
        String abi,
        String entrypoint,
        List<String> imports,
        Instant createdAt,
        String url) {}
