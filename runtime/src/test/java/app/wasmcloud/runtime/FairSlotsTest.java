package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FairSlotsTest {

    private static final long LATER = TimeUnit.SECONDS.toNanos(5);

    @Test
    void aLoneCallerTakesEveryFreeSlotAtOnce() throws InterruptedException {
        FairSlots slots = new FairSlots(3, 10);
        for (int i = 0; i < 3; i++) {
            slots.acquire(new Tenant(1, 1), System.nanoTime() + LATER);
        }
        assertThatThrownBy(() -> slots.acquire(new Tenant(1, 1), System.nanoTime() + 1_000_000))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("deadline");
    }

    @Test
    void freedSlotsGoToUsersInTurnThenToTheirFunctionsInTurn() throws Exception {
        FairSlots slots = new FairSlots(1, 10);
        slots.acquire(new Tenant(9, 9), System.nanoTime() + LATER);
        List<String> granted = new CopyOnWriteArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        // User 1 queues three requests to function 10 and one to 11 before user 2 queues one to function 20.
        for (Tenant tenant : List.of(
                new Tenant(1, 10), new Tenant(1, 10), new Tenant(1, 10), new Tenant(1, 11), new Tenant(2, 20))) {
            int before = slots.waiting();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    slots.acquire(tenant, System.nanoTime() + LATER);
                    granted.add(tenant.user() + "/" + tenant.function());
                    slots.release();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiters.add(waiter);
            while (slots.waiting() == before) {
                Thread.onSpinWait();
            }
        }
        slots.release();
        for (Thread waiter : waiters) {
            waiter.join();
        }

        assertThat(granted).containsExactly("1/10", "2/20", "1/11", "1/10", "1/10");
    }

    @Test
    void aWaiterPastItsDeadlineIsRefusedAndLeavesTheQueue() throws Exception {
        FairSlots slots = new FairSlots(1, 10);
        slots.acquire(Tenant.LOCAL, System.nanoTime() + LATER);
        long started = System.nanoTime();

        assertThatThrownBy(() -> slots.acquire(
                        Tenant.LOCAL, System.nanoTime() + Duration.ofMillis(100).toNanos()))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(slots.waiting()).isZero();
        slots.release();
        slots.acquire(Tenant.LOCAL, System.nanoTime() + LATER);
    }

    @Test
    void pastTheMemoryBoundCallersAreRefusedAtOnce() throws Exception {
        FairSlots slots = new FairSlots(1, 0);
        slots.acquire(Tenant.LOCAL, System.nanoTime() + LATER);

        assertThatThrownBy(() -> slots.acquire(Tenant.LOCAL, System.nanoTime() + LATER))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("too many");
    }

    @Test
    void aUserAtItsLongRunBoundWaitsWithTheFunctionThatRanLongWhileItsOtherFunctionsAndOtherUsersGoAtOnce()
            throws Exception {
        FairSlots slots = new FairSlots(4, 10, 1);
        Tenant looper = new Tenant(1, 10);
        slots.acquire(looper, System.nanoTime() + LATER);
        slots.release();
        slots.longRunStarted(looper);
        List<String> granted = new CopyOnWriteArrayList<>();
        Thread blocked = Thread.ofPlatform().start(() -> {
            try {
                slots.acquire(looper, System.nanoTime() + LATER);
                granted.add("1/10");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        while (slots.waiting() == 0) {
            Thread.onSpinWait();
        }

        slots.acquire(new Tenant(1, 11), System.nanoTime() + LATER);
        slots.acquire(new Tenant(2, 20), System.nanoTime() + LATER);
        assertThat(granted)
                .as("user 1 has its one long run awake, of function 10")
                .isEmpty();
        slots.longRunEnded(looper);
        blocked.join();

        assertThat(granted).containsExactly("1/10");
        assertThat(slots.longRuns()).isZero();
    }

    @Test
    void aFunctionHeldBackAtTheBoundGoesAgainOnceOneOfItsRunsEndsShort() throws Exception {
        FairSlots slots = new FairSlots(4, 10, 1);
        Tenant function = new Tenant(1, 10);
        slots.longRunStarted(new Tenant(1, 11));
        // Function 10 ran long once (that run has ended), so it is held back while function 11's long run is awake.
        slots.longRunStarted(function);
        slots.longRunEnded(function);
        Thread held = Thread.ofPlatform().start(() -> {
            try {
                slots.acquire(function, System.nanoTime() + LATER);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        while (slots.waiting() == 0) {
            Thread.onSpinWait();
        }

        // Another of its invocations was already running and ends short.
        slots.acquire(new Tenant(2, 20), System.nanoTime() + LATER);
        slots.releaseAfterShortRun(function);
        held.join(5_000);

        assertThat(held.isAlive()).as("granted once function 10 ran short").isFalse();
        assertThat(slots.waiting()).isZero();
    }

    @Test
    void aUserWhoseLongRunsStayAtTheBoundIsRefusedAtTheDeadline() throws Exception {
        FairSlots slots = new FairSlots(4, 10, 1);
        slots.longRunStarted(new Tenant(1, 10));

        assertThatThrownBy(() -> slots.acquire(new Tenant(1, 10), System.nanoTime() + 50_000_000))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("deadline");
        assertThat(slots.waiting()).isZero();
    }

    @Test
    void aLongRunWakingFromSleepWaitsForItsUserToBeBelowTheBound() throws Exception {
        FairSlots slots = new FairSlots(4, 10, 1);
        Tenant first = new Tenant(1, 10);
        Tenant second = new Tenant(1, 11);
        slots.longRunStarted(first);
        Thread waking = Thread.ofPlatform().start(() -> {
            try {
                slots.awaitLongRunTurn(second);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waking.join(200);
        assertThat(waking.isAlive())
                .as("waits while the other long run is awake")
                .isTrue();

        slots.longRunEnded(first);
        waking.join();

        assertThat(slots.longRuns()).isOne();
    }
}
