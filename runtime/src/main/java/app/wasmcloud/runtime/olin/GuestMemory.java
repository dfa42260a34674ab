package app.wasmcloud.runtime.olin;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked access to a guest's memory on behalf of a host call. A pointer or length outside memory traps the
 * invocation (never an exception that escapes the runtime), and the message names the call for the owner.
 */
final class GuestMemory {

    private GuestMemory() {}

    static Memory of(Instance instance, String call) {
        Memory memory = instance.memory();
        if (memory == null) {
            throw new TrapException(call + ": the module has no memory");
        }
        return memory;
    }

    /** Pointers and lengths are u32 in wasm: a "negative" one is simply far out of range. */
    static void checkRange(Memory memory, int pointer, int length, String call) {
        long start = Integer.toUnsignedLong(pointer);
        long size = Integer.toUnsignedLong(length);
        long memorySize = (long) memory.pages() * Memory.PAGE_SIZE;
        if (start + size > memorySize) {
            throw new TrapException(call + ": out of bounds memory access (pointer " + start + ", length " + size
                    + ", memory " + memorySize + " bytes)");
        }
    }

    static byte[] read(Instance instance, int pointer, int length, String call) {
        Memory memory = of(instance, call);
        checkRange(memory, pointer, length, call);
        return memory.readBytes(pointer, length);
    }

    /** The bytes at {@code pointer} read as UTF-8 text, or null when they are not valid UTF-8 (never replaced). */
    static String readUtf8(Instance instance, int pointer, int length, String call) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(read(instance, pointer, length, call)))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static void write(Instance instance, int pointer, byte[] data, int length, String call) {
        Memory memory = of(instance, call);
        checkRange(memory, pointer, length, call);
        memory.write(pointer, data, 0, length);
    }

    /**
     * The fits/doesn't-fit rule of env_get, runtime_name and startup_arg_at: write the value when it fits in the
     * buffer, otherwise leave memory untouched; either way return its length so the guest can retry.
     */
    static int writeIfFits(Instance instance, int pointer, int capacity, byte[] value, String call) {
        Memory memory = of(instance, call);
        checkRange(memory, pointer, capacity, call);
        if (value.length <= Integer.toUnsignedLong(capacity)) {
            memory.write(pointer, value);
        }
        return value.length;
    }
}
