package app.wasmcloud.cli.local;

import app.wasmcloud.runtime.RunResult;
import java.util.Locale;
import java.util.Map;

/**
 * What `run --stats` prints on stderr, one JSON line: the invocation's accounting, named as the platform records it.
 *
 * @param outcome ok, nonzero_exit, trap, timeout, memory_limit or output_limit
 * @param exitCode the module's exit code, -1 when it did not exit
 * @param wallMs wall time from instantiation to the end of the entrypoint
 * @param cpuMs CPU time of the guest thread over the same span
 * @param peakMemoryPages the largest linear memory reached, in 64 KiB pages
 * @param stdinBytes bytes of stdin the module read
 * @param stdoutBytes bytes it wrote to stdout
 * @param stderrBytes bytes it wrote to stderr
 * @param hostCalls calls per host function, only those called
 */
record RunStats(
        String outcome,
        int exitCode,
        double wallMs,
        double cpuMs,
        int peakMemoryPages,
        long stdinBytes,
        long stdoutBytes,
        long stderrBytes,
        Map<String, Long> hostCalls) {

    static RunStats of(RunResult result) {
        return new RunStats(
                result.outcome().name().toLowerCase(Locale.ROOT),
                result.exitCode(),
                millis(result.wallNanos()),
                millis(result.cpuNanos()),
                result.peakMemoryPages(),
                result.stdinBytes(),
                result.stdout().length,
                result.stderr().length,
                result.hostCalls());
    }

    /** Milliseconds with microsecond precision: enough to compare runs, short enough to read. */
    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
