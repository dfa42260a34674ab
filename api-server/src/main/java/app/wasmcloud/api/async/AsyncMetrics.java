package app.wasmcloud.api.async;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code wasmcloud_async_requests{state}} (queued, running, succeeded, dead_lettered: the table's counts, refreshed by
 * the workers) and {@code wasmcloud_async_attempts_total{result}} (succeeded, retried, dead_lettered, superseded by a
 * worker that took over a lapsed lease).
 */
@Component
class AsyncMetrics {

    private final MeterRegistry registry;
    private final Map<RequestState, AtomicLong> requests = new EnumMap<>(RequestState.class);

    AsyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (RequestState state : RequestState.values()) {
            AtomicLong count = new AtomicLong();
            requests.put(state, count);
            registry.gauge(
                    "wasmcloud.async.requests",
                    io.micrometer.core.instrument.Tags.of("state", state.label()),
                    count,
                    AtomicLong::get);
        }
    }

    void attempt(String result) {
        registry.counter("wasmcloud.async.attempts", "result", result).increment();
    }

    void counted(Map<RequestState, Long> counts) {
        counts.forEach((state, count) -> requests.get(state).set(count));
    }
}
