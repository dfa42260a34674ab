package app.wasmcloud.executor.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Ends request bodies that arrive too slowly (408): one thread looks at every body still arriving four times a
 * second, so a thousand trickling clients cost one timer, not a thousand.
 */
@Component
class SlowBodyGuard implements AutoCloseable {

    private static final long TICK_MILLIS = 250;

    private final Set<BodyReader> arriving = ConcurrentHashMap.newKeySet();
    private final long deadlineNanos;
    private final long graceNanos;
    private final long minBytesPerSecond;
    private final Thread thread;
    private volatile boolean closed;

    SlowBodyGuard(RequestBodyProperties properties) {
        this.deadlineNanos = properties.deadline().toNanos();
        this.graceNanos = properties.grace().toNanos();
        this.minBytesPerSecond = properties.minRate().toBytes();
        this.thread = Thread.ofPlatform().daemon().name("slow-body-guard").start(this::watch);
    }

    void watch(BodyReader body) {
        arriving.add(body);
    }

    void forget(BodyReader body) {
        arriving.remove(body);
    }

    /** Whether a body that has taken {@code elapsedNanos} for {@code bytes} so far may go on arriving. */
    boolean inTime(long elapsedNanos, long bytes) {
        if (elapsedNanos >= deadlineNanos) {
            return false;
        }
        return elapsedNanos < graceNanos || bytes * TimeUnit.SECONDS.toNanos(1) >= minBytesPerSecond * elapsedNanos;
    }

    private void watch() {
        while (!closed) {
            long now = System.nanoTime();
            for (BodyReader body : arriving) {
                if (!inTime(now - body.startedNanos(), body.bytesSoFar())) {
                    arriving.remove(body);
                    body.tooSlow();
                }
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
