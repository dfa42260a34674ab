package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WasmFunctionTest {

    private static InvalidModuleException refusal(byte[] wasm, String entrypoint) {
        return catchThrowableOfType(InvalidModuleException.class, () -> WasmFunction.load(wasm, entrypoint, 256));
    }

    @Test
    void inspectDescribesAnOlinModule() throws Exception {
        byte[] wasm = Fixtures.bytes("hello_start");

        ModuleInfo info = WasmFunction.inspect(wasm, null, 256);

        assertThat(info.abi()).isEqualTo(Abi.OLIN);
        assertThat(info.entrypoint()).isEqualTo("_start");
        assertThat(info.imports()).containsExactly("env.io_get_stdout", "env.resource_write");
        assertThat(info.exports()).containsExactly("memory", "_start");
        assertThat(info.sizeBytes()).isEqualTo(wasm.length);
        assertThat(info.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(wasm)));
    }

    @Test
    void loadGivesTheSameInfoAsInspect() throws Exception {
        byte[] wasm = Fixtures.bytes("olin_abi");

        assertThat(WasmFunction.load(wasm, "null_write", 256).info())
                .isEqualTo(WasmFunction.inspect(wasm, "null_write", 256));
    }

    @Test
    void aWasiModuleIsRecognised() throws Exception {
        ModuleInfo info = WasmFunction.inspect(Fixtures.bytes("wasi_exit"), null, 256);

        assertThat(info.abi()).isEqualTo(Abi.WASI);
        assertThat(info.imports())
                .containsExactly("wasi_snapshot_preview1.fd_write", "wasi_snapshot_preview1.proc_exit");
    }

    @Test
    void cwaMainIsTheEntrypointWhenStartIsMissing() throws Exception {
        assertThat(WasmFunction.inspect(Fixtures.bytes("cwa_main"), null, 256).entrypoint())
                .isEqualTo("cwa_main");
    }

    @Test
    void bytesThatAreNotWasmAreRefused() {
        InvalidModuleException refused = refusal("hello".getBytes(StandardCharsets.UTF_8), null);

        assertThat(refused.reasons())
                .containsExactly("not a WebAssembly module: a compiled .wasm file starts with the bytes \\0asm");
    }

    @Test
    void emptyAndTruncatedModulesAreRefused() {
        byte[] wasm = Fixtures.bytes("olin_abi");
        byte[] truncated = java.util.Arrays.copyOf(wasm, wasm.length / 2);

        assertThat(refusal(new byte[0], null).reasons()).containsExactly("the module is empty");
        assertThat(refusal(truncated, null).reasons())
                .singleElement()
                .asString()
                .startsWith("not a valid WebAssembly module");
    }

    @Test
    void everyUnknownImportIsNamed() {
        InvalidModuleException refused = refusal(Fixtures.bytes("unknown_imports"), null);

        assertThat(refused.reasons())
                .singleElement()
                .asString()
                .contains("env.fopen", "somewhere.else", "env.table (table)")
                .doesNotContain("env.log_write");
        assertThat(refused.getMessage()).isEqualTo(String.join("; ", refused.reasons()));
    }

    @Test
    void aKnownImportWithTheWrongTypeIsRefused() {
        assertThat(refusal(Fixtures.bytes("wrong_signature"), null).reasons())
                .singleElement()
                .asString()
                .contains("env.log_write", "has type");
    }

    @Test
    void mixingOlinAndWasiIsRefused() {
        assertThat(refusal(Fixtures.bytes("mixed_abi"), null).reasons())
                .singleElement()
                .asString()
                .contains("both Olin", "WASI");
    }

    @Test
    void aModuleWithoutEntrypointIsRefusedUnlessOneIsNamed() throws Exception {
        byte[] wasm = Fixtures.bytes("no_entrypoint");

        assertThat(refusal(wasm, null).reasons()).singleElement().asString().startsWith("no entrypoint");
        assertThat(refusal(wasm, "missing").reasons())
                .containsExactly("the entrypoint missing is not an exported function");
        assertThat(WasmFunction.inspect(wasm, "main", 256).entrypoint()).isEqualTo("main");
    }

    @Test
    void memoryDeclaredOverTheCapIsRefused() throws Exception {
        byte[] wasm = Fixtures.bytes("big_memory");

        assertThat(refusal(wasm, null).reasons())
                .singleElement()
                .asString()
                .contains("300 pages", "limit of 256 pages");
        assertThat(WasmFunction.inspect(wasm, null, 300).entrypoint()).isEqualTo("_start");
    }

    @Test
    void allReasonsAreReportedTogether() {
        byte[] wasm = Fixtures.bytes("unknown_imports");

        InvalidModuleException refused = refusal(wasm, "nope");

        assertThat(refused.reasons()).hasSize(2);
    }
}
