package app.wasmcloud.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * What every view of one invocation shares: where it came from, when it started, what it cost and how it ended. These
 * are columns of {@code invocations} that the executor that ran it writes and the API shows as they are, so the
 * executor's row and the API's summary and detail hold this one record instead of each listing the fields.
 *
 * @param source the door it came in by, an {@link InvocationSource} label
 * @param startedAt when the executor started it
 * @param wallTimeUs its wall-clock time in microseconds
 * @param cpuTimeUs the CPU time it used in microseconds
 * @param httpStatus the status of its reply
 * @param outcome how it ended, an {@link InvocationOutcome} label
 * @param exitCode the guest's exit code, or null when it did not run to an exit
 * @param bytesIn the request body's size
 * @param bytesOut the reply body's size
 * @param peakMemoryPages the largest its memory grew, in 64 KiB pages
 * @param asyncRequestId the background request it is an attempt of, or null
 * @param attempt that attempt's number from 1, or null
 */
public record InvocationFacts(
        String source,
        Instant startedAt,
        long wallTimeUs,
        long cpuTimeUs,
        int httpStatus,
        String outcome,
        Integer exitCode,
        long bytesIn,
        long bytesOut,
        int peakMemoryPages,
        UUID asyncRequestId,
        Integer attempt) {}
