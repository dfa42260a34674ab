package app.wasmcloud.api.async;

import app.wasmcloud.contract.InvocationSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of {@code async_requests}: what to run, where it is, and the last attempt's result.
 *
 * @param attempts attempts started so far, lost ones included
 * @param lostAttempts attempts whose worker stopped before they finished; they do not use up {@code maxAttempts}
 * @param lastStatus the HTTP status of the last finished attempt, or null (none yet, or no executor answered)
 * @param responseHeaders with {@code lastStatus} and {@code responseBody}: the function's answer once it has succeeded
 */
public record AsyncRequest(
        UUID id,
        long functionId,
        String function,
        long ownerId,
        InvocationSource source,
        UUID scheduleId,
        Instant slot,
        String method,
        String path,
        Map<String, List<String>> headers,
        byte[] body,
        String callbackUrl,
        RequestState state,
        int attempts,
        int maxAttempts,
        int lostAttempts,
        Instant nextAttemptAt,
        UUID lastInvocationId,
        Integer lastStatus,
        String lastError,
        Map<String, List<String>> responseHeaders,
        byte[] responseBody,
        String callbackResult,
        Instant createdAt,
        Instant finishedAt) {

    /** Attempts that ran to an answer (or to no answer from any executor): the ones the budget counts. */
    int countedAttempts() {
        return attempts - lostAttempts;
    }
}
