package app.wasmcloud.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Recycled memory arrays: whatever one guest left in its memory, the next instance sees only its own image. */
class SpareMemoryTest {

    private static final int SIZE = 2 * Memory.PAGE_SIZE;

    @Test
    void aRecycledArrayHoldsTheImageAndZeroesWhateverTheLastGuestWrote() throws IOException {
        MemoryImage image = image("fresh_memory");
        byte[] expected = image.copyOf(SIZE);
        // Every free slot gets an array full of another guest's bytes, so the takes below must recycle some.
        for (int i = 0; i < SpareMemory.SLOTS; i++) {
            byte[] dirty = new byte[SIZE];
            Arrays.fill(dirty, (byte) 0x5A);
            SpareMemory.giveBack(dirty);
        }

        for (int i = 0; i <= SpareMemory.SLOTS; i++) {
            assertThat(SpareMemory.take(SIZE, image)).as("take %d", i).isEqualTo(expected);
        }
        for (int i = 0; i < SpareMemory.SLOTS; i++) {
            byte[] dirty = new byte[SIZE];
            Arrays.fill(dirty, (byte) 0x5A);
            SpareMemory.giveBack(dirty);
        }
        for (int i = 0; i <= SpareMemory.SLOTS; i++) {
            assertThat(SpareMemory.take(SIZE, null))
                    .as("take %d without an image", i)
                    .containsOnly(0);
        }
    }

    @Test
    void aReleasedMemoryGoesToTheNextInstanceWipedAndCanNoLongerBeRead() throws IOException {
        MemoryImage image = image("fresh_memory");
        MemoryLimits twoPages = new MemoryLimits(2, 2);
        FlatMemory first = new FlatMemory(twoPages, image);
        first.write(0, "the first tenant's secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        first.writeLong(SIZE - 8, -1L);

        first.release();
        FlatMemory second = new FlatMemory(twoPages, image);

        assertThat(second.readBytes(0, SIZE)).isEqualTo(image.copyOf(SIZE));
        assertThatThrownBy(() -> first.read(0)).isInstanceOf(WasmRuntimeException.class);
        assertThat(first.pages()).isZero();
    }

    @Test
    void largeMemoriesAreNeverKept() {
        byte[] large = new byte[SpareMemory.MAX_BYTES + Memory.PAGE_SIZE];
        Arrays.fill(large, (byte) 1);

        SpareMemory.giveBack(large);

        assertThat(SpareMemory.take(large.length, null)).isNotSameAs(large).containsOnly(0);
    }

    private static MemoryImage image(String fixture) throws IOException {
        try (InputStream wasm = SpareMemoryTest.class.getResourceAsStream("/fixtures/" + fixture + ".wasm")) {
            return MemoryImage.of(Parser.parse(wasm));
        }
    }
}
