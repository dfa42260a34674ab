package app.wasmcloud.api.async;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A background request as the API shows it: its status, its attempts and, once it succeeded, the answer. */
@Component
class AsyncViews {

    private final AsyncRequests requests;

    AsyncViews(AsyncRequests requests) {
        this.requests = requests;
    }

    /**
     * @param statusUrl where to poll it
     * @param nextAttemptAt when the next attempt is due (queued) or when a running one's lease runs out; null once
     *     it is over
     * @param response the function's answer, once it has succeeded
     * @param invocations the attempts' invocation records, first attempt first
     */
    record AsyncView(
            UUID id,
            String function,
            String source,
            UUID scheduleId,
            Instant slot,
            String method,
            String path,
            String state,
            int attempts,
            int maxAttempts,
            int lostAttempts,
            Instant nextAttemptAt,
            UUID lastInvocationId,
            Integer lastStatus,
            String lastError,
            String callbackUrl,
            String callbackResult,
            Instant createdAt,
            Instant finishedAt,
            String statusUrl,
            Response response,
            List<AsyncRequests.Attempt> invocations) {}

    /** @param body base64, since a function may answer with any bytes */
    record Response(int status, Map<String, List<String>> headers, String body) {}

    AsyncView of(AsyncRequest request) {
        boolean over = request.state() == RequestState.SUCCEEDED || request.state() == RequestState.DEAD_LETTERED;
        Response response = request.state() == RequestState.SUCCEEDED && request.lastStatus() != null
                ? new Response(
                        request.lastStatus(),
                        request.responseHeaders() == null ? Map.of() : request.responseHeaders(),
                        Base64.getEncoder()
                                .encodeToString(request.responseBody() == null ? new byte[0] : request.responseBody()))
                : null;
        return new AsyncView(
                request.id(),
                request.function(),
                request.source().label(),
                request.scheduleId(),
                request.slot(),
                request.method(),
                request.path(),
                request.state().label(),
                request.attempts(),
                request.maxAttempts(),
                request.lostAttempts(),
                over ? null : request.nextAttemptAt(),
                request.lastInvocationId(),
                request.lastStatus(),
                request.lastError(),
                request.callbackUrl(),
                request.callbackResult(),
                request.createdAt(),
                request.finishedAt(),
                statusUrl(request.id()),
                response,
                requests.attemptsOf(request.id()));
    }

    static String statusUrl(UUID id) {
        return "/api/async-invocations/" + id;
    }
}
