package app.wasmcloud.executor.invocation;

import app.wasmcloud.executor.ExecutorProperties;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.module.CompiledModules;
import app.wasmcloud.executor.module.ModuleUnavailableException;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.Outcome;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.cgi.CgiRequest;
import app.wasmcloud.runtime.cgi.CgiResponse;
import app.wasmcloud.runtime.cgi.Header;
import app.wasmcloud.runtime.cgi.InvalidCgiResponseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hot path: compiled module, fresh instance, CGI in, CGI out, record queued. Every failure becomes a reply with
 * its status from cgi.md, and every reply names its invocation.
 */
@Component
public class FunctionRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FunctionRunner.class);
    private static final int MAX_STDERR_BYTES = 64 * 1024;
    private static final int MAX_LOG_BYTES = 64 * 1024;
    private static final int MAX_OPEN_RESOURCES = 64;

    private final CompiledModules modules;
    private final ExecutionPool pool;
    private final InvocationLog invocationLog;
    private final ExecutorProperties properties;
    private final Clock clock;

    FunctionRunner(CompiledModules modules, InvocationLog invocationLog, ExecutorProperties properties, Clock clock) {
        this.modules = modules;
        this.invocationLog = invocationLog;
        this.properties = properties;
        this.clock = clock;
        this.pool = new ExecutionPool(properties.effectivePoolThreads(), properties.guestStackBytes());
    }

    public static String newInvocationId() {
        return UUID.randomUUID().toString();
    }

    public Reply run(ActiveFunction function, CgiRequest request, Source source) {
        Instant startedAt = clock.instant();
        String id = request.invocationId();
        WasmFunction module;
        try {
            module = modules.get(function);
        } catch (ModuleUnavailableException e) {
            log.error(
                    "Function {} version {} cannot be served: {}",
                    function.name(),
                    function.versionNumber(),
                    e.getMessage());
            return Reply.error(503, "This function is temporarily unavailable", id);
        }
        Limits limits = new Limits(
                function.timeout(),
                function.memoryPages(),
                properties.maxResponseBytes(),
                MAX_STDERR_BYTES,
                MAX_LOG_BYTES,
                MAX_OPEN_RESOURCES);
        Invocation invocation =
                new Invocation(request.argv(), request.environment(function.env()), request.body(), limits);
        RunResult result;
        try {
            result = pool.run(module, invocation);
        } catch (RejectedExecutionException e) {
            return Reply.error(
                    503, "The executor is at capacity; retry shortly", id, List.of(new Header("Retry-After", "1")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(503, "The executor is shutting down", id);
        }
        Reply reply;
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        switch (result.outcome()) {
            case OK, NONZERO_EXIT -> {
                Reply parsed = parse(result, id);
                if (parsed == null) {
                    outcome = Outcome.INVALID_RESPONSE.name().toLowerCase(Locale.ROOT);
                    reply = Reply.error(502, "The function returned an invalid response", id);
                } else {
                    reply = parsed;
                }
            }
            case TIMEOUT -> reply = Reply.error(504, "The function ran out of time", id);
            case OUTPUT_LIMIT -> reply = Reply.error(502, "The function's response is over the size limit", id);
            default -> reply = Reply.error(502, "The function failed", id);
        }
        invocationLog.add(new InvocationRecord(
                UUID.fromString(id),
                function.id(),
                function.versionId(),
                source,
                startedAt,
                reply.status(),
                outcome,
                request.body().length,
                reply.body().length,
                result));
        return reply;
    }

    private static Reply parse(RunResult result, String id) {
        try {
            CgiResponse response = CgiResponse.parse(result.stdout());
            return new Reply(response.status(), response.headers(), response.body(), id);
        } catch (InvalidCgiResponseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
