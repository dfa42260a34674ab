package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.OlinImports;
import app.wasmcloud.runtime.wasi.WasiImports;
import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.MethodTooLargeException;

/**
 * A validated module compiled to JVM bytecode, ready to be instantiated once per invocation. Compiling is the
 * expensive step, so it happens once here and the machine factory is reused with the same {@link WasmModule}.
 */
public final class WasmFunction {

    private final WasmModule module;
    private final Function<Instance, Machine> machineFactory;
    private final ModuleInfo info;
    private final MemoryLimits declaredMemory;
    private final boolean entrypointReturnsCode;
    private final boolean loadedFromCache;
    private final ImportValues olinImports;
    private final Instantiation instantiation;

    private WasmFunction(
            ModuleValidation.Validated validated, Function<Instance, Machine> machineFactory, boolean loadedFromCache) {
        this.module = validated.module();
        this.machineFactory = machineFactory;
        this.loadedFromCache = loadedFromCache;
        this.info = validated.info();
        this.declaredMemory = validated.declaredMemory();
        this.entrypointReturnsCode = validated.entrypointReturnsCode();
        this.olinImports = info.abi() == Abi.OLIN ? OlinImports.forModule(module) : null;
        this.instantiation = new Instantiation(
                module, machineFactory, olinImports != null ? olinImports : WasiImports.ofShapeForLinking());
    }

    /**
     * Parses, validates (wasm well-formed, imports known: Olin under env or cwa, or wasi_snapshot_preview1, not mixed;
     * an entrypoint _start or cwa_main or the explicit one; declared initial memory &lt;= maxMemoryPages), then
     * compiles once.
     */
    public static WasmFunction load(byte[] wasm, String entrypointOrNull, int maxMemoryPages)
            throws InvalidModuleException {
        return load(wasm, entrypointOrNull, maxMemoryPages, ModuleLimits.DEFAULTS);
    }

    /** {@link #load(byte[], String, int)}, with the module's parts held to {@code limits} before anything else. */
    public static WasmFunction load(byte[] wasm, String entrypointOrNull, int maxMemoryPages, ModuleLimits limits)
            throws InvalidModuleException {
        ModuleValidation.Validated validated =
                ModuleValidation.validate(wasm, entrypointOrNull, maxMemoryPages, limits);
        // Compiled code checks the thread's interrupt flag on back-edges, which is what makes timeouts work.
        // Functions too large for a JVM method are still interpreted; GuestRun guards those separately.
        return new WasmFunction(
                validated, compile(validated, MachineFactoryCompiler.builder(validated.module())), false);
    }

    /** {@link #load(byte[], String, int, ModuleLimits, CompiledClassCache)} with the default module limits. */
    public static WasmFunction load(byte[] wasm, String entrypointOrNull, int maxMemoryPages, CompiledClassCache cache)
            throws InvalidModuleException {
        return load(wasm, entrypointOrNull, maxMemoryPages, ModuleLimits.DEFAULTS, cache);
    }

    /**
     * {@link #load(byte[], String, int, ModuleLimits)}, taking the compiled classes from {@code cache} when it has them and storing
     * them there when it does not. A cache that fails (unreadable, corrupt, full disk) only costs a compile.
     */
    public static WasmFunction load(
            byte[] wasm, String entrypointOrNull, int maxMemoryPages, ModuleLimits limits, CompiledClassCache cache)
            throws InvalidModuleException {
        ModuleValidation.Validated validated =
                ModuleValidation.validate(wasm, entrypointOrNull, maxMemoryPages, limits);
        String key = CachedClasses.key(validated.info().sha256());
        CachedClasses cached = new CachedClasses(cache, key, true);
        try {
            Function<Instance, Machine> factory = compile(
                    validated,
                    MachineFactoryCompiler.builder(validated.module()).withCache(cached));
            return new WasmFunction(validated, factory, cached.hit());
        } catch (InvalidModuleException e) {
            if (!cached.hit()) {
                throw e;
            }
            // What the cache held would not load: compile afresh and replace it.
            CachedClasses replacing = new CachedClasses(cache, key, false);
            return new WasmFunction(
                    validated,
                    compile(
                            validated,
                            MachineFactoryCompiler.builder(validated.module()).withCache(replacing)),
                    false);
        }
    }

    /**
     * Compiles, interpreting from the start the functions known to be too large for a JVM method. Chicory would find
     * them itself, but only after emitting them in full, which for many branches to one label takes time and memory
     * quadratic in their number (ASM grows a label's forward references 6 ints at a time: bench/chicory-br-table).
     * Chicory only accepts a fixed list with {@code FAIL} for the rest, so a function that still turns out too large
     * is added to the list and the compile retried, as Chicory's own fallback does.
     */
    private static Function<Instance, Machine> compile(
            ModuleValidation.Validated validated, MachineFactoryCompiler.Builder compiler)
            throws InvalidModuleException {
        Set<Integer> interpreted = new HashSet<>(validated.interpretedFunctions());
        while (true) {
            if (!interpreted.isEmpty()) {
                compiler.withInterpretedFunctions(Set.copyOf(interpreted))
                        .withInterpreterFallback(InterpreterFallback.FAIL);
            }
            try {
                return compiler.compile();
            } catch (RuntimeException e) {
                Integer tooLarge = tooLargeFunction(e);
                if (tooLarge == null || !interpreted.add(tooLarge)) {
                    throw notCompiled(e);
                }
            } catch (StackOverflowError | LinkageError e) {
                throw notCompiled(e);
            }
        }
    }

    /** The function a FAIL-mode compile refused as too large for a JVM method, or null for any other failure. */
    private static Integer tooLargeFunction(RuntimeException e) {
        if (e.getCause() instanceof MethodTooLargeException tooLarge
                && tooLarge.getMethodName().startsWith("func_")) {
            try {
                return Integer.valueOf(tooLarge.getMethodName().substring("func_".length()));
            } catch (NumberFormatException notAFunction) {
                return null;
            }
        }
        return null;
    }

    private static InvalidModuleException notCompiled(Throwable e) {
        return new InvalidModuleException(List.of("the module could not be compiled: " + ModuleValidation.describe(e)));
    }

    /** Validation only (no compile): cheap; same reasons as {@link #load}, with the default module limits. */
    public static ModuleInfo inspect(byte[] wasm, String entrypointOrNull, int maxMemoryPages)
            throws InvalidModuleException {
        return inspect(wasm, entrypointOrNull, maxMemoryPages, ModuleLimits.DEFAULTS);
    }

    /** Validation only (no compile): cheap; same reasons as {@link #load}. */
    public static ModuleInfo inspect(byte[] wasm, String entrypointOrNull, int maxMemoryPages, ModuleLimits limits)
            throws InvalidModuleException {
        return ModuleValidation.validate(wasm, entrypointOrNull, maxMemoryPages, limits)
                .info();
    }

    public ModuleInfo info() {
        return info;
    }

    /** Whether the compiled classes came from a {@link CompiledClassCache} rather than from compiling the module. */
    public boolean loadedFromCache() {
        return loadedFromCache;
    }

    WasmModule module() {
        return module;
    }

    Function<Instance, Machine> machineFactory() {
        return machineFactory;
    }

    /** How each invocation gets its instance, resolved once. */
    Instantiation instantiation() {
        return instantiation;
    }

    /** The Olin host functions the module imports, shared by its invocations; null for a WASI module. */
    ImportValues olinImports() {
        return olinImports;
    }

    /** The memory the module declares, or null when it has none. */
    MemoryLimits declaredMemory() {
        return declaredMemory;
    }

    /** Whether the entrypoint returns its exit code (cwa_main) rather than returning nothing (_start). */
    boolean entrypointReturnsCode() {
        return entrypointReturnsCode;
    }
}
