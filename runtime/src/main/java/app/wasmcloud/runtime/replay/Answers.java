package app.wasmcloud.runtime.replay;

import com.dylibso.chicory.runtime.Instance;
import java.util.Set;

/**
 * Which host calls bring the world into the guest, and where the bytes they hand it go. These are answered from the
 * recording on replay; every other call is deterministic given the module, the request and the environment, so a
 * replay runs it for real and compares its result with the recording.
 */
final class Answers {

    /** Calls whose results alone come from the world (Olin time and random; a flush, which may send a request). */
    private static final Set<String> BY_RESULT = Set.of(
            "time_now",
            "random_i32",
            "random_i64",
            "random_u32",
            "random_u64",
            "resource_flush",
            // Replay does not wait: the sleep changed nothing but the time, and time is recorded.
            "runtime_msleep");

    /** Calls that also write into guest memory what came from the world. */
    private static final Set<String> BY_MEMORY =
            Set.of("resource_read", "clock_time_get", "clock_res_get", "random_get");

    private Answers() {}

    static boolean answered(String name) {
        return BY_RESULT.contains(name) || BY_MEMORY.contains(name);
    }

    /** The bytes {@code name} wrote into memory, read back after it ran; null when it wrote none from the world. */
    static byte[] captured(String name, Instance instance, long[] args, long[] results) {
        Span span = span(name, args, results);
        return span == null ? null : instance.memory().readBytes(span.pointer(), span.length());
    }

    /** Puts recorded bytes where the call wrote them. */
    static void restore(String name, Instance instance, long[] args, byte[] bytes) {
        if (bytes != null && BY_MEMORY.contains(name)) {
            instance.memory().write(pointer(name, args), bytes);
        }
    }

    private record Span(int pointer, int length) {}

    private static Span span(String name, long[] args, long[] results) {
        if (!BY_MEMORY.contains(name) || results == null || results.length == 0) {
            return null;
        }
        int result = (int) results[0];
        return switch (name) {
            // Olin: the count of bytes read, or an error code (and then nothing was written).
            case "resource_read" -> result > 0 ? new Span((int) args[1], result) : null;
            // WASI: errno 0 when the call wrote its result.
            case "clock_time_get", "clock_res_get" -> result == 0 ? new Span(pointer(name, args), 8) : null;
            case "random_get" -> result == 0 ? new Span((int) args[0], (int) args[1]) : null;
            default -> null;
        };
    }

    private static int pointer(String name, long[] args) {
        return switch (name) {
            case "resource_read" -> (int) args[1];
            case "clock_time_get" -> (int) args[2];
            case "clock_res_get" -> (int) args[1];
            default -> (int) args[0];
        };
    }
}
