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

    /** The trap message the runtime gives a stack overflow. */
    static final String STACK_EXHAUSTED = "call stack exhausted";

    public RunResult {
        logLines = List.copyOf(logLines);
        // Sorted by name so records and logs read the same every time.
        hostCalls = Collections.unmodifiableMap(new TreeMap<>(hostCalls));
    }

    /**
     * One line saying how the invocation ended, naming what happened, for a terminal or a status page:
     * {@code exited with code 3}, {@code timeout: wall-clock limit of 10s reached}, {@code memory limit: …},
     * {@code output limit: stdout is over its limit of 10485760 bytes}, {@code stack exhausted: …},
     * {@code trap: unreachable instruction}.
     */
    public String describeFailure() {
        String detail = trapMessage == null || trapMessage.isBlank() ? "" : ": " + firstLine(trapMessage);
        return switch (outcome) {
            case OK, NONZERO_EXIT -> "exited with code " + exitCode;
            case TIMEOUT -> "timeout" + detail;
            case MEMORY_LIMIT -> "memory limit" + detail;
            case OUTPUT_LIMIT -> "output limit" + detail;
            case TRAP ->
                trapMessage != null && trapMessage.contains(STACK_EXHAUSTED)
                        ? "stack exhausted: the guest recursed deeper than its call stack allows"
                        : "trap" + detail;
            case INVALID_RESPONSE -> "invalid response" + detail;
        };
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
