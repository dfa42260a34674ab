package app.wasmcloud.api.invocation;

import app.wasmcloud.api.executor.ExecutorClient;
import app.wasmcloud.api.executor.ExecutorUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one way the api-server has a function run: the call to an executor's internal endpoint, counted, and recorded
 * here when no executor answered (no executor can record it then). A synchronous invoke and every attempt of a
 * background request go through it, so they cannot drift apart.
 */
@Component
public class InvocationForwarder {

    private final ExecutorClient executor;
    private final UnansweredInvocations unanswered;
    private final MeterRegistry registry;
    private final Clock clock;

    InvocationForwarder(
            ExecutorClient executor, UnansweredInvocations unanswered, MeterRegistry registry, Clock clock) {
        this.executor = executor;
        this.unanswered = unanswered;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The executor's reply; throws {@link ExecutorUnavailableException}, naming the recorded invocation when it
     * could be recorded, when none answered.
     */
    public HttpResponse<byte[]> forward(long functionId, long versionId, ExecutorClient.Call call) {
        Instant startedAt = clock.instant();
        try {
            HttpResponse<byte[]> reply = executor.invoke(call);
            countForwarded(reply.statusCode() / 100 + "xx");
            return reply;
        } catch (ExecutorUnavailableException e) {
            countForwarded("unreachable");
            Optional<UUID> recorded =
                    unanswered.record(functionId, versionId, call.origin(), startedAt, call.body().length);
            throw recorded.map(e::recordedAs).orElse(e);
        }
    }

    /** {@code wasmcloud_invocations_forwarded_total{status="2xx"|…|"unreachable"}}: the executor's answers. */
    private void countForwarded(String status) {
        registry.counter("wasmcloud.invocations.forwarded", "status", status).increment();
    }
}
