package app.wasmcloud.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A module's memory image: its active data segments applied once, over only the bytes they reach. */
class MemoryImageTest {

    @Test
    void anImageHoldsTheActiveSegmentsUpToTheirLastByte() throws IOException {
        WasmModule module = module("fresh_memory");

        MemoryImage image = MemoryImage.of(module);
        FlatMemory memory = new FlatMemory(new MemoryLimits(2, 8), image);
        memory.zero();
        memory.initialize(null, module.dataSection().dataSegments(), 0);

        assertThat(image.length()).isEqualTo(21);
        assertThat(memory.readBytes(16, 6)).containsExactly('h', 'e', 'l', 'l', 'o', 0);
        assertThat(memory.readBytes(21, 2 * 65536 - 21)).containsOnly(0);
    }

    @Test
    void aSegmentOutsideTheInitialPagesGetsNoImageSoInstantiationReportsIt() throws IOException {
        assertThat(MemoryImage.of(module("data_out_of_range"))).isNull();
    }

    @Test
    void aModuleWithoutMemoryHasNoImage() throws IOException {
        assertThat(MemoryImage.of(module("no_memory"))).isNull();
    }

    private static WasmModule module(String fixture) throws IOException {
        try (InputStream in = MemoryImageTest.class.getResourceAsStream("/fixtures/" + fixture + ".wasm")) {
            return Parser.parse(in.readAllBytes());
        }
    }

    @Test
    void zeroingAWrittenMemoryAndInitialisingItAgainGivesTheImageBack() throws IOException {
        WasmModule module = module("fresh_memory");
        FlatMemory memory = new FlatMemory(new MemoryLimits(2, 8), MemoryImage.of(module));
        memory.zero();
        memory.initialize(null, module.dataSection().dataSegments(), 0);
        memory.writeByte(16, (byte) 'J');
        memory.writeByte(100, (byte) 1);

        memory.zero();
        memory.initialize(null, module.dataSection().dataSegments(), 0);

        assertThat(memory.readBytes(16, 5)).containsExactly('h', 'e', 'l', 'l', 'o');
        assertThat(memory.read(100)).isZero();
    }
}
