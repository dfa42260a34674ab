package app.wasmcloud.api.schedule;

import app.wasmcloud.api.async.AsyncInvocations;
import app.wasmcloud.api.async.AsyncRequests;
import app.wasmcloud.contract.InvocationSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due schedules: each becomes a background request for its slot, run and retried like any other. Every
 * api-server polls; a due schedule is locked by the one that gets it first ({@code SKIP LOCKED}) and a slot can
 * have one request only (a unique index), so a slot fires at most once however many servers there are. A slot
 * found later than {@code lateness} is skipped and counted, so a server that comes back after an outage does not
 * replay what it missed in a burst.
 *
 * <p>Metrics: {@code wasmcloud_schedules_fired_total}, {@code wasmcloud_schedules_skipped_slots_total{reason}}
 * ({@code late} or {@code queue_full}) and {@code wasmcloud_schedules_lag_seconds} (how long after its slot a
 * schedule fired).
 */
@Component
public class ScheduleFirer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFirer.class);
    private static final int BATCH = 50;

    private final Schedules schedules;
    private final AsyncRequests requests;
    private final AsyncInvocations invocations;
    private final ScheduleProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Timer lag;
    private ScheduledExecutorService poller;
    private volatile boolean running;

    ScheduleFirer(
            Schedules schedules,
            AsyncRequests requests,
            AsyncInvocations invocations,
            ScheduleProperties properties,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry registry) {
        this.schedules = schedules;
        this.requests = requests;
        this.invocations = invocations;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.registry = registry;
        this.lag = Timer.builder("wasmcloud.schedules.lag")
                .description("How long after its slot a schedule fired")
                .register(registry);
    }

    /**
     * Fires every schedule due at {@code now}, one batch per transaction; returns how many slots it fired. The
     * poller calls it with the clock's time; tests call it with the time they want.
     */
    public int fireDue(Instant now) {
        int fired = 0;
        Batch batch;
        do {
            batch = transactions.execute(status -> fireBatch(now));
            fired += batch.fired();
        } while (batch.due() == BATCH);
        return fired;
    }

    /** A full batch means more may be due; every schedule in one moves on, so the loop ends. */
    private record Batch(int due, int fired) {}

    private Batch fireBatch(Instant now) {
        List<Schedule> due = schedules.lockDue(now, BATCH);
        int fired = 0;
        for (Schedule schedule : due) {
            if (fire(schedule, now)) {
                fired++;
            }
        }
        return new Batch(due.size(), fired);
    }

    /** Fires the schedule's latest due slot if it is still on time, skips the earlier ones, and moves it on. */
    private boolean fire(Schedule schedule, Instant now) {
        CronSchedule timing;
        try {
            timing = CronSchedule.parse(schedule.cron(), schedule.timeZone(), Duration.ofMinutes(1), now);
        } catch (IllegalArgumentException e) {
            // Stored ones were checked when they were written; a zone dropped from the JDK's data would end here.
            log.error("Schedule {} cannot be read any more and is paused: {}", schedule.id(), e.getMessage());
            schedules.pause(schedule.id(), true, null);
            return false;
        }
        Instant latest = schedule.nextSlot();
        long missed = 0;
        Optional<Instant> following = timing.nextAfter(latest);
        while (following.isPresent() && !following.get().isAfter(now)) {
            missed++;
            latest = following.get();
            following = timing.nextAfter(latest);
        }
        boolean onTime = Duration.between(latest, now).compareTo(properties.lateness()) <= 0;
        boolean room = onTime && invocations.roomFor(schedule.functionId());
        // False only when the slot has its request already: fired elsewhere, so neither fired here nor skipped.
        boolean fired = room && requests.insertForSlot(request(schedule), schedule.id(), latest, now);
        long late = onTime ? missed : missed + 1;
        long queueFull = onTime && !room ? 1 : 0;
        schedules.advance(schedule.id(), following.orElse(null), fired ? latest : null, now, late + queueFull);
        if (fired) {
            lag.record(Duration.between(latest, now));
            registry.counter("wasmcloud.schedules.fired").increment();
        }
        skipped("late", late);
        skipped("queue_full", queueFull);
        if (late + queueFull > 0) {
            log.info(
                    "Schedule {} of {} skipped {} slot(s) up to {} ({} late, {} with the queue full)",
                    schedule.id(),
                    schedule.function(),
                    late + queueFull,
                    latest,
                    late,
                    queueFull);
        }
        return fired;
    }

    private void skipped(String reason, long slots) {
        if (slots > 0) {
            registry.counter("wasmcloud.schedules.skipped.slots", "reason", reason)
                    .increment(slots);
        }
    }

    private AsyncRequests.NewRequest request(Schedule schedule) {
        return new AsyncRequests.NewRequest(
                schedule.functionId(),
                InvocationSource.SCHEDULE,
                schedule.method(),
                schedule.path(),
                schedule.headers(),
                schedule.body(),
                null,
                invocations.maxAttemptsOf(schedule.functionId()));
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("schedule-poller").daemon().factory());
        poller.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        poller.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void poll() {
        try {
            fireDue(clock.instant());
        } catch (DataAccessException | TransactionException e) {
            log.warn("Schedules wait: the database is not answering ({})", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Firing schedules failed", e);
        }
    }
}
