package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I32;

import app.wasmcloud.runtime.internal.GuestLog;
import java.util.List;

/** {@code log_write}: one log line per call, at any level (pa'i panicked on unknown levels; we keep them). */
final class Log {

    List<HostCall> calls() {
        return List.of(new HostCall(
                "log_write", HostCall.signature(List.of(I32, I32, I32), List.of()), (instance, args) -> {
                    int pointer = (int) args[1];
                    int length = (int) args[2];
                    GuestMemory.checkRange(GuestMemory.of(instance, "log_write"), pointer, length, "log_write");
                    // A line longer than the whole log cap is dropped anyway: copy no more than it takes to know that.
                    GuestLog log = OlinContext.current().log;
                    int copied = (int) Math.min(Integer.toUnsignedLong(length), log.maxBytes() + 1L);
                    log.add((int) args[0], "", GuestMemory.read(instance, pointer, copied, "log_write"));
                    return null;
                }));
    }
}
