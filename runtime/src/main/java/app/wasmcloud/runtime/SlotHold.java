package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.CpuSlot;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One invocation's execution slot. It is given back for good when the run ends or becomes a long run (demoted), and
 * for a while when the guest sleeps; the watchdog's thread and the guest's own may both act on it.
 */
final class SlotHold implements CpuSlot {

    private static final long NO_DEADLINE_NANOS = TimeUnit.DAYS.toNanos(365);

    private final FairSlots slots;
    private final Tenant tenant;
    private boolean held = true;
    private boolean done;

    SlotHold(FairSlots slots, Tenant tenant) {
        this.slots = slots;
        this.tenant = tenant;
    }

    /** The run ended, or runs long enough to take only what the others leave: its slot goes to the next caller. */
    synchronized void releaseForGood() {
        done = true;
        release();
    }

    @Override
    public synchronized void release() {
        if (held) {
            held = false;
            slots.release();
        }
    }

    @Override
    public void reacquire() throws InterruptedException {
        synchronized (this) {
            if (held || done) {
                return;
            }
        }
        try {
            // No deadline of its own: the invocation's timeout interrupts the wait.
            slots.acquire(tenant, System.nanoTime() + NO_DEADLINE_NANOS);
        } catch (RejectedExecutionException tooManyWaiting) {
            // Go on without one rather than fail a guest for sleeping; the run is short of its slot only till it ends.
            return;
        }
        synchronized (this) {
            if (done) {
                slots.release();
            } else {
                held = true;
            }
        }
    }
}
