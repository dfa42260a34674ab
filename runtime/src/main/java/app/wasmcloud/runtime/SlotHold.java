package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.CpuSlot;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One invocation's share of the execution slots, through its life: it holds a slot while it runs short, gives it
 * back while it sleeps, and gives it back for good once it is a long run, which counts toward its user's long-run
 * bound instead while it is awake ({@link FairSlots}). The watchdog's thread and the guest's own may both act on it.
 */
final class SlotHold implements CpuSlot {

    private static final long NO_DEADLINE_NANOS = TimeUnit.DAYS.toNanos(365);

    private enum State {
        /** Holds a slot. */
        SHORT,
        /** Short, asleep: no slot. */
        SHORT_ASLEEP,
        /** A long run, awake: counts toward the user's long runs. */
        LONG,
        /** A long run, asleep: counts toward nothing. */
        LONG_ASLEEP,
        /** Ended. */
        DONE
    }

    private final FairSlots slots;
    private final Tenant tenant;
    private State state = State.SHORT;

    SlotHold(FairSlots slots, Tenant tenant) {
        this.slots = slots;
        this.tenant = tenant;
    }

    /** The run has gone on long enough to take only what the others leave: its slot goes to the next caller. */
    synchronized void runLong() {
        switch (state) {
            case SHORT -> {
                slots.release();
                slots.longRunStarted(tenant);
                state = State.LONG;
            }
            case SHORT_ASLEEP -> state = State.LONG_ASLEEP;
            default -> {}
        }
    }

    /** The run ended: what it held goes back. */
    synchronized void releaseForGood() {
        letGo();
        state = State.DONE;
    }

    @Override
    public synchronized void release() {
        switch (state) {
            case SHORT -> {
                slots.release();
                state = State.SHORT_ASLEEP;
            }
            case LONG -> {
                slots.longRunEnded(tenant);
                state = State.LONG_ASLEEP;
            }
            default -> {}
        }
    }

    @Override
    public void reacquire() throws InterruptedException {
        boolean wasLong;
        synchronized (this) {
            if (state != State.SHORT_ASLEEP && state != State.LONG_ASLEEP) {
                return;
            }
            wasLong = state == State.LONG_ASLEEP;
        }
        if (wasLong) {
            slots.awaitLongRunTurn(tenant);
        } else {
            try {
                // No deadline of its own: the invocation's timeout interrupts the wait.
                slots.acquire(tenant, System.nanoTime() + NO_DEADLINE_NANOS);
            } catch (RejectedExecutionException tooManyWaiting) {
                // Go on without one rather than fail a guest for sleeping; it is short of its slot only till it ends.
                return;
            }
        }
        synchronized (this) {
            State took = wasLong ? State.LONG : State.SHORT;
            if (state == State.LONG_ASLEEP && !wasLong) {
                // It became a long run while it waited for a slot: it counts as one now instead.
                slots.release();
                slots.longRunStarted(tenant);
                took = State.LONG;
            } else if (state == State.DONE) {
                state = took;
                letGo();
                took = State.DONE;
            }
            state = took;
        }
    }

    private void letGo() {
        switch (state) {
            // It ended short: its function, if it was held back at its user's long-run bound, is not any more.
            case SHORT -> slots.releaseAfterShortRun(tenant);
            case LONG -> slots.longRunEnded(tenant);
            default -> {}
        }
    }
}
