package app.wasmcloud.executor.invocation;

import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.contract.InvocationSource;
import app.wasmcloud.runtime.RunResult;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code invocations}, queued on the request path and written later in a batch. */
record InvocationRecord(
        UUID id,
        long functionId,
        long versionId,
        InvocationSource source,
        Instant startedAt,
        int httpStatus,
        InvocationOutcome outcome,
        long bytesIn,
        long bytesOut,
        RunResult result) {}
