package app.wasmcloud.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import org.junit.jupiter.api.Test;

/** The runtime's linear memory: one array that grows ahead of the guest, but only ever exposes the guest's pages. */
class FlatMemoryTest {

    private static final int PAGE = Memory.PAGE_SIZE;

    @Test
    void growthKeepsTheContentAndAddsZeroedPages() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(1, 8));
        memory.writeLong(PAGE - 8, 0x0102030405060708L);

        assertThat(memory.grow(1)).isEqualTo(1);
        assertThat(memory.grow(1)).isEqualTo(2);

        assertThat(memory.pages()).isEqualTo(3);
        assertThat(memory.readLong(PAGE - 8)).isEqualTo(0x0102030405060708L);
        assertThat(memory.readBytes(PAGE, 2 * PAGE)).containsOnly(0);
    }

    @Test
    void bytesPastTheGuestsPagesAreOutOfBoundsEvenWhenTheArrayHasRoomForThem() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(1, 8));
        memory.grow(1);
        memory.grow(1); // three pages; the array was doubled to four
        int end = 3 * PAGE;

        memory.writeI32(end - 4, 42);
        assertThat(memory.readInt(end - 4)).isEqualTo(42);
        assertThatThrownBy(() -> memory.read(end))
                .isInstanceOf(WasmRuntimeException.class)
                .hasMessage("out of bounds memory access: attempted to access address: " + end + " but limit is: " + end
                        + " and size: 1");
        assertThatThrownBy(() -> memory.readInt(end - 2)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> memory.writeLong(end - 4, 1L)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> memory.readBytes(end - 1, 2)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> memory.fill((byte) 1, end - 1, end + 1)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> memory.copy(end - 1, 0, 2)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> memory.write(end - 1, new byte[2], 0, 2)).isInstanceOf(WasmRuntimeException.class);
    }

    @Test
    void negativeAddressesAndLengthsAreOutOfBounds() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(1, 1));

        assertThatThrownBy(() -> memory.readInt(-1)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> memory.writeByte(Integer.MIN_VALUE, (byte) 1))
                .isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> memory.readBytes(0, -1)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> memory.write(100, new byte[8], 4, Integer.MAX_VALUE))
                .isInstanceOf(WasmRuntimeException.class);
    }

    @Test
    void aMemoryWithNoPagesHasNoAddressableByte() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(0, 1));

        assertThatThrownBy(() -> memory.read(0)).isInstanceOf(WasmRuntimeException.class);
        assertThat(memory.grow(1)).isZero();
        assertThat(memory.read(PAGE - 1)).isZero();
    }

    @Test
    void growthPastTheCapIsRefusedAndRemembered() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(1, 2));

        assertThat(memory.grow(1)).isEqualTo(1);
        assertThat(memory.growRefused()).isFalse();
        assertThat(memory.grow(1)).isEqualTo(-1);
        assertThat(memory.growRefused()).isTrue();
        assertThat(memory.pages()).isEqualTo(2);
        assertThat(memory.grow(-1)).as("an unsigned 2^32-1 pages").isEqualTo(-1);
    }

    @Test
    void theArrayNeverGrowsPastTheCap() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(2, 3));

        assertThat(memory.grow(1)).isEqualTo(2);

        assertThat(memory.maximumPages()).isEqualTo(3);
        assertThat(memory.pages()).isEqualTo(3);
        assertThat(memory.readInt(3 * PAGE - 4)).isZero();
    }

    @Test
    void copiesMayOverlapInEitherDirection() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(1, 1));
        memory.write(0, new byte[] {1, 2, 3, 4, 5});

        memory.copy(1, 0, 4);
        assertThat(memory.readBytes(0, 5)).containsExactly(1, 1, 2, 3, 4);
        memory.copy(0, 1, 4);
        assertThat(memory.readBytes(0, 5)).containsExactly(1, 2, 3, 4, 4);
    }

    @Test
    void valuesAreLittleEndian() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(1, 1));

        memory.writeI32(0, 0x01020304);
        memory.writeF64(8, 1.5);

        assertThat(memory.readBytes(0, 4)).containsExactly(4, 3, 2, 1);
        assertThat(memory.readU16(0)).isEqualTo(0x0304);
        assertThat(memory.readDouble(8)).isEqualTo(1.5);
        assertThat(memory.readF64(8)).isEqualTo(Double.doubleToRawLongBits(1.5));
    }

    @Test
    void atomicOperationsWork() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(1, 1));

        assertThat(memory.atomicAddInt(16, 5)).isZero();
        assertThat(memory.atomicCmpxchgInt(16, 5, 7)).isEqualTo(5);
        assertThat(memory.atomicReadInt(16)).isEqualTo(7);
        assertThatThrownBy(() -> memory.atomicWait(16, 7, 0L))
                .isInstanceOf(ChicoryException.class)
                .hasMessageContaining("non-shared");
    }

    @Test
    void zeroingDropsWhatWasWrittenOnceTheMemoryIsInUse() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(1, 1));
        memory.zero(); // as Chicory does before initialising: the new array is zero already
        memory.writeLong(8, -1L);

        memory.zero();

        assertThat(memory.readLong(8)).isZero();
        assertThat(memory.readBytes(0, PAGE)).containsOnly(0);
    }
}
