package app.wasmcloud.executor.function;

import java.time.Duration;
import java.util.Map;

/** What serving a function needs: its active version and settings, read from the shared schema. */
public record ActiveFunction(
        long id,
        String name,
        boolean isPublic,
        long versionId,
        int versionNumber,
        String sha256,
        String entrypoint,
        Duration timeout,
        int memoryPages,
        Map<String, String> env) {}
