package app.wasmcloud.executor.invocation;

import app.wasmcloud.contract.InvocationOrigin;
import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.runtime.RunResult;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code invocations}, queued on the request path and written later in a batch. */
record InvocationRecord(
        UUID id,
        long functionId,
        long versionId,
        InvocationOrigin origin,
        Instant startedAt,
        int httpStatus,
        InvocationOutcome outcome,
        long bytesIn,
        long bytesOut,
        RunResult result) {}
