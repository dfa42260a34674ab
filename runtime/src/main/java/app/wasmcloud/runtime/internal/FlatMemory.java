package app.wasmcloud.runtime.internal;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A guest's linear memory as one contiguous array, under its page cap.
 *
 * <p>Chicory's {@code ByteArrayMemory} keeps one array per 64 KiB page, so every load and store looks the page up and
 * handles accesses that straddle two pages; here a load is one bounds check and one array access (SHA-256 over 1 MiB:
 * 8.0 ms against 13.2 ms, bench/README.md).
 *
 * <p>The array holds only the memory's <em>committed</em> prefix: once initialised, it is a copy of the module's
 * {@link MemoryImage} (or empty), and an access past it, but within the memory's size, extends it first (by at least
 * half again, in {@link #COMMIT_GRANULE} steps, up to the size). Everything past the prefix is zero, as wasm requires,
 * without having been written: a fresh instance of hello allocates the 4 KiB its data needs plus the pages its stack
 * touches, not the 128 KiB it declares, and {@code memory.grow} costs nothing until the guest uses the pages. The fast
 * path checks against the array's own length, which the JIT then needs to check only once.
 *
 * <p>It also remembers a {@code memory.grow} refused because of the cap, so a trap that follows (a failed malloc,
 * usually) is reported as the memory limit rather than as a bug in the guest.
 *
 * <p>Not shared memory: an instance runs on one thread, and the runtime never declares its memory shared, so there is
 * no one to wait for; {@code memory.atomic.wait} traps as it does on any unshared memory, and atomic operations are
 * plain accesses under this object's monitor (Chicory's defaults, through {@link #lock}).
 */
public final class FlatMemory implements Memory {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    /** What the committed prefix grows by, at least: the page size of the machines we run on. */
    static final int COMMIT_GRANULE = 4096;

    private static final byte[] NOTHING_COMMITTED = new byte[0];

    private final int initialPages;
    /** A Java array holds less than 2 GiB, so at most {@link #RUNTIME_MAX_PAGES}, as in Chicory's own memories. */
    private final int maximumPages;

    /** Null when the data segments are applied by {@link #initialize} instead. */
    private final MemoryImage image;

    /** The committed prefix: never longer than {@link #size}; what lies past it reads as zero. */
    private byte[] bytes;
    /** {@code pages * PAGE_SIZE}: the addressable bytes. */
    private int size;

    private int pages;
    private DataSegment[] dataSegments;
    private volatile boolean growRefused;

    public FlatMemory(MemoryLimits limits) {
        this(limits, null);
    }

    /**
     * @param image the module's memory image, or null to apply the data segments in {@link #initialize}; it must have
     *     been built for these initial pages
     */
    public FlatMemory(MemoryLimits limits, MemoryImage image) {
        if (limits.shared()) {
            throw new IllegalArgumentException("shared memory is not supported: an instance runs on one thread");
        }
        this.initialPages = limits.initialPages();
        this.maximumPages = Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
        if (initialPages > maximumPages) {
            throw new UninstantiableException(
                    "memory of " + initialPages + " pages is over its maximum of " + maximumPages + " pages");
        }
        this.pages = initialPages;
        this.size = initialPages * PAGE_SIZE;
        if (image != null && image.length() > size) {
            throw new IllegalArgumentException(
                    "an image of " + image.length() + " bytes does not fit " + initialPages + " pages");
        }
        this.image = image;
        this.bytes = NOTHING_COMMITTED;
    }

    /** The bytes actually allocated for the guest's memory so far, at most {@code pages() * PAGE_SIZE}. */
    public int committedBytes() {
        return bytes.length;
    }

    /** Whether a {@code memory.grow} was refused because of the cap. */
    public boolean growRefused() {
        return growRefused;
    }

    @Override
    public int pages() {
        return pages;
    }

    @Override
    public int grow(int delta) {
        int previous = pages;
        int wanted = previous + delta;
        if (wanted > maximumPages || wanted < previous) {
            growRefused = true;
            return -1;
        }
        // Nothing is allocated here: the new pages are committed when the guest first touches them.
        pages = wanted;
        size = wanted * PAGE_SIZE;
        return previous;
    }

    @Override
    public int initialPages() {
        return initialPages;
    }

    @Override
    public int maximumPages() {
        return maximumPages;
    }

    @Override
    public boolean shared() {
        return false;
    }

    /** The monitor of Chicory's default atomic operations (read, then write, under the lock). */
    @Override
    public Object lock(int address) {
        return this;
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    public int notify(int address, int maxThreads) {
        return 0;
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        initialize(instance, segments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
        this.dataSegments = segments;
        if (image != null && memoryIndex == 0) {
            // The image holds exactly what the active segments write, checked when it was built.
            bytes = image.copy();
            return;
        }
        if (segments == null) {
            return;
        }
        for (DataSegment segment : segments) {
            if (segment instanceof ActiveDataSegment active && active.index() == memoryIndex) {
                int offset = (int) ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
                byte[] data = active.data();
                checkRange(offset, data.length, size, UninstantiableException::new);
                System.arraycopy(data, 0, committed(offset, data.length), offset, data.length);
            } else if (!(segment instanceof ActiveDataSegment) && !(segment instanceof PassiveDataSegment)) {
                throw new ChicoryException("Data segment should be active or passive: " + segment);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int address, int offset, int length) {
        write(address, dataSegments[segmentId].data(), offset, length);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    @Override
    public void write(int address, byte[] data, int offset, int length) {
        checkRange(offset, length, data.length, WasmRuntimeException::new);
        checkRange(address, length, size, WasmRuntimeException::new);
        System.arraycopy(data, offset, committed(address, length), address, length);
    }

    @Override
    public byte[] readBytes(int address, int length) {
        checkRange(address, length, size, WasmRuntimeException::new);
        return Arrays.copyOfRange(committed(address, length), address, address + length);
    }

    /** Back to all zeroes, which costs nothing: the committed prefix is dropped. */
    @Override
    public void zero() {
        bytes = NOTHING_COMMITTED;
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        int length = toIndex - fromIndex;
        checkRange(fromIndex, length, size, WasmRuntimeException::new);
        Arrays.fill(committed(fromIndex, length), fromIndex, fromIndex + length, value);
    }

    @Override
    public void copy(int destination, int source, int length) {
        checkRange(destination, length, size, WasmRuntimeException::new);
        checkRange(source, length, size, WasmRuntimeException::new);
        committed(Math.max(destination, source), length);
        System.arraycopy(bytes, source, bytes, destination, length);
    }

    // One access = one check against the committed prefix, then the array access (whose own check the JIT drops).

    @Override
    public byte read(int address) {
        return committed(address, 1)[address];
    }

    @Override
    public void writeByte(int address, byte data) {
        committed(address, 1)[address] = data;
    }

    @Override
    public short readShort(int address) {
        return (short) SHORT.get(committed(address, 2), address);
    }

    @Override
    public long readU16(int address) {
        return readShort(address) & 0xFFFFL;
    }

    @Override
    public void writeShort(int address, short data) {
        SHORT.set(committed(address, 2), address, data);
    }

    @Override
    public int readInt(int address) {
        return (int) INT.get(committed(address, 4), address);
    }

    @Override
    public void writeI32(int address, int data) {
        INT.set(committed(address, 4), address, data);
    }

    @Override
    public long readLong(int address) {
        return (long) LONG.get(committed(address, 8), address);
    }

    @Override
    public void writeLong(int address, long data) {
        LONG.set(committed(address, 8), address, data);
    }

    @Override
    public float readFloat(int address) {
        return (float) FLOAT.get(committed(address, 4), address);
    }

    @Override
    public long readF32(int address) {
        return readInt(address);
    }

    @Override
    public void writeF32(int address, float data) {
        FLOAT.set(committed(address, 4), address, data);
    }

    @Override
    public double readDouble(int address) {
        return (double) DOUBLE.get(committed(address, 8), address);
    }

    @Override
    public long readF64(int address) {
        return readLong(address);
    }

    @Override
    public void writeF64(int address, double data) {
        DOUBLE.set(committed(address, 8), address, data);
    }

    /**
     * The array, committed at least up to {@code address + length}. Kept tiny so that it inlines into every access;
     * extending the prefix and the failure are out of line.
     */
    private byte[] committed(int address, int length) {
        byte[] committed = bytes;
        if (address < 0 || address > committed.length - length) {
            return commit(address, length);
        }
        return committed;
    }

    /** Extends the committed prefix to cover an access, or fails it when it is outside the memory's size. */
    private byte[] commit(int address, int length) {
        if (address < 0 || length < 0 || (long) address + length > size) {
            throw outOfBounds(address, length, size, WasmRuntimeException::new);
        }
        int needed = address + length;
        if (needed > bytes.length) {
            long grown = Math.max(roundUpToGranule(needed), bytes.length + (long) (bytes.length >> 1));
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, size));
        }
        return bytes;
    }

    static long roundUpToGranule(long bytes) {
        return (bytes + COMMIT_GRANULE - 1) / COMMIT_GRANULE * COMMIT_GRANULE;
    }

    private static void checkRange(
            int address, int length, int limit, Function<String, ? extends ChicoryException> exception) {
        if (address < 0 || length < 0 || (long) address + length > limit) {
            throw outOfBounds(address, length, limit, exception);
        }
    }

    /** Chicory's own wording, so a trap reads the same whichever memory the guest had. */
    private static ChicoryException outOfBounds(
            int address, int length, int limit, Function<String, ? extends ChicoryException> exception) {
        return exception.apply("out of bounds memory access: attempted to access address: " + address
                + " but limit is: " + limit + " and size: " + length);
    }
}
