package app.wasmcloud.contract.api;

import java.time.Instant;
import java.util.List;

/**
 * A function as the API describes it; also the {@code --output json} shape of {@code functions show|list|create}.
 * {@code timeoutMs} and {@code memoryPages} are null while the platform defaults apply; the {@code effective} fields
 * say what the function runs with either way.
 *
 * @param name the function's name, a DNS label
 * @param description free text, possibly empty
 * @param visibility public (anyone can call its URL) or private (only through the API)
 * @param activeVersion the version that answers requests, or null before the first deploy
 * @param url where the function answers
 * @param timeoutMs its own wall-clock limit per invocation, or null for the platform default
 * @param memoryPages its own memory limit in 64 KiB pages, or null for the platform default
 * @param effectiveTimeoutMs the wall-clock limit it runs with
 * @param effectiveMemoryPages the memory limit it runs with
 * @param egressAllowList hosts its HTTP resource may reach
 * @param record whether its invocations are recorded for replay: off, on or errors
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record FunctionView(
        String name,
        String description,
        String visibility,
        Integer activeVersion,
        String url,
        Integer timeoutMs,
        Integer memoryPages,
        int effectiveTimeoutMs,
        int effectiveMemoryPages,
        List<String> egressAllowList,
        String record,
        Instant createdAt,
        Instant updatedAt) {}
