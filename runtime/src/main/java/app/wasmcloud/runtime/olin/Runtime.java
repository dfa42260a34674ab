package app.wasmcloud.runtime.olin;

import app.wasmcloud.runtime.internal.GuestExit;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code runtime_*}: which spec and runtime this is, sleeping and exiting. */
final class Runtime {

    static final int SPEC_MAJOR = 0;
    /** Minor 2: pa'i's set, including random_u32 and random_u64. */
    static final int SPEC_MINOR = 2;

    static final byte[] NAME = "wasmcloud".getBytes(StandardCharsets.UTF_8);

    List<HostCall> calls() {
        return List.of(
                HostCall.returningI32("runtime_spec_major", instance -> SPEC_MAJOR),
                HostCall.returningI32("runtime_spec_minor", instance -> SPEC_MINOR),
                HostCall.returningI32(
                        "runtime_name",
                        (instance, pointer, capacity) ->
                                GuestMemory.writeIfFits(instance, pointer, capacity, NAME, "runtime_name")),
                HostCall.returningNothing("runtime_msleep", (instance, millis) -> sleep(millis)),
                HostCall.returningNothing("runtime_exit", (instance, code) -> {
                    throw new GuestExit(code);
                }));
    }

    /**
     * Counts against the wall-clock limit; the timeout interrupts the guest thread, which ends the sleep at once. The
     * slot is given back meanwhile: a sleeper uses no CPU, and another tenant's invocation may run in its place.
     */
    private static void sleep(int millis) {
        if (millis <= 0) {
            return;
        }
        CpuSlot slot = OlinContext.current().slot;
        try {
            slot.release();
            Thread.sleep(millis);
            slot.reacquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChicoryInterruptedException("interrupted in runtime_msleep", e);
        }
    }
}
