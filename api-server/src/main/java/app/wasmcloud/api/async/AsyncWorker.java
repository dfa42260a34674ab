package app.wasmcloud.api.async;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Works the queue: every poll claims as many due requests as it has free attempt slots and runs each on its own
 * thread. Every api-server runs one; the claims keep them from taking the same request. A database that is away
 * only pauses the work: the requests wait in it, and a lapsed lease gives an attempt whose result could not be
 * stored to another worker.
 */
@Component
class AsyncWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AsyncWorker.class);
    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(5);

    private final AsyncRequests requests;
    private final AttemptRunner runner;
    private final AsyncMetrics metrics;
    private final AsyncProperties properties;
    private final Clock clock;
    private final Semaphore slots;
    private ScheduledExecutorService poller;
    private ExecutorService attempts;
    private Instant gaugesRefreshed = Instant.EPOCH;
    private boolean databaseAway;
    private volatile boolean running;

    AsyncWorker(
            AsyncRequests requests,
            AttemptRunner runner,
            AsyncMetrics metrics,
            AsyncProperties properties,
            Clock clock) {
        this.requests = requests;
        this.runner = runner;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.slots = new Semaphore(properties.workers());
    }

    @Override
    public synchronized void start() {
        attempts = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("async-attempt-", 0).factory());
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("async-poller").daemon().factory());
        poller.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        poller.shutdownNow();
        attempts.shutdown();
        try {
            // An attempt still running after this keeps its lease; another worker takes it over when it runs out.
            if (!attempts.awaitTermination(10, TimeUnit.SECONDS)) {
                attempts.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void poll() {
        try {
            int free = slots.availablePermits();
            if (free > 0) {
                List<AsyncRequest> claimed = requests.claimDue(clock.instant(), properties.lease(), free);
                for (AsyncRequest claim : claimed) {
                    slots.acquireUninterruptibly();
                    attempts.execute(() -> attempt(claim));
                }
            }
            refreshGauges();
            if (databaseAway) {
                log.info("The database is back; background requests are being worked again");
                databaseAway = false;
            }
        } catch (DataAccessException e) {
            if (!databaseAway) {
                log.warn("Background requests wait: the database is not answering ({})", e.getMessage());
                databaseAway = true;
            }
        } catch (RuntimeException e) {
            log.error("Polling for background requests failed", e);
        }
    }

    private void attempt(AsyncRequest claim) {
        try {
            runner.run(claim);
        } catch (RuntimeException e) {
            // Most likely the database went away mid-attempt; the lease runs out and the attempt is tried again.
            log.warn(
                    "Attempt {} of background request {} did not finish: {}",
                    claim.attempts(),
                    claim.id(),
                    e.getMessage());
        } finally {
            slots.release();
        }
    }

    private void refreshGauges() {
        Instant now = clock.instant();
        if (Duration.between(gaugesRefreshed, now).compareTo(GAUGE_REFRESH) >= 0) {
            metrics.counted(requests.countByState());
            gaugesRefreshed = now;
        }
    }
}
