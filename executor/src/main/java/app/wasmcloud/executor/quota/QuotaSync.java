package app.wasmcloud.executor.quota;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Shares the quota counts between the executors: every sync interval, on its own thread, it adds what this executor
 * ran to {@code quota_counters}, reads back every executor's totals and the owners' current tiers, and beats this
 * executor's heartbeat so per-second rates are split between the executors alive.
 */
@Component
class QuotaSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QuotaSync.class);

    /** An owner without a request for this long is forgotten; their next request reads their tier again. */
    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Quotas quotas;
    private final QuotaCounters counters;
    private final QuotaProperties properties;
    private final UUID executor = UUID.randomUUID();
    private volatile Thread thread;
    private volatile boolean running;
    private LocalDate forgotten;

    QuotaSync(Quotas quotas, QuotaCounters counters, QuotaProperties properties) {
        this.quotas = quotas;
        this.counters = counters;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("quota-sync").daemon().start(this::syncUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        Thread syncing = thread;
        if (syncing == null) {
            return;
        }
        syncing.interrupt();
        try {
            syncing.join(Duration.ofSeconds(5));
            // What ran since the last sync still counts for the other executors.
            sync();
            counters.leave(executor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn(
                    "Quota counts of the last {} not shared at shutdown: {}",
                    properties.syncInterval(),
                    e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void syncUntilStopped() {
        while (running) {
            try {
                sync();
            } catch (RuntimeException e) {
                log.warn("Quota sync failed, counting locally until the next one: {}", e.getMessage());
            }
            try {
                Thread.sleep(properties.syncInterval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round; package-private so a test can run one without waiting for the interval. */
    synchronized void sync() {
        quotas.executors(counters.heartbeat(executor, properties.executorExpiry()));
        LocalDate today = quotas.today();
        Map<Long, AccountUsage> accounts = quotas.accounts();
        Map<Long, AccountUsage.Delta> deltas = new HashMap<>();
        for (AccountUsage account : accounts.values()) {
            AccountUsage.Delta delta = account.drain();
            if (!delta.isEmpty()) {
                deltas.put(account.userId, delta);
            }
        }
        try {
            counters.add(today, deltas);
        } catch (RuntimeException e) {
            deltas.forEach((user, delta) -> {
                AccountUsage account = accounts.get(user);
                if (account != null) {
                    account.restore(delta);
                }
            });
            throw e;
        }
        Map<Long, QuotaCounters.Totals> totals = counters.totals(today, accounts.keySet());
        Map<Long, RunLimits> limits = counters.limits(accounts.keySet());
        long now = System.nanoTime();
        for (AccountUsage account : accounts.values()) {
            QuotaCounters.Totals total = totals.getOrDefault(account.userId, QuotaCounters.Totals.ZERO);
            account.synced(today, total.invocations(), total.cpuMicros());
            account.limits(limits.getOrDefault(account.userId, RunLimits.UNLIMITED));
        }
        accounts.values().removeIf(account -> now - account.lastSeenNanos > IDLE_NANOS);
        quotas.forgetIdleBuckets();
        if (!today.equals(forgotten)) {
            counters.forgetBefore(today.minusDays(1));
            forgotten = today;
        }
    }
}
