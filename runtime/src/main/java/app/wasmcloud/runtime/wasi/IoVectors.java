package app.wasmcloud.runtime.wasi;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import java.util.Set;

/**
 * Bounds checks for the WASI calls that take an iovec array. Chicory 1.7.5's {@code fd_read} allocates a host buffer
 * of each iovec's length before touching guest memory, so an iovec of 2 GiB would allocate 2 GiB even in a guest of
 * one page. Checking every iovec against memory first makes such a call a trap of that invocation, and bounds what any
 * call allocates by the guest's own memory size (itself capped).
 */
final class IoVectors {

    /** The calls whose parameters 1 and 2 are (iovs, iovs_len). */
    private static final Set<String> CALLS = Set.of("fd_read", "fd_write", "fd_pread", "fd_pwrite");

    private static final int IOVEC_BYTES = 8;

    private IoVectors() {}

    static HostFunction guarded(HostFunction function) {
        if (!CALLS.contains(function.name())) {
            return function;
        }
        String name = function.name();
        var handle = function.handle();
        return new HostFunction(function.module(), name, function.functionType(), (instance, args) -> {
            check(instance, (int) args[1], (int) args[2], name);
            return handle.apply(instance, args);
        });
    }

    private static void check(Instance instance, int iovs, int count, String call) {
        Memory memory = instance.memory();
        if (memory == null) {
            throw new TrapException(call + ": the module has no memory");
        }
        long memorySize = (long) memory.pages() * Memory.PAGE_SIZE;
        long start = Integer.toUnsignedLong(iovs);
        if (start + Integer.toUnsignedLong(count) * IOVEC_BYTES > memorySize) {
            throw outOfBounds(call, start, Integer.toUnsignedLong(count) * IOVEC_BYTES, memorySize);
        }
        for (int i = 0; i < count; i++) {
            int entry = iovs + i * IOVEC_BYTES;
            long buffer = Integer.toUnsignedLong(memory.readInt(entry));
            long length = Integer.toUnsignedLong(memory.readInt(entry + 4));
            if (buffer + length > memorySize) {
                throw outOfBounds(call, buffer, length, memorySize);
            }
        }
    }

    private static TrapException outOfBounds(String call, long pointer, long length, long memorySize) {
        return new TrapException(call + ": out of bounds memory access (pointer " + pointer + ", length " + length
                + ", memory " + memorySize + " bytes)");
    }
}
