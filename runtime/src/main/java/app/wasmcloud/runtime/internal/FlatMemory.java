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
 * 8.0 ms against 13.2 ms, bench/README.md). Growing copies the array into one twice as large (at most the cap), so a
 * guest that grows a page at a time copies less than twice its final size in all; the array's spare tail is never
 * addressable: every access is checked against the current size, not the array's length.
 *
 * <p>A memory built from the module's {@link MemoryImage} starts as a copy of it ({@code Arrays.copyOf}, which zeroes
 * only the tail past the image), and {@link #zero} and {@link #initialize} then leave it as it is, where Chicory would
 * zero the whole array a second time and copy the segments in. Pages are allocated up front, not when first touched:
 * a slow path on every access that extends the array (tried on 2026-12-03) made the JIT keep a call on every load and
 * store, and memory-heavy guests ran two to four times slower (bench/README.md).
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

    private final int initialPages;
    /** A Java array holds less than 2 GiB, so at most {@link #RUNTIME_MAX_PAGES}, as in Chicory's own memories. */
    private final int maximumPages;

    private static final byte[] EMPTY = new byte[0];

    private byte[] bytes;
    /** {@code pages * PAGE_SIZE}: the addressable bytes; {@code bytes} may be longer. */
    private int size;

    private int pages;
    /** Null when the data segments are applied by {@link #initialize} instead. */
    private final MemoryImage image;
    /** Until the first {@link #zero}: the array is as it was made, zeroes or the image. */
    private boolean asBuilt = true;
    /** The array holds the image, so {@link #initialize} has nothing to copy. */
    private boolean imageInPlace;

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
        this.bytes = SpareMemory.take(size, image);
        this.imageInPlace = image != null;
    }

    /**
     * Ends this memory: its array may go to a later instance ({@link SpareMemory}), wiped first. Call it only once the
     * instance has ended; any later access fails as out of bounds.
     */
    public void release() {
        byte[] released = bytes;
        bytes = EMPTY;
        size = 0;
        pages = 0;
        SpareMemory.giveBack(released);
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
        int wantedBytes = wanted * PAGE_SIZE;
        if (wantedBytes > bytes.length) {
            long doubled = Math.max(wantedBytes, 2L * bytes.length);
            bytes = Arrays.copyOf(bytes, (int) Math.min(doubled, (long) maximumPages * PAGE_SIZE));
        }
        pages = wanted;
        size = wantedBytes;
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
            if (!imageInPlace) {
                image.copyInto(bytes);
                imageInPlace = true;
            }
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
                System.arraycopy(data, 0, bytes, offset, data.length);
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
        System.arraycopy(data, offset, bytes, address, length);
    }

    @Override
    public byte[] readBytes(int address, int length) {
        checkRange(address, length, size, WasmRuntimeException::new);
        return Arrays.copyOfRange(bytes, address, address + length);
    }

    /**
     * Back to zeroes. Chicory calls it once, on a new memory, just before {@link #initialize}: then the array is still as
     * it was made (zeroes, or the image that initialize would write next), so nothing is done.
     */
    @Override
    public void zero() {
        if (asBuilt) {
            asBuilt = false;
            return;
        }
        Arrays.fill(bytes, 0, size, (byte) 0);
        imageInPlace = false;
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        int length = toIndex - fromIndex;
        checkRange(fromIndex, length, size, WasmRuntimeException::new);
        Arrays.fill(bytes, fromIndex, fromIndex + length, value);
    }

    @Override
    public void copy(int destination, int source, int length) {
        checkRange(destination, length, size, WasmRuntimeException::new);
        checkRange(source, length, size, WasmRuntimeException::new);
        System.arraycopy(bytes, source, bytes, destination, length);
    }

    // One access = one check against the addressable size, then the array access (whose own check the JIT may keep).

    @Override
    public byte read(int address) {
        check(address, 1);
        return bytes[address];
    }

    @Override
    public void writeByte(int address, byte data) {
        check(address, 1);
        bytes[address] = data;
    }

    @Override
    public short readShort(int address) {
        check(address, 2);
        return (short) SHORT.get(bytes, address);
    }

    @Override
    public long readU16(int address) {
        return readShort(address) & 0xFFFFL;
    }

    @Override
    public void writeShort(int address, short data) {
        check(address, 2);
        SHORT.set(bytes, address, data);
    }

    @Override
    public int readInt(int address) {
        check(address, 4);
        return (int) INT.get(bytes, address);
    }

    @Override
    public void writeI32(int address, int data) {
        check(address, 4);
        INT.set(bytes, address, data);
    }

    @Override
    public long readLong(int address) {
        check(address, 8);
        return (long) LONG.get(bytes, address);
    }

    @Override
    public void writeLong(int address, long data) {
        check(address, 8);
        LONG.set(bytes, address, data);
    }

    @Override
    public float readFloat(int address) {
        check(address, 4);
        return (float) FLOAT.get(bytes, address);
    }

    @Override
    public long readF32(int address) {
        return readInt(address);
    }

    @Override
    public void writeF32(int address, float data) {
        check(address, 4);
        FLOAT.set(bytes, address, data);
    }

    @Override
    public double readDouble(int address) {
        check(address, 8);
        return (double) DOUBLE.get(bytes, address);
    }

    @Override
    public long readF64(int address) {
        return readLong(address);
    }

    @Override
    public void writeF64(int address, double data) {
        check(address, 8);
        DOUBLE.set(bytes, address, data);
    }

    /** Kept tiny so that it inlines into every access; the failure is built out of line. */
    private void check(int address, int length) {
        if (address < 0 || address > size - length) {
            throw accessOutOfBounds(address, length);
        }
    }

    private ChicoryException accessOutOfBounds(int address, int length) {
        return outOfBounds(address, length, size, WasmRuntimeException::new);
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
