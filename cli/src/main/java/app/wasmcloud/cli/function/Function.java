package app.wasmcloud.cli.function;

import java.util.List;

/**
 * A function as the API describes it; also the `--output json` shape of `functions show|list|create`.
 *
 * @param name the function's name, a DNS label
 * @param description free text, possibly empty
 * @param visibility public (anyone can call its URL) or private (only through the API)
 * @param activeVersion the version that answers requests, or null before the first deploy
 * @param url where the function answers
 * @param timeoutMs its wall-clock limit per invocation, or null for the platform default
 * @param memoryPages its memory limit in 64 KiB pages, or null for the platform default
 * @param effectiveTimeoutMs the wall-clock limit it runs with, its own or the default (null from an older server)
 * @param effectiveMemoryPages the memory limit it runs with, its own or the default (null from an older server)
 * @param egressAllowList hosts its HTTP resource may reach
 * @param record whether its invocations are recorded for replay: off, on or errors (null from an older server)
 * @param createdAt when it was created (ISO-8601)
 * @param updatedAt when it last changed (ISO-8601)
 */
public record Function(
        String name,
        String description,
        String visibility,
        Integer activeVersion,
        String url,
        Integer timeoutMs,
        Integer memoryPages,
        Integer effectiveTimeoutMs,
        Integer effectiveMemoryPages,
        List<String> egressAllowList,
        String record,
        String createdAt,
        String updatedAt) {}
