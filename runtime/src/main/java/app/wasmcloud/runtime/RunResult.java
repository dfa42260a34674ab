package app.wasmcloud.runtime;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything an invocation records (olin-abi.md, "What an invocation records").
 *
 * @param outcome how it ended
 * @param exitCode the guest's exit code; -1 when it did not exit (trap, timeout, limits)
 * @param trapMessage why it failed, for the owner's invocation record; null when it exited
 * @param stdout everything written to stdout (at most the stdout limit)
 * @param stderr everything written to stderr (at most the stderr limit)
 * @param logLines the log lines, in order
 * @param wallNanos wall time from instantiation to the end of the entrypoint
 * @param cpuNanos CPU time of the guest thread over the same span
 * @param peakMemoryPages the largest linear memory size reached, in 64 KiB pages
 * @param stdinBytes bytes of stdin the guest read
 * @param hostCalls calls per host function import name, only those called
 */
public record RunResult(
        Outcome outcome,
        int exitCode,
        String trapMessage,
        byte[] stdout,
        byte[] stderr,
        List<LogLine> logLines,
        long wallNanos,
        long cpuNanos,
        int peakMemoryPages,
        long stdinBytes,
        Map<String, Long> hostCalls) {

    public RunResult {
        logLines = List.copyOf(logLines);
        // Sorted by name so records and logs read the same every time.
        hostCalls = Collections.unmodifiableMap(new TreeMap<>(hostCalls));
    }
}
