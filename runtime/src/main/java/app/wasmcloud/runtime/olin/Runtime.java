package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I32;

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
                new HostCall("runtime_spec_major", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {SPEC_MAJOR}),
                new HostCall("runtime_spec_minor", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {SPEC_MINOR}),
                new HostCall(
                        "runtime_name",
                        HostCall.signature(List.of(I32, I32), List.of(I32)),
                        (instance, args) -> new long[] {
                            GuestMemory.writeIfFits(instance, (int) args[0], (int) args[1], NAME, "runtime_name")
                        }),
                new HostCall("runtime_msleep", HostCall.signature(List.of(I32), List.of()), (instance, args) -> {
                    sleep((int) args[0]);
                    return null;
                }),
                new HostCall("runtime_exit", HostCall.signature(List.of(I32), List.of()), (instance, args) -> {
                    throw new GuestExit((int) args[0]);
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
