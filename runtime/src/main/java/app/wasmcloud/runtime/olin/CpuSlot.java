package app.wasmcloud.runtime.olin;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;

/**
 * An invocation's hold on an execution slot, which a guest gives back while it blocks: a sleeping guest, or one
 * waiting for an outbound reply, uses no CPU, so it must not keep another tenant's invocation waiting.
 */
public interface CpuSlot {

    /** A hold that is never given back: for runs outside an execution pool. */
    CpuSlot NONE = new CpuSlot() {
        @Override
        public void release() {}

        @Override
        public void reacquire() {}
    };

    /** Gives the slot back before blocking; harmless when it is not held. */
    void release();

    /** Takes a slot again after blocking, waiting in turn; the invocation's timeout interrupts the wait. */
    void reacquire() throws InterruptedException;

    /** A call that a guest blocks in. */
    @FunctionalInterface
    interface Blocking<T, E extends Exception> {
        T call() throws E;
    }

    /**
     * Runs {@code blocking} without the slot, and takes one again after, however it ended. An interrupt while
     * waiting for the slot again is the invocation's timeout, and ends the guest as such.
     */
    default <T, E extends Exception> T whileBlocked(Blocking<T, E> blocking) throws E {
        release();
        try {
            return blocking.call();
        } finally {
            try {
                reacquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChicoryInterruptedException("interrupted while waiting for a slot", e);
            }
        }
    }
}
