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
}
