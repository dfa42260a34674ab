package app.wasmcloud.executor.invocation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Invocation counters by outcome and source, and the latency of those that ran. Labels are bounded by the two enums:
 * no function names, no per-request values.
 */
final class InvocationMetrics {

    private final Map<Source, Map<InvocationOutcome, Counter>> invocations = new EnumMap<>(Source.class);
    private final Timer latency;

    InvocationMetrics(MeterRegistry meters) {
        for (Source source : Source.values()) {
            Map<InvocationOutcome, Counter> bySource = new EnumMap<>(InvocationOutcome.class);
            for (InvocationOutcome outcome : InvocationOutcome.values()) {
                bySource.put(
                        outcome,
                        Counter.builder("wasmcloud.invocations")
                                .description("Invocations by how they ended")
                                .tag("outcome", outcome.label())
                                .tag("source", source.name().toLowerCase(Locale.ROOT))
                                .register(meters));
            }
            invocations.put(source, bySource);
        }
        this.latency = Timer.builder("wasmcloud.invocation.duration")
                .description(
                        "Time from admission to reply of invocations that ran, waiting for a guest thread included")
                .publishPercentileHistogram()
                .register(meters);
    }

    void count(Source source, InvocationOutcome outcome) {
        invocations.get(source).get(outcome).increment();
    }

    void ran(long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }
}
