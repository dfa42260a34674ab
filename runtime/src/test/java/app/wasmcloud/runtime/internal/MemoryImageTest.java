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
    void anImageHoldsTheActiveSegmentsUpToTheGranuleTheyEndIn() throws IOException {
        WasmModule module = module("fresh_memory");

        MemoryImage image = MemoryImage.of(module);
        FlatMemory memory = new FlatMemory(new MemoryLimits(2, 8), image);
        memory.zero();
        memory.initialize(null, module.dataSection().dataSegments(), 0);

        assertThat(image.length()).isEqualTo(FlatMemory.COMMIT_GRANULE);
        assertThat(memory.readBytes(16, 6)).containsExactly('h', 'e', 'l', 'l', 'o', 0);
        assertThat(memory.committedBytes()).isEqualTo(FlatMemory.COMMIT_GRANULE);
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
}
