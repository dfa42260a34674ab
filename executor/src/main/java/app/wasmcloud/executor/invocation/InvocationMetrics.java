package app.wasmcloud.executor.invocation;

import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.contract.InvocationSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Invocation counters by outcome and source, and the latency of those that ran. Labels are bounded by the two enums:
 * no function names, no per-request values.
 */
final class InvocationMetrics {

    private final Map<InvocationSource, Map<InvocationOutcome, Counter>> invocations =
            new EnumMap<>(InvocationSource.class);
    private final Timer latency;

    InvocationMetrics(MeterRegistry meters) {
        for (InvocationSource source : InvocationSource.values()) {
            Map<InvocationOutcome, Counter> byInvocationSource = new EnumMap<>(InvocationOutcome.class);
            for (InvocationOutcome outcome : InvocationOutcome.values()) {
                byInvocationSource.put(
                        outcome,
                        Counter.builder("wasmcloud.invocations")
                                .description("Invocations by how they ended")
                                .tag("outcome", outcome.label())
                                .tag("source", source.label())
                                .register(meters));
            }
            invocations.put(source, byInvocationSource);
        }
        this.latency = Timer.builder("wasmcloud.invocation.duration")
                .description(
                        "Time from admission to reply of invocations that ran, waiting for a guest thread included")
                .publishPercentileHistogram()
                .register(meters);
    }

    void count(InvocationSource source, InvocationOutcome outcome) {
        invocations.get(source).get(outcome).increment();
    }

    void ran(long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }
}
