package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I32;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code env_get}: the invocation's environment (CGI meta-variables, then the function's own variables). */
final class Env {

    /** Longer than any key an invocation can have (configuration keys, CGI meta-variables, HTTP_ header names). */
    static final int MAX_KEY_BYTES = 64 * 1024;

    List<HostCall> calls() {
        return List.of(new HostCall(
                "env_get", HostCall.signature(List.of(I32, I32, I32, I32), List.of(I32)), (instance, args) -> {
                    GuestMemory.checkRange(
                            GuestMemory.of(instance, "env_get"), (int) args[0], (int) args[1], "env_get");
                    // No variable has a key this long, so there is nothing to copy out of guest memory.
                    String value = Integer.toUnsignedLong((int) args[1]) > MAX_KEY_BYTES
                            ? null
                            : OlinContext.current()
                                    .env
                                    .get(decode(GuestMemory.read(instance, (int) args[0], (int) args[1], "env_get")));
                    if (value == null) {
                        // Still check the buffer: a bad pointer is a bug whether or not the key exists.
                        GuestMemory.checkRange(
                                GuestMemory.of(instance, "env_get"), (int) args[2], (int) args[3], "env_get");
                        return new long[] {OlinError.NOT_FOUND.code()};
                    }
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    return new long[] {GuestMemory.writeIfFits(instance, (int) args[2], (int) args[3], bytes, "env_get")
                    };
                }));
    }

    /** A key that is not valid UTF-8 cannot name any variable; it is simply not found. */
    private static String decode(byte[] key) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(key))
                    .toString();
        } catch (CharacterCodingException e) {
            return "\u0000invalid";
        }
    }
}
