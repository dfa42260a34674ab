package app.wasmcloud.executor.invocation;

import app.wasmcloud.contract.InvocationOrigin;
import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.contract.RecordMode;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.module.CompiledModules;
import app.wasmcloud.executor.module.ModuleUnavailableException;
import app.wasmcloud.executor.quota.Quotas;
import app.wasmcloud.executor.recording.RecordingUploader;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.Tenant;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.cgi.CgiExchange;
import app.wasmcloud.runtime.cgi.CgiReply;
import app.wasmcloud.runtime.cgi.CgiRequest;
import app.wasmcloud.runtime.replay.HostCallLog;
import app.wasmcloud.runtime.replay.Recorder;
import app.wasmcloud.runtime.replay.Recording;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hot path: the user's in-flight bound, the compiled module, the one CGI exchange (fair slot, fresh instance, CGI
 * in and out), the record queued. Every failure becomes a reply with its status from cgi.md, and every reply names
 * its invocation.
 */
@Component
public class FunctionRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FunctionRunner.class);
    private static final int MAX_STDERR_BYTES = 64 * 1024;
    private static final int MAX_LOG_BYTES = 64 * 1024;
    private static final int MAX_OPEN_RESOURCES = 64;

    private final CompiledModules modules;
    private final ExecutionPool pool;
    private final int slots;
    private final InFlight inFlight;
    private final InvocationLog invocationLog;
    private final RecordingUploader recordings;
    private final InvocationMetrics metrics;
    private final int maxResponseBytes;
    private final Clock clock;
    private final Quotas quotas;

    FunctionRunner(
            CompiledModules modules,
            InvocationLog invocationLog,
            RecordingUploader recordings,
            GuestProperties properties,
            AdmissionProperties admission,
            @Value("${server.tomcat.threads.max:200}") int requestThreads,
            MeterRegistry meters,
            Clock clock,
            Quotas quotas) {
        this.modules = modules;
        this.quotas = quotas;
        this.invocationLog = invocationLog;
        this.recordings = recordings;
        this.maxResponseBytes = properties.maxResponseBodyBytes();
        this.clock = clock;
        this.slots = admission.effectiveSlots();
        this.pool = new ExecutionPool(
                slots,
                properties.guestStackBytes().toBytes(),
                admission.maxWaiting(),
                admission.queueDeadline(),
                admission.demoteAfter(),
                admission.effectiveLongRunsPerUser());
        if (admission.demoteAfter().isPositive() && !pool.demotesLongRuns()) {
            log.warn(
                    "Long invocations keep their priority: lowering a thread's priority and raising it back needs Linux"
                            + " and CAP_SYS_NICE or an RLIMIT_NICE of at least 20 (systemd: LimitNICE=+0); a looping function then takes its"
                            + " full share of the CPUs");
        }
        this.inFlight = new InFlight(admission.effectiveMaxInFlightPerUser(requestThreads));
        this.metrics = new InvocationMetrics(meters);
        meters.gauge("wasmcloud.invocations.in.flight", inFlight, InFlight::total);
        meters.gauge("wasmcloud.pool.waiting", pool, ExecutionPool::waiting);
        meters.gauge("wasmcloud.pool.long.runs", pool, ExecutionPool::longRuns);
        meters.gauge("wasmcloud.pool.slots", slots);
    }

    public static String newInvocationId() {
        return InvocationIds.next().toString();
    }

    public CgiReply run(ActiveFunction function, CgiRequest request, InvocationOrigin origin) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        String id = request.invocationId();
        Optional<CgiReply> overQuota = quotas.admit(function, id);
        if (overQuota.isPresent()) {
            return finish(function, request, origin, startedAt, overQuota.get());
        }
        if (!inFlight.tryAcquire(function.ownerId())) {
            CgiReply tooMany = CgiReply.refusal(
                    InvocationOutcome.THROTTLED,
                    "Too many requests to this account's functions are in flight; retry shortly",
                    id);
            return finish(function, request, origin, startedAt, tooMany);
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
                return finish(
                        function, request, origin, startedAt, CgiReply.refusal(InvocationOutcome.UNAVAILABLE, id));
            }
            Limits limits = limits(function);
            // Recording off is HostCallLog.OFF: host calls pay one interface call, and nothing is kept.
            Recorder recorder =
                    function.record() == RecordMode.OFF ? null : new Recorder(Recording.MAX_HOST_CALL_BYTES);
            CgiReply reply = CgiExchange.run(
                    pool,
                    module,
                    request,
                    function.env(),
                    limits,
                    function.egress(),
                    new Tenant(function.ownerId(), function.id()),
                    recorder == null ? HostCallLog.OFF : recorder);
            if (reply.result() != null) {
                metrics.ran(System.nanoTime() - started);
            }
            if (recorder != null) {
                recordings.submit(function, request, limits, reply, recorder, startedAt);
            }
            return finish(function, request, origin, startedAt, reply);
        } finally {
            inFlight.release(function.ownerId());
        }
    }

    /** Callers waiting for a slot now, and the slots they wait for: the readiness signal. */
    int waiting() {
        return pool.waiting();
    }

    int slots() {
        return slots;
    }

    private Limits limits(ActiveFunction function) {
        return new Limits(
                function.timeout(),
                function.memoryPages(),
                maxResponseBytes,
                MAX_STDERR_BYTES,
                MAX_LOG_BYTES,
                MAX_OPEN_RESOURCES);
    }

    private CgiReply finish(
            ActiveFunction function, CgiRequest request, InvocationOrigin origin, Instant startedAt, CgiReply reply) {
        metrics.count(origin.source(), reply.outcome());
        quotas.ran(function, reply);
        invocationLog.add(new InvocationRecord(
                UUID.fromString(reply.invocationId()),
                function.id(),
                function.versionId(),
                origin,
                startedAt,
                reply.status(),
                reply.outcome(),
                request.body().length,
                reply.body().length,
                reply.result()));
        return reply;
    }

    @Override
    public void close() {
        pool.close();
    }
}
