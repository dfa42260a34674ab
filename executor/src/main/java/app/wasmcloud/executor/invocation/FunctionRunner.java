package app.wasmcloud.executor.invocation;

import app.wasmcloud.executor.ExecutorProperties;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.module.CompiledModules;
import app.wasmcloud.executor.module.ModuleUnavailableException;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.cgi.CgiRequest;
import app.wasmcloud.runtime.cgi.CgiResponse;
import app.wasmcloud.runtime.cgi.Header;
import app.wasmcloud.runtime.cgi.InvalidCgiResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hot path: admission, compiled module, fresh instance, CGI in, CGI out, record queued. Every failure becomes a
 * reply with its status from cgi.md, and every reply names its invocation.
 */
@Component
public class FunctionRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FunctionRunner.class);
    private static final int MAX_STDERR_BYTES = 64 * 1024;
    private static final int MAX_LOG_BYTES = 64 * 1024;
    private static final int MAX_OPEN_RESOURCES = 64;
    /**
     * The most header bytes a function's reply may carry. The container's response header buffer
     * ({@code server.max-http-response-header-size}, twice this) must hold them and the executor's own, and the
     * proxies in front refuse large header blocks; past it the reply is invalid (502), never a broken connection.
     */
    static final int MAX_RESPONSE_HEADER_BYTES = 16 * 1024;

    private static final List<Header> RETRY_SHORTLY = List.of(new Header("Retry-After", "1"));

    private final CompiledModules modules;
    private final ExecutionPool pool;
    private final int poolCapacity;
    private final AtomicInteger inPool = new AtomicInteger();
    private final InFlight inFlight;
    private final InvocationLog invocationLog;
    private final InvocationMetrics metrics;
    private final int maxResponseBytes;
    private final Clock clock;

    FunctionRunner(
            CompiledModules modules,
            InvocationLog invocationLog,
            ExecutorProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.modules = modules;
        this.invocationLog = invocationLog;
        this.maxResponseBytes = properties.maxResponseBytes();
        this.clock = clock;
        int threads = properties.effectivePoolThreads();
        int queue = properties.effectivePoolQueue();
        this.pool = new ExecutionPool(threads, properties.guestStackBytes(), queue, properties.demoteAfter());
        if (properties.demoteAfter().isPositive() && !pool.demotesLongRuns()) {
            log.warn(
                    "Long invocations keep their priority: lowering a thread's priority and raising it back needs Linux"
                            + " and CAP_SYS_NICE or an RLIMIT_NICE of at least 20 (systemd: LimitNICE=+0); a looping function then takes its"
                            + " full share of the CPUs");
        }
        this.poolCapacity = threads + queue;
        this.inFlight =
                new InFlight(properties.effectiveMaxInFlightPerFunction(), properties.effectiveMaxRunningPerFunction());
        this.metrics = new InvocationMetrics(meters);
        meters.gauge("wasmcloud.invocations.in.flight", inFlight, InFlight::total);
        meters.gauge("wasmcloud.pool.in.use", inPool);
        meters.gauge("wasmcloud.pool.capacity", poolCapacity);
    }

    public static String newInvocationId() {
        return InvocationIds.next().toString();
    }

    public Reply run(ActiveFunction function, CgiRequest request, Source source) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        String id = request.invocationId();
        InFlight.Share share = inFlight.tryAcquire(function.id());
        if (share == null) {
            Reply tooMany = Reply.error(
                    429, "Too many requests to this function are in flight; retry shortly", id, RETRY_SHORTLY);
            return finish(function, request, source, startedAt, InvocationOutcome.THROTTLED, null, tooMany);
        }
        try {
            WasmFunction module;
            try {
                module = modules.get(function);
            } catch (ModuleUnavailableException e) {
                log.error(
                        "Function {} version {} cannot be served: {}",
                        function.name(),
                        function.versionNumber(),
                        e.getMessage());
                Reply unavailable = Reply.error(503, "This function is temporarily unavailable", id);
                return finish(function, request, source, startedAt, InvocationOutcome.UNAVAILABLE, null, unavailable);
            }
            RunResult result;
            try {
                // Waiting here, rather than in the pool's queue, keeps a looping function's backlog its own.
                if (!share.awaitTurn(function.timeout())) {
                    Reply busy = Reply.error(503, "This function is busy; retry shortly", id, RETRY_SHORTLY);
                    return finish(function, request, source, startedAt, InvocationOutcome.OVERLOADED, null, busy);
                }
                try {
                    result = runOnPool(module, function, request);
                } finally {
                    share.endTurn();
                }
            } catch (RejectedExecutionException e) {
                Reply full = Reply.error(503, "The executor is at capacity; retry shortly", id, RETRY_SHORTLY);
                return finish(function, request, source, startedAt, InvocationOutcome.OVERLOADED, null, full);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Reply stopping = Reply.error(503, "The executor is shutting down", id, RETRY_SHORTLY);
                return finish(function, request, source, startedAt, InvocationOutcome.OVERLOADED, null, stopping);
            }
            InvocationOutcome outcome = InvocationOutcome.of(result.outcome());
            Reply reply = switch (result.outcome()) {
                case OK, NONZERO_EXIT -> parse(result, id);
                case TIMEOUT -> Reply.error(504, "The function ran out of time", id);
                case OUTPUT_LIMIT -> Reply.error(502, "The function's response is over the size limit", id);
                default -> Reply.error(502, "The function failed", id);
            };
            if (reply == null) {
                outcome = InvocationOutcome.INVALID_RESPONSE;
                reply = Reply.error(502, "The function returned an invalid response", id);
            }
            metrics.ran(System.nanoTime() - started);
            return finish(function, request, source, startedAt, outcome, result, reply);
        } finally {
            inFlight.release(function.id());
        }
    }

    private RunResult runOnPool(WasmFunction module, ActiveFunction function, CgiRequest request)
            throws InterruptedException {
        inPool.incrementAndGet();
        try {
            return pool.run(module, invocation(function, request), function.egress());
        } finally {
            inPool.decrementAndGet();
        }
    }

    /** Slots in use or waited for, and how many there can be before new invocations are refused. */
    int poolInUse() {
        return inPool.get();
    }

    int poolCapacity() {
        return poolCapacity;
    }

    private Invocation invocation(ActiveFunction function, CgiRequest request) {
        Limits limits = new Limits(
                function.timeout(),
                function.memoryPages(),
                maxResponseBytes,
                MAX_STDERR_BYTES,
                MAX_LOG_BYTES,
                MAX_OPEN_RESOURCES);
        return new Invocation(request.argv(), request.environment(function.env()), request.body(), limits);
    }

    private Reply finish(
            ActiveFunction function,
            CgiRequest request,
            Source source,
            Instant startedAt,
            InvocationOutcome outcome,
            RunResult result,
            Reply reply) {
        metrics.count(source, outcome);
        invocationLog.add(new InvocationRecord(
                UUID.fromString(reply.invocationId()),
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

    /** The function's own reply, or null when its output is not a valid CGI response. */
    private static Reply parse(RunResult result, String id) {
        try {
            CgiResponse response = CgiResponse.parse(result.stdout());
            if (headerBytes(response.headers()) > MAX_RESPONSE_HEADER_BYTES) {
                return null;
            }
            return new Reply(response.status(), response.headers(), response.body(), id);
        } catch (InvalidCgiResponseException e) {
            return null;
        }
    }

    /** The headers' size on the wire: {@code name: value} and CRLF each. */
    private static long headerBytes(List<Header> headers) {
        long bytes = 0;
        for (Header header : headers) {
            bytes += header.name().length() + header.value().length() + 4;
        }
        return bytes;
    }

    @Override
    public void close() {
        pool.close();
    }
}
