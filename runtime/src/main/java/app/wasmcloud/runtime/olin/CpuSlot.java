package app.wasmcloud.runtime.olin;

/**
 * An invocation's hold on an execution slot, which a guest gives back while it blocks: a sleeping guest uses no CPU,
 * so it must not keep another tenant's invocation waiting.
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
}
