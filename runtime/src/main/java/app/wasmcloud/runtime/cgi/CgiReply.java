package app.wasmcloud.runtime.cgi;

import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.runtime.RunResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What goes back to the HTTP client: the function's own CGI response, or the platform's short error naming the
 * invocation (cgi.md: detail for the owner lives in the invocation record, not in the public reply).
 *
 * @param outcome how the invocation ended; null for requests refused before any function was chosen (404, 413)
 * @param result what the run recorded; null when the function did not run
 * @param detail why the reply is an error, for the owner's record and the developer's log; null when there is none
 *     beyond {@code result}'s trap message
 */
public record CgiReply(
        int status,
        List<Header> headers,
        byte[] body,
        String invocationId,
        InvocationOutcome outcome,
        RunResult result,
        String detail) {

    /** The platform's text reply; {@code Retry-After} goes with the refusals that are worth retrying. */
    public static CgiReply error(int status, String message, String invocationId, boolean retryLater) {
        byte[] body = (message + " (invocation " + invocationId + ")\n").getBytes(StandardCharsets.UTF_8);
        List<Header> headers = new ArrayList<>(2);
        if (retryLater) {
            headers.add(new Header("Retry-After", "1"));
        }
        headers.add(new Header("Content-Type", "text/plain;charset=utf-8"));
        return new CgiReply(status, List.copyOf(headers), body, invocationId, null, null, null);
    }

    /** The reply for an outcome in which the function's own response is not sent. */
    public static CgiReply refusal(InvocationOutcome outcome, String message, String invocationId) {
        return error(outcome.status(), message, invocationId, outcome.retryLater())
                .with(outcome, null, null);
    }

    /** Same as {@link #refusal(InvocationOutcome, String, String)} with the outcome's own public message. */
    public static CgiReply refusal(InvocationOutcome outcome, String invocationId) {
        return refusal(outcome, outcome.publicMessage(), invocationId);
    }

    CgiReply with(InvocationOutcome newOutcome, RunResult newResult, String newDetail) {
        return new CgiReply(status, headers, body, invocationId, newOutcome, newResult, newDetail);
    }
}
