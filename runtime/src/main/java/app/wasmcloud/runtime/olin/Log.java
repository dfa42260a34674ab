package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I32;

import java.util.List;

/** {@code log_write}: one log line per call, at any level (pa'i panicked on unknown levels; we keep them). */
final class Log {

    private final OlinContext context;

    Log(OlinContext context) {
        this.context = context;
    }

    List<HostCall> calls() {
        return List.of(new HostCall(
                "log_write", HostCall.signature(List.of(I32, I32, I32), List.of()), (instance, args) -> {
                    byte[] text = GuestMemory.read(instance, (int) args[1], (int) args[2], "log_write");
                    context.log.add((int) args[0], "", text);
                    return null;
                }));
    }
}
