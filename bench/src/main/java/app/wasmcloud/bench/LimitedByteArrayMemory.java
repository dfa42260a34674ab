package app.wasmcloud.bench;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.DataSegment;

/**
 * The runtime's linear memory before {@code FlatMemory} (kept here so that one benchmark run compares the two): Chicory's
 * paged {@link ByteArrayMemory} inside a wrapper that remembered a refused {@code memory.grow}.
 */
final class LimitedByteArrayMemory implements Memory {

    /** The concrete type, not the interface: calls through it bind statically, so the JIT inlines them. */
    private final ByteArrayMemory memory;

    private volatile boolean growRefused;

    LimitedByteArrayMemory(ByteArrayMemory memory) {
        this.memory = memory;
    }

    /** Whether a {@code memory.grow} was refused because of the cap. */
    public boolean growRefused() {
        return growRefused;
    }

    @Override
    public int grow(int size) {
        int previous = memory.grow(size);
        if (previous < 0) {
            growRefused = true;
        }
        return previous;
    }

    @Override
    public int pages() {
        return memory.pages();
    }

    @Override
    public int initialPages() {
        return memory.initialPages();
    }

    @Override
    public int maximumPages() {
        return memory.maximumPages();
    }

    @Override
    public boolean shared() {
        return memory.shared();
    }

    @Override
    public Object lock(int address) {
        return memory.lock(address);
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        return memory.waitOn(address, expected, timeout);
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        return memory.waitOn(address, expected, timeout);
    }

    @Override
    public int notify(int address, int maxThreads) {
        return memory.notify(address, maxThreads);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        memory.initialize(instance, dataSegments);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        memory.initialize(instance, dataSegments, memoryIndex);
    }

    @Override
    public void initPassiveSegment(int segmentId, int address, int offset, int size) {
        memory.initPassiveSegment(segmentId, address, offset, size);
    }

    @Override
    public void write(int address, byte[] data, int offset, int size) {
        memory.write(address, data, offset, size);
    }

    @Override
    public byte read(int address) {
        return memory.read(address);
    }

    @Override
    public byte[] readBytes(int address, int length) {
        return memory.readBytes(address, length);
    }

    @Override
    public void writeI32(int address, int data) {
        memory.writeI32(address, data);
    }

    @Override
    public int readInt(int address) {
        return memory.readInt(address);
    }

    @Override
    public void writeLong(int address, long data) {
        memory.writeLong(address, data);
    }

    @Override
    public long readLong(int address) {
        return memory.readLong(address);
    }

    @Override
    public void writeShort(int address, short data) {
        memory.writeShort(address, data);
    }

    @Override
    public short readShort(int address) {
        return memory.readShort(address);
    }

    @Override
    public long readU16(int address) {
        return memory.readU16(address);
    }

    @Override
    public void writeByte(int address, byte data) {
        memory.writeByte(address, data);
    }

    @Override
    public void writeF32(int address, float data) {
        memory.writeF32(address, data);
    }

    @Override
    public long readF32(int address) {
        return memory.readF32(address);
    }

    @Override
    public float readFloat(int address) {
        return memory.readFloat(address);
    }

    @Override
    public void writeF64(int address, double data) {
        memory.writeF64(address, data);
    }

    @Override
    public double readDouble(int address) {
        return memory.readDouble(address);
    }

    @Override
    public long readF64(int address) {
        return memory.readF64(address);
    }

    @Override
    public void zero() {
        memory.zero();
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        memory.fill(value, fromIndex, toIndex);
    }

    @Override
    public void copy(int dest, int src, int size) {
        memory.copy(dest, src, size);
    }

    @Override
    public void drop(int segment) {
        memory.drop(segment);
    }
}
