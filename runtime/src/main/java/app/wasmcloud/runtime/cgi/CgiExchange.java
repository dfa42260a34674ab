package app.wasmcloud.runtime.cgi;

import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.LogLine;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.Tenant;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import app.wasmcloud.runtime.replay.HostCallLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one CGI exchange of cgi.md, for the executor and {@code wasmcloud serve} alike: request in, run under limits,
 * stdout parsed, reply out. Every failure becomes the reply its outcome prescribes; nothing a guest writes escapes as
 * an exception. The callers stay thin HTTP adapters: they read the body (with {@link RequestBodyLimit}), build the
 * {@link CgiRequest}, and write the {@link CgiReply}; the executor adds admission and recording around this.
 */
public final class CgiExchange {

    /**
     * The most header bytes a function's reply may carry. Servers' response header buffers must hold them and their
     * own, and proxies in front refuse large header blocks; past it the reply is invalid (502), never a broken
     * connection.
     */
    public static final int MAX_RESPONSE_HEADER_BYTES = 16 * 1024;

    private CgiExchange() {}

    /**
     * Runs {@code function} for {@code request} on {@code pool}, waiting for a slot in {@code tenant}'s turn, and
     * answers as cgi.md says.
     */
    public static CgiReply run(
            ExecutionPool pool,
            WasmFunction function,
            CgiRequest request,
            Map<String, String> functionEnv,
            Limits limits,
            EgressPolicy egress,
            Tenant tenant) {
        return run(pool, function, request, functionEnv, limits, egress, tenant, HostCallLog.OFF);
    }

    /** The same, with every host call through {@code hostCallLog}: how an invocation is recorded. */
    public static CgiReply run(
            ExecutionPool pool,
            WasmFunction function,
            CgiRequest request,
            Map<String, String> functionEnv,
            Limits limits,
            EgressPolicy egress,
            Tenant tenant,
            HostCallLog hostCallLog) {
        Invocation invocation =
                new Invocation(request.argv(), request.environment(functionEnv), request.body(), limits, hostCallLog);
        RunResult result;
        try {
            result = pool.run(function, invocation, egress, tenant);
        } catch (RejectedExecutionException e) {
            return CgiReply.refusal(InvocationOutcome.OVERLOADED, request.invocationId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CgiReply.refusal(
                    InvocationOutcome.OVERLOADED, "The server is shutting down", request.invocationId());
        }
        return withinItsOrigin(reply(result, request.invocationId()), request);
    }

    /** The function's own reply with cgi.md's cookie and platform-header rules applied; refusals are the platform's. */
    static CgiReply withinItsOrigin(CgiReply reply, CgiRequest request) {
        if (reply.result() == null
                || reply.outcome() == null
                || !reply.outcome().functionReplies()) {
            return reply;
        }
        ReplyHeaderRules.Applied applied =
                ReplyHeaderRules.apply(reply.headers(), request.passCookies(), request.serverName());
        RunResult result = reply.result();
        if (!applied.notes().isEmpty()) {
            List<LogLine> lines = new ArrayList<>(result.logLines());
            lines.addAll(applied.notes());
            result = new RunResult(
                    result.outcome(),
                    result.exitCode(),
                    result.trapMessage(),
                    result.stdout(),
                    result.stderr(),
                    lines,
                    result.wallNanos(),
                    result.cpuNanos(),
                    result.peakMemoryPages(),
                    result.stdinBytes(),
                    result.hostCalls());
        }
        return new CgiReply(
                reply.status(),
                applied.headers(),
                reply.body(),
                reply.invocationId(),
                reply.outcome(),
                result,
                reply.detail());
    }

    /** The reply to a finished run: the function's response, or the error its outcome calls for. */
    public static CgiReply reply(RunResult result, String invocationId) {
        InvocationOutcome outcome = outcomeOf(result);
        if (!outcome.functionReplies()) {
            return CgiReply.refusal(outcome, invocationId).with(outcome, result, null);
        }
        String exit = result.exitCode() == 0 ? "" : " (exit code " + result.exitCode() + ")";
        CgiResponse response;
        try {
            response = CgiResponse.parse(result.stdout());
        } catch (InvalidCgiResponseException e) {
            return invalid(result, invocationId, "invalid response: " + e.getMessage() + exit);
        }
        long headerBytes = headerBytes(response.headers());
        if (headerBytes > MAX_RESPONSE_HEADER_BYTES) {
            return invalid(
                    result,
                    invocationId,
                    "invalid response: " + headerBytes + " bytes of headers, over the limit of "
                            + MAX_RESPONSE_HEADER_BYTES + exit);
        }
        return new CgiReply(
                response.status(),
                response.headers(),
                response.body(),
                invocationId,
                outcome,
                result,
                exit.isEmpty() ? null : exit.strip());
    }

    private static CgiReply invalid(RunResult result, String invocationId, String detail) {
        InvocationOutcome outcome = InvocationOutcome.INVALID_RESPONSE;
        return CgiReply.refusal(outcome, invocationId).with(outcome, result, detail);
    }

    /** The runtime's outcome as the platform records it. */
    public static InvocationOutcome outcomeOf(RunResult result) {
        return switch (result.outcome()) {
            case OK -> InvocationOutcome.OK;
            case NONZERO_EXIT -> InvocationOutcome.NONZERO_EXIT;
            case TRAP -> InvocationOutcome.TRAP;
            case TIMEOUT -> InvocationOutcome.TIMEOUT;
            case MEMORY_LIMIT -> InvocationOutcome.MEMORY_LIMIT;
            case OUTPUT_LIMIT -> InvocationOutcome.OUTPUT_LIMIT;
            case INVALID_RESPONSE -> InvocationOutcome.INVALID_RESPONSE;
        };
    }

    /** The headers' size on the wire: {@code name: value} and CRLF each. */
    private static long headerBytes(List<Header> headers) {
        long bytes = 0;
        for (Header header : headers) {
            bytes += header.name().length() + header.value().length() + 4;
        }
        return bytes;
    }
}
