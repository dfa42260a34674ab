package app.wasmcloud.runtime.olin;

import app.wasmcloud.runtime.internal.GuestLog;
import com.dylibso.chicory.runtime.Instance;
import java.util.List;

/** {@code log_write}: one log line per call, at any level (pa'i panicked on unknown levels; we keep them). */
final class Log {

    List<HostCall> calls() {
        return List.of(HostCall.returningNothing("log_write", Log::write));
    }

    private static void write(Instance instance, int level, int pointer, int length) {
        GuestMemory.checkRange(GuestMemory.of(instance, "log_write"), pointer, length, "log_write");
        // A line longer than the whole log cap is dropped anyway: copy no more than it takes to know that.
        GuestLog log = OlinContext.current().log;
        int copied = (int) Math.min(Integer.toUnsignedLong(length), log.maxBytes() + 1L);
        log.add(level, "", GuestMemory.read(instance, pointer, copied, "log_write"));
    }
}
