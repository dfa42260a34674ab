package app.wasmcloud.api.invocation;

import app.wasmcloud.api.invocation.InvocationRecords.Invocation;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live logs as Server-Sent Events: one {@code invocation} event per new record of a function, polled from the table
 * (the executors write it; there is nothing to subscribe to). Executors insert in batches, so a record may land after
 * a newer one; each poll therefore looks back a little and skips the records it already sent.
 */
@Component
class LogStream implements SmartLifecycle {

    private static final int BATCH = 200;

    private final InvocationRecords records;
    private final InvocationProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    LogStream(InvocationRecords records, InvocationProperties properties, TaskScheduler scheduler, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** A stream of the function's invocations recorded from now on (including late arrivals started a little earlier). */
    SseEmitter follow(long functionId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Follower follower = new Follower(functionId, emitter, clock.instant());
        follower.skipExisting();
        ScheduledFuture<?> polling = scheduler.scheduleWithFixedDelay(follower::poll, properties.streamPollInterval());
        ScheduledFuture<?> heartbeat =
                scheduler.scheduleWithFixedDelay(follower::heartbeat, properties.streamHeartbeat());
        open.add(emitter);
        Runnable stop = () -> {
            polling.cancel(false);
            heartbeat.cancel(false);
            open.remove(emitter);
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends open streams first: a graceful shutdown would otherwise wait its full timeout for them. */
    @Override
    public void stop() {
        running = false;
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server begins its graceful shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private final class Follower {

        private final long functionId;
        private final SseEmitter emitter;
        private final Map<UUID, Instant> sent = new HashMap<>();
        private Instant newest;

        Follower(long functionId, SseEmitter emitter, Instant from) {
            this.functionId = functionId;
            this.emitter = emitter;
            this.newest = from;
        }

        /**
         * Marks the records already stored as sent: the stream is for invocations from now on, and the look-back
         * window is only there for records an executor inserts late, not to replay the last half minute.
         */
        synchronized void skipExisting() {
            Instant windowStart = newest.minus(properties.streamLookback());
            for (Invocation invocation : records.startedSince(functionId, windowStart, BATCH * 50)) {
                sent.put(invocation.id(), invocation.startedAt());
            }
        }

        synchronized void poll() {
            Instant windowStart = newest.minus(properties.streamLookback());
            sent.values().removeIf(startedAt -> startedAt.isBefore(windowStart));
            List<Invocation> batch;
            try {
                batch = records.startedSince(functionId, windowStart, BATCH + sent.size());
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
                return;
            }
            for (Invocation invocation : batch) {
                if (sent.putIfAbsent(invocation.id(), invocation.startedAt()) != null) {
                    continue;
                }
                if (invocation.startedAt().isAfter(newest)) {
                    newest = invocation.startedAt();
                }
                try {
                    emitter.send(SseEmitter.event()
                            .name("invocation")
                            .id(invocation.id().toString())
                            .data(invocation.detail()));
                } catch (IOException | IllegalStateException e) {
                    // The client went away; the emitter's callbacks stop the polling.
                    emitter.completeWithError(e);
                    return;
                }
            }
        }

        synchronized void heartbeat() {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }
    }
}
