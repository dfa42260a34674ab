package app.wasmcloud.runtime.internal;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.Arrays;
import java.util.List;

/**
 * A module's memory as instantiation leaves it, built once per module: its active data segments applied in order over
 * zeroes, up to the last byte they write. Each instance's {@link FlatMemory} starts as a copy of it, so no instance
 * zeroes its memory twice or applies the segments itself (Wasmtime gets further with copy-on-write mappings).
 */
public final class MemoryImage {

    private final byte[] bytes;

    private MemoryImage(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The image of {@code module}'s one memory, or null when one cannot be built ahead of an instance: no memory, or a
     * segment whose offset is not a constant (a {@code global.get}) or that does not fit the initial pages. Those
     * modules initialise each instance's memory as Chicory does, with its checks and its traps.
     */
    public static MemoryImage of(WasmModule module) {
        int memories = module.memorySection().map(MemorySection::memoryCount).orElse(0);
        if (memories != 1) {
            return null;
        }
        long size = (long) module.memorySection().get().getMemory(0).limits().initialPages() * Memory.PAGE_SIZE;
        DataSegment[] segments = module.dataSection().dataSegments();
        int end = 0;
        int[] offsets = new int[segments.length];
        for (int i = 0; i < segments.length; i++) {
            if (segments[i] instanceof ActiveDataSegment active) {
                Integer offset = constantOffset(active);
                if (offset == null || active.index() != 0) {
                    return null;
                }
                long segmentEnd = Integer.toUnsignedLong(offset) + active.data().length;
                if (segmentEnd > size) {
                    return null;
                }
                offsets[i] = offset;
                end = Math.max(end, (int) segmentEnd);
            }
        }
        byte[] image = new byte[end];
        for (int i = 0; i < segments.length; i++) {
            if (segments[i] instanceof ActiveDataSegment active) {
                System.arraycopy(active.data(), 0, image, offsets[i], active.data().length);
            }
        }
        return new MemoryImage(image);
    }

    /** The offset of a segment placed by a lone {@code i32.const}, or null when it depends on anything else. */
    private static Integer constantOffset(ActiveDataSegment segment) {
        List<Instruction> instructions = segment.offsetInstructions().stream()
                .filter(instruction -> instruction.opcode() != OpCode.END)
                .toList();
        if (instructions.size() == 1 && instructions.get(0).opcode() == OpCode.I32_CONST) {
            return (int) instructions.get(0).operand(0);
        }
        return null;
    }

    /** The bytes the image covers; everything past them starts as zero. */
    public int length() {
        return bytes.length;
    }

    /** A new memory array of {@code size} bytes for one instance: the image, then zeroes. */
    byte[] copyOf(int size) {
        return Arrays.copyOf(bytes, size);
    }

    /** Writes the image over the start of {@code memory}. */
    void copyInto(byte[] memory) {
        System.arraycopy(bytes, 0, memory, 0, bytes.length);
    }
}
