package app.wasmcloud.runtime;

import app.wasmcloud.contract.Sha256;
import app.wasmcloud.runtime.internal.ModuleStructure;
import app.wasmcloud.runtime.olin.OlinImports;
import app.wasmcloud.runtime.wasi.WasiImports;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a module can run here, collecting every reason it cannot (so an upload is answered with the whole
 * list at once): parts within {@link ModuleLimits} (checked on the bytes, before Chicory parses them), well-formed,
 * imports known and of one ABI, an entrypoint, memory within the cap.
 */
final class ModuleValidation {

    static final String START = "_start";
    static final String LEGACY_MAIN = "cwa_main";

    /**
     * A module that passed, with what running it needs.
     *
     * @param interpretedFunctions functions to interpret rather than compile, known before compiling
     */
    record Validated(
            WasmModule module,
            ModuleInfo info,
            MemoryLimits declaredMemory,
            boolean entrypointReturnsCode,
            Set<Integer> interpretedFunctions) {}

    private final List<String> reasons = new ArrayList<>();

    private ModuleValidation() {}

    static Validated validate(byte[] wasm, String entrypointOrNull, int maxMemoryPages, ModuleLimits limits)
            throws InvalidModuleException {
        return new ModuleValidation().run(wasm, entrypointOrNull, maxMemoryPages, limits);
    }

    private Validated run(byte[] wasm, String entrypointOrNull, int maxMemoryPages, ModuleLimits limits)
            throws InvalidModuleException {
        if (wasm == null || wasm.length == 0) {
            throw new InvalidModuleException(List.of("the module is empty"));
        }
        checkMagic(wasm);
        ModuleStructure structure = ModuleStructure.of(wasm, limits);
        if (!structure.overLimits().isEmpty()) {
            throw new InvalidModuleException(structure.overLimits());
        }
        if (structure.malformed().isPresent()) {
            throw new InvalidModuleException(List.of(
                    "not a valid WebAssembly module: " + structure.malformed().get()));
        }
        WasmModule module = parse(wasm);
        List<String> imports = new ArrayList<>();
        Abi abi = checkImports(module, imports);
        String entrypoint = checkEntrypoint(module, entrypointOrNull);
        MemoryLimits memory = checkMemory(module, maxMemoryPages);
        if (!reasons.isEmpty()) {
            throw new InvalidModuleException(reasons);
        }
        List<String> exports = new ArrayList<>();
        ExportSection section = module.exportSection();
        for (int i = 0; i < section.exportCount(); i++) {
            exports.add(section.getExport(i).name());
        }
        FunctionType entryType = exportedFunctionType(module, entrypoint);
        var info = new ModuleInfo(Sha256.hex(wasm), wasm.length, abi, entrypoint, imports, exports);
        return new Validated(module, info, memory, !entryType.returns().isEmpty(), structure.beyondJvmMethod());
    }

    private static final byte[] WASM_MAGIC = {0x00, 0x61, 0x73, 0x6d};

    /** Checked first so the common mistake (uploading source, a native binary, a zip) gets a plain answer. */
    private static void checkMagic(byte[] wasm) throws InvalidModuleException {
        if (wasm.length < WASM_MAGIC.length
                || !java.util.Arrays.equals(wasm, 0, WASM_MAGIC.length, WASM_MAGIC, 0, WASM_MAGIC.length)) {
            throw new InvalidModuleException(
                    List.of("not a WebAssembly module: a compiled .wasm file starts with the bytes \\0asm"));
        }
    }

    private static WasmModule parse(byte[] wasm) throws InvalidModuleException {
        try {
            return Parser.builder().withValidation(true).build().parse(() -> new ByteArrayInputStream(wasm));
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidModuleException(List.of("not a valid WebAssembly module: " + describe(e)));
        }
    }

    private Abi checkImports(WasmModule module, List<String> names) {
        boolean olin = false;
        boolean wasi = false;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imported = module.importSection().getImport(i);
            String name = imported.module() + "." + imported.name();
            names.add(name);
            Map<String, FunctionType> known = knownFunctions(imported.module());
            if (imported.importType() != ExternalType.FUNCTION || known == null) {
                unknown.add(name + (imported.importType() == ExternalType.FUNCTION ? "" : " (" + kind(imported) + ")"));
                continue;
            }
            FunctionType expected = known.get(imported.name());
            if (expected == null) {
                unknown.add(name);
                continue;
            }
            FunctionType actual = module.typeSection().getType(((FunctionImport) imported).typeIndex());
            if (!expected.equals(actual)) {
                reasons.add("import " + name + " has type " + actual + " but this runtime provides " + expected);
            }
            olin |= known == OlinImports.signatures();
            wasi |= known == WasiImports.signatures();
        }
        if (!unknown.isEmpty()) {
            reasons.add("unknown imports (neither Olin under env/cwa nor " + WasiImports.MODULE + "): "
                    + String.join(", ", unknown));
        }
        if (olin && wasi) {
            reasons.add("the module imports both Olin (env/cwa) and WASI (" + WasiImports.MODULE
                    + ") functions; use one ABI");
        }
        return wasi ? Abi.WASI : Abi.OLIN;
    }

    private static Map<String, FunctionType> knownFunctions(String module) {
        if (OlinImports.MODULES.contains(module)) {
            return OlinImports.signatures();
        }
        return WasiImports.MODULE.equals(module) ? WasiImports.signatures() : null;
    }

    private static String kind(Import imported) {
        return imported.importType().name().toLowerCase(Locale.ROOT);
    }

    /** {@code _start}, else the pre-2019-12 {@code cwa_main}, unless the version names its own. */
    private String checkEntrypoint(WasmModule module, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            FunctionType type = exportedFunctionType(module, explicit);
            if (type == null) {
                reasons.add("the entrypoint " + explicit + " is not an exported function");
            } else if (!type.params().isEmpty()
                    || !(type.returns().isEmpty() || type.returns().equals(List.of(ValType.I32)))) {
                reasons.add("the entrypoint " + explicit
                        + " must take no arguments and return nothing or an i32, but is " + type);
            }
            return explicit;
        }
        FunctionType start = exportedFunctionType(module, START);
        if (start != null) {
            if (!start.equals(FunctionType.empty())) {
                reasons.add("_start must take no arguments and return nothing, but is " + start);
            }
            return START;
        }
        FunctionType legacy = exportedFunctionType(module, LEGACY_MAIN);
        if (legacy != null) {
            if (!legacy.equals(FunctionType.returning(ValType.I32))) {
                reasons.add("cwa_main must take no arguments and return an i32, but is " + legacy);
            }
            return LEGACY_MAIN;
        }
        reasons.add("no entrypoint: export _start (or the legacy cwa_main), or name the entrypoint explicitly");
        return START;
    }

    private static FunctionType exportedFunctionType(WasmModule module, String name) {
        ExportSection exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            Export export = exports.getExport(i);
            if (export.name().equals(name) && export.exportType() == ExternalType.FUNCTION) {
                return functionType(module, export.index());
            }
        }
        return null;
    }

    private static FunctionType functionType(WasmModule module, int functionIndex) {
        int imported = 0;
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import candidate = module.importSection().getImport(i);
            if (candidate.importType() == ExternalType.FUNCTION) {
                if (imported == functionIndex) {
                    return module.typeSection().getType(((FunctionImport) candidate).typeIndex());
                }
                imported++;
            }
        }
        return module.functionSection().getFunctionType(functionIndex - imported, module.typeSection());
    }

    private MemoryLimits checkMemory(WasmModule module, int maxMemoryPages) {
        MemoryLimits declared = module.memorySection()
                .filter(section -> section.memoryCount() > 0)
                .map(section -> section.getMemory(0).limits())
                .orElse(null);
        if (declared != null && declared.initialPages() > maxMemoryPages) {
            reasons.add("the module's memory starts at " + declared.initialPages() + " pages ("
                    + declared.initialPages() / 16 + " MiB), over the limit of " + maxMemoryPages + " pages ("
                    + maxMemoryPages / 16 + " MiB)");
        }
        if (module.memorySection().map(MemorySection::memoryCount).orElse(0) > 1) {
            reasons.add("the module declares more than one memory");
        }
        return declared;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
