package app.wasmcloud.executor.invocation;

import app.wasmcloud.contract.InvocationFacts;
import app.wasmcloud.runtime.LogLine;
import app.wasmcloud.runtime.RunResult;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.ObjectMapper;

/**
 * An invocation as {@code invocations} stores it: captured text cut to size and made storable, host calls and log
 * lines as JSON. It is what the batch insert sends and what the journal keeps on disk, so a journaled record replays
 * exactly as it would have been written.
 */
record InvocationRow(
        UUID id,
        long functionId,
        long versionId,
        // Unwrapped, so the journal's lines stay flat JSON: segments written before the facts were one record replay.
        @JsonUnwrapped InvocationFacts facts,
        String hostCalls,
        String stderr,
        String logLines,
        String trapMessage) {

    private static final int MAX_CAPTURED_BYTES = 64 * 1024;

    static InvocationRow of(InvocationRecord record, ObjectMapper json) {
        RunResult result = record.result();
        return new InvocationRow(
                record.id(),
                record.functionId(),
                record.versionId(),
                new InvocationFacts(
                        record.origin().source().label(),
                        record.startedAt(),
                        result == null ? 0 : result.wallNanos() / 1_000,
                        result == null ? 0 : result.cpuNanos() / 1_000,
                        record.httpStatus(),
                        record.outcome().label(),
                        result == null ? null : result.exitCode(),
                        record.bytesIn(),
                        record.bytesOut(),
                        result == null ? 0 : result.peakMemoryPages(),
                        record.origin().asyncRequestId(),
                        record.origin().attempt()),
                json.writeValueAsString(result == null ? Map.of() : result.hostCalls()),
                result == null ? "" : captured(result.stderr()),
                json.writeValueAsString(result == null ? List.of() : logLines(result.logLines())),
                result == null || result.trapMessage() == null ? null : storable(result.trapMessage()));
    }

    private static String captured(byte[] bytes) {
        int length = Math.min(bytes.length, MAX_CAPTURED_BYTES);
        // The rest of invalid UTF-8 is replaced by the decoder.
        return storable(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }

    private static List<Map<String, Object>> logLines(List<LogLine> lines) {
        return lines.stream()
                .map(line -> Map.<String, Object>of("level", line.level(), "message", storable(line.message())))
                .toList();
    }

    /** PostgreSQL text cannot hold NUL. */
    private static String storable(String text) {
        return text.replace('\0', '\uFFFD');
    }
}
