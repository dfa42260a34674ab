package app.wasmcloud.runtime.olin;

import com.dylibso.chicory.runtime.Instance;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code env_get}: the invocation's environment (CGI meta-variables, then the function's own variables). */
final class Env {

    /** Longer than any key an invocation can have (configuration keys, CGI meta-variables, HTTP_ header names). */
    static final int MAX_KEY_BYTES = 64 * 1024;

    List<HostCall> calls() {
        return List.of(HostCall.returningI32("env_get", Env::get));
    }

    private static int get(Instance instance, int keyPointer, int keyLength, int valuePointer, int capacity) {
        GuestMemory.checkRange(GuestMemory.of(instance, "env_get"), keyPointer, keyLength, "env_get");
        // No variable has a key this long, so there is nothing to copy out of guest memory. A key that is not valid
        // UTF-8 cannot name any variable either: both are simply not found.
        String key = Integer.toUnsignedLong(keyLength) > MAX_KEY_BYTES
                ? null
                : GuestMemory.readUtf8(instance, keyPointer, keyLength, "env_get");
        String value = key == null ? null : OlinContext.current().env.get(key);
        if (value == null) {
            // Still check the buffer: a bad pointer is a bug whether or not the key exists.
            GuestMemory.checkRange(GuestMemory.of(instance, "env_get"), valuePointer, capacity, "env_get");
            return OlinError.NOT_FOUND.code();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return GuestMemory.writeIfFits(instance, valuePointer, capacity, bytes, "env_get");
    }
}
